import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkDocument } from '../../../server/src/checks/engine';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { runCli } from '../../../server/src/cli/run';
import type { FileKind } from '../../../server/src/model/fileKind';
import { formatDocument } from '../../../server/src/features/formatting';
import { MAX_CHECKED_LENGTH } from '../../../server/src/model/sizeLimits';
import { CachingFileSource } from '../../../server/src/workspace/cachingFileSource';
import { collectFiles } from '../../../server/src/workspace/collectFiles';
import { OverlayFileSource } from '../../../server/src/workspace/fileSource';
import { readConfigBytes, readConfigFile } from '../../../server/src/workspace/readConfigFile';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { codes, lint, parse } from '../../helpers';
import { MemoryFiles } from '../workspace/memoryFiles';
import { makeTempDir } from '../../tempDir';

/** A hang guard, not a speed claim: speed is measured by `npm run bench`. */
const HANG_GUARD = { timeout: 60_000 };

describe('large and hostile inputs', () => {
  const kinds: FileKind[] = ['ipsec', 'ipsec-secrets', 'racoon', 'racoon-psk', 'setkey'];

  it('an 8 MB file of 80,000 conns, just under the size that is checked, parses and checks', HANG_GUARD, () => {
    const text = Array.from({ length: 80_000 }, (_, i) => `conn c${i}\n\tleft=192.0.2.${i % 250}\n\tright=198.51.100.${i % 250}\n\tauto=add\n\tpfs=yes\n\trightid=@peer-${i}.example.org\n`).join('');
    assert.ok(text.length > 7_500_000 && text.length <= MAX_CHECKED_LENGTH);
    const document = parse('ipsec', text);
    assert.equal(document.kind === 'ipsec' && document.ast.sections.length, 80_000);
    assert.deepEqual(checkDocument(document), []);
  });

  it('a file larger than that is not parsed: one file-too-large warning, and no formatting edit that would empty it', HANG_GUARD, () => {
    const remote = 'remote 198.18.0.1 {\n\texchange_mode mian;\n}\n';
    for (const [kind, text] of [
      ['racoon', remote.repeat(Math.ceil(MAX_CHECKED_LENGTH / remote.length) + 1)],
      ['ipsec', `conn a\n\tleft=192.0.2.1\n${'\tauto=add\n'.repeat(MAX_CHECKED_LENGTH / 8)}`],
    ] as const) {
      const document = parse(kind, text);
      assert.ok(document.source.text.length > MAX_CHECKED_LENGTH);
      const findings = checkDocument(document);
      assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['file-too-large', 'warning']], kind);
      assert.match(findings[0].message, /more than the 8 MB that are checked/);
      assert.deepEqual(formatDocument(document), [], kind);
    }
    // One character less, and the same racoon.conf is checked as usual.
    const atLimit = remote.repeat(Math.floor(MAX_CHECKED_LENGTH / remote.length));
    const atLimitCodes = codes(checkDocument(parse('racoon', atLimit)));
    assert.ok(atLimitCodes.includes('racoon-bad-value'));
    assert.ok(!atLimitCodes.includes('file-too-large'));
  });

  it('a 5 MB line goes through every parser', HANG_GUARD, () => {
    for (const kind of kinds) {
      for (const filler of ['a', '"', '{', ' ', '=', '#', ';']) {
        assert.doesNotThrow(() => lint(kind, `conn x\n\tleft=${filler.repeat(5_000_000)}\n`), `${kind} ${filler}`);
      }
    }
  });

  it('50,000 nested braces do not overflow any parser', HANG_GUARD, () => {
    for (const kind of kinds) assert.doesNotThrow(() => lint(kind, `remote anonymous ${'{'.repeat(50_000)}${'}'.repeat(50_000)}`), kind);
  });

  it('NUL bytes and invalid UTF-8 give one binary-content finding', () => {
    for (const kind of kinds) {
      assert.deepEqual(codes(lint(kind, 'conn a\n\u0000\u0000\u0001binary\n'.repeat(100))), ['binary-content'], kind);
    }
    const root = makeTempDir('ipsec-bin-');
    writeFileSync(path.join(root, 'ipsec.conf'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x0a].concat(Array(200).fill(0xff))));
    const read = readConfigFile(path.join(root, 'ipsec.conf'));
    assert.ok(read.ok);
    assert.deepEqual(codes(lint('ipsec', read.ok ? read.text : '')), ['binary-content']);
  });

  it('a byte order mark at the start is reported, not crashed on', () => {
    assert.deepEqual(codes(lint('ipsec', '\ufeffconn a\n\tleft=192.0.2.1\n')), ['nonascii-whitespace']);
  });

  it('5,000 includes in one node are followed once each', HANG_GUARD, () => {
    const files: Record<string, string> = { '/ws/n/ipsec.conf': 'include /etc/ipsec.d/*.conf\n' };
    for (let i = 0; i < 5000; i++) files[`/ws/n/ipsec.d/p${i}.conf`] = `conn p${i}\n\tright=203.0.113.${i % 250}\ninclude p${(i + 1) % 5000}.conf\n`;
    const model = new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/n/ipsec.conf']);
    assert.equal(model.nodes[0].conns.size, 5000);
    assert.doesNotThrow(() => checkWorkspace(model));
  });

  it('adversarial strings do not make any regular expression backtrack for long', HANG_GUARD, () => {
    const evil = ['# ipsec-lint-disable ' + ' ,'.repeat(100_000), '#!' + ' '.repeat(100_000) + 'setkey', 'remote' + ' x'.repeat(100_000), ':' + ' PSK'.repeat(50_000), '*'.repeat(10_000)];
    for (const kind of kinds) for (const text of evil) assert.doesNotThrow(() => lint(kind, text));
  });
});

describe('the file system', () => {
  it('skips FIFOs and directories named like config files, and stops at symlink loops', HANG_GUARD, () => {
    const root = makeTempDir('ipsec-fs-');
    mkdirSync(path.join(root, 'etc', 'ipsec.d', 'loop'), { recursive: true });
    mkdirSync(path.join(root, 'etc', 'racoon.conf'));
    symlinkSync(path.join(root, 'etc'), path.join(root, 'etc', 'ipsec.d', 'loop', 'back'));
    writeFileSync(path.join(root, 'etc', 'ipsec.conf'), 'conn a\n\tleft=192.0.2.1\n');
    const { files } = collectFiles([root]);
    assert.deepEqual(files.map((f) => path.relative(root, f.filePath)), ['etc/ipsec.conf']);
    assert.equal(readConfigFile(path.join(root, 'etc', 'racoon.conf')).ok, false);
  });

  it('reads a file a listing showed as regular in one go, whatever its size, and never waits on what it has become', HANG_GUARD, () => {
    const root = makeTempDir('ipsec-read-');
    const small = path.join(root, 'small.conf');
    const large = path.join(root, 'large.conf');
    writeFileSync(small, 'conn a\n');
    const big = `# ${'x'.repeat(200_000)}\n`;
    writeFileSync(large, big);
    assert.deepEqual(readConfigFile(small, true), { ok: true, text: 'conn a\n' });
    assert.deepEqual(readConfigFile(large, true), { ok: true, text: big });
    assert.equal(readConfigBytes(large, 1000, true), undefined, 'over the limit');
    assert.deepEqual(readConfigBytes(small, 1000, true), Buffer.from('conn a\n'));
    // Listed as a file, then replaced: a directory and a FIFO are refused or read empty, never waited on.
    mkdirSync(path.join(root, 'now-a-folder'));
    assert.deepEqual(readConfigFile(path.join(root, 'now-a-folder'), true), { ok: false, reason: 'is a directory' });
    const fifo = path.join(root, 'now-a-fifo');
    execFileSync('mkfifo', [fifo]);
    const read = readConfigFile(fifo, true);
    assert.ok(!read.ok || read.text === '');
    assert.equal(readConfigFile(fifo).ok, false);
  });

  it('the CLI does not read a file over 8 MB, says so, and checks the rest', HANG_GUARD, () => {
    const root = makeTempDir('ipsec-huge-');
    mkdirSync(path.join(root, 'hub', 'etc', 'racoon'), { recursive: true });
    writeFileSync(path.join(root, 'hub', 'etc', 'racoon', 'racoon.conf'), `# ${'x'.repeat(MAX_CHECKED_LENGTH + 1024 * 1024)}\n`);
    writeFileSync(path.join(root, 'hub', 'etc', 'racoon', 'setkey.conf'), 'spdadd 10.0.0.0/24 10.1.0.0/24 any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/required;\n');
    let out = '';
    assert.equal(runCli(['-f', 'unix', '.'], { cwd: root, stdout: (t) => (out += t), stderr: () => undefined }), 1);
    assert.match(out, /racoon\.conf is 9 MB, more than the 8 MB that are read; not checked/);
    assert.match(out, /setkey\.conf:1:.*setkey-bad-level/);
  });

  it('a workspace reads files until they hold the text budget, and counts a changed file anew', () => {
    const base = new MemoryFiles({ '/a.conf': 'a'.repeat(40), '/b.conf': 'b'.repeat(40), '/c.conf': 'c'.repeat(40) });
    const files = new CachingFileSource(base, 100);
    assert.equal(files.read('/a.conf').ok, true);
    assert.equal(files.read('/b.conf').ok, true);
    const refused = files.read('/c.conf');
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.reason, /already hold .* of text, and at most .* are checked at once/);
    assert.deepEqual(files.notReadForSize(), ['/c.conf']);
    base.set('/a.conf', 'a');
    files.invalidate('/a.conf');
    files.invalidate('/c.conf');
    assert.deepEqual(files.notReadForSize(), []);
    assert.deepEqual(files.read('/a.conf'), { ok: true, text: 'a' });
    assert.equal(files.read('/c.conf').ok, true, 'a.conf now holds less, which leaves room for c.conf');
    assert.equal(files.read('/missing.conf').ok, false);
    assert.deepEqual(files.notReadForSize(), [], 'a file that is not there is not one refused for its size');
  });

  it("an editor's buffer that grew past the size that is checked is left out of the workspace like such a file", () => {
    const overlay = new OverlayFileSource(new MemoryFiles({ '/gw/racoon.conf': 'listen { }\n' }));
    overlay.set('/gw/racoon.conf', '#'.repeat(MAX_CHECKED_LENGTH + 1));
    const read = overlay.read('/gw/racoon.conf');
    assert.equal(read.ok, false);
    assert.match(read.ok ? '' : read.reason, /more than the 8 MB that are read/);
    overlay.set('/gw/racoon.conf', 'listen { }\n');
    assert.deepEqual(overlay.read('/gw/racoon.conf'), { ok: true, text: 'listen { }\n' });
  });

  it('an unreadable file gets one clear message from the CLI', () => {
    if (process.getuid?.() === 0) {
      // root reads everything: check the reason text through a missing file instead.
      assert.deepEqual(readConfigFile('/nonexistent/ipsec.conf'), { ok: false, reason: 'does not exist' });
      return;
    }
    const root = makeTempDir('ipsec-perm-');
    writeFileSync(path.join(root, 'ipsec.conf'), 'conn a\n');
    chmodSync(path.join(root, 'ipsec.conf'), 0o000);
    let out = '';
    assert.equal(runCli(['-f', 'unix', 'ipsec.conf'], { cwd: root, stdout: (t) => (out += t), stderr: () => undefined }), 1);
    assert.match(out, /permission denied/);
  });
});

describe('workspace indexing limits', () => {
  it('excludes folders by name or glob and caps the number of files', () => {
    const root = makeTempDir('ipsec-index-');
    for (const dir of ['a', 'b', 'archive-2019', 'c']) {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, 'ipsec.conf'), 'conn x\n\tleft=192.0.2.1\n');
    }
    const names = (files: { filePath: string }[]) => files.map((f) => path.relative(root, f.filePath)).sort();
    assert.deepEqual(names(collectFiles([root], root, { exclude: ['archive-*', 'b'] }).files), ['a/ipsec.conf', 'c/ipsec.conf']);
    const capped = collectFiles([root], root, { maxFiles: 2 });
    assert.equal(capped.files.length, 2);
    assert.equal(capped.truncated, true);
  });
});
