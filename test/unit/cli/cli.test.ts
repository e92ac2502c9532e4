import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { FILE_KINDS } from '../../../server/src/model/fileKind';
import { REPO_ROOT } from '../../helpers';
import { run, workspace } from './cliRun';

const BROKEN = { 'etc/ipsec.conf': 'conn a\n\tleft=1.2.3.4\nauto=add\n', 'etc/ipsec.secrets': '@a @b : PSK "example-only-but-long-enough"\n', 'notes/readme.txt': 'hello' };

describe('ipsec-lint CLI', () => {
  it('walks folders, finds config files by name, and exits 1 on errors', () => {
    const root = workspace(BROKEN);
    const result = run(['-f', 'unix', '.'], root);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, 'etc/ipsec.conf:3:1: error: "auto" starts in column 0, so the daemon reads it as a section header: indent it with a tab [column-zero-key]\n');
  });

  it('exits 0 on clean files and prints a summary in stylish format', () => {
    const root = workspace({ 'ipsec.conf': 'conn a\n\tleft=1.2.3.4\n' });
    const result = run(['ipsec.conf'], root);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /1 file\(s\) checked, no problems/);
  });

  it('json is ESLint-shaped with one entry per file, clean ones included', () => {
    const root = workspace(BROKEN);
    const results = JSON.parse(run(['--format', 'json', root], root).stdout) as Array<Record<string, unknown>>;
    assert.equal(results.length, 2);
    const conf = results.find((r) => String(r.filePath).endsWith('ipsec.conf')) as { messages: Array<Record<string, unknown>>; errorCount: number; warningCount: number };
    assert.equal(conf.errorCount, 1);
    assert.equal(conf.warningCount, 0);
    assert.deepEqual(conf.messages[0], {
      ruleId: 'column-zero-key',
      severity: 2,
      message: '"auto" starts in column 0, so the daemon reads it as a section header: indent it with a tab',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 5,
    });
    const secrets = results.find((r) => String(r.filePath).endsWith('ipsec.secrets')) as { messages: unknown[] };
    assert.deepEqual(secrets.messages, []);
  });

  it('sarif is SARIF 2.1.0 with rule metadata and results', () => {
    const root = workspace(BROKEN);
    const log = JSON.parse(run(['--format=sarif', root], root).stdout);
    assert.equal(log.version, '2.1.0');
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'ipsec-lint');
    const result = log.runs[0].results[0];
    assert.equal(result.ruleId, 'column-zero-key');
    assert.equal(driver.rules[result.ruleIndex].id, 'column-zero-key');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 3);
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'etc/ipsec.conf', uriBaseId: '%SRCROOT%' });
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(`${root}/`).href);
  });

  it('--quiet drops warnings and --max-warnings turns too many warnings into exit 1', () => {
    const root = workspace({ 'ipsec.conf': 'conn a\n\tleft=1.2.3.4\n\tleft=1.2.3.5\n' });
    assert.equal(run(['-f', 'unix', 'ipsec.conf'], root).status, 0);
    assert.equal(run(['-f', 'unix', '--quiet', 'ipsec.conf'], root).stdout, '');
    assert.equal(run(['-f', 'unix', '--max-warnings', '0', 'ipsec.conf'], root).status, 1);
    assert.equal(run(['-f', 'unix', '--max-warnings', '1', 'ipsec.conf'], root).status, 0);
  });

  it('--rule changes a severity, and --kind forces a kind on an unrecognised name', () => {
    const root = workspace({ 'west.txt': 'conn a\n\tleft=1.2.3.4\nauto=add\n' });
    assert.equal(run(['--rule', 'column-zero-key=warning', '--kind', 'ipsec', 'west.txt'], root).status, 0);
    assert.equal(run(['--kind', 'ipsec', 'west.txt'], root).status, 1);
  });

  it('--kind takes every file of a folder, not only those named like IPsec configuration', () => {
    const root = workspace({ 'configs/site-a.cfg': 'conn a\n\tleft=1.2.3.4\nauto=add\n', 'configs/.hidden': 'conn b\nauto=add\n' });
    assert.match(run(['configs'], root).stdout, /0 file\(s\) checked/);
    const forced = JSON.parse(run(['-f', 'json', '--kind', 'ipsec', 'configs'], root).stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.deepEqual(forced.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)]), [['site-a.cfg', ['column-zero-key']]]);
  });

  it('explicit files of unknown kind are sniffed or reported as skipped', () => {
    const root = workspace({ 'west.txt': 'conn a\n\tleft=1.2.3.4\nauto=add\n', 'other.txt': 'hello\n' });
    assert.equal(run(['west.txt'], root).status, 1);
    const results = JSON.parse(run(['-f', 'json', 'other.txt'], root).stdout);
    assert.match(results[0].messages[0].message, /not an IPsec file kind/);
  });

  it('--help fits an 80-column terminal and names every file kind', () => {
    const help = run(['--help'], workspace({}));
    assert.equal(help.status, 0);
    const long = help.stdout.split('\n').filter((line) => line.length > 80);
    assert.deepEqual(long, []);
    for (const kind of FILE_KINDS) assert.match(help.stdout, new RegExp(`[ ,:]${kind}[,; ]`), kind);
  });

  it('--help names every dialect the editor setting offers', () => {
    const help = run(['--help'], workspace({})).stdout.replace(/\s+/g, ' ');
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { enum?: string[] }> } } };
    const offered = manifest.contributes.configuration.properties['ipsec.dialect'].enum ?? [];
    assert.ok(offered.includes('libreswan-3'));
    for (const dialect of offered.filter((name) => name !== 'auto')) assert.match(help, new RegExp(`[ ,]${dialect}[,; ]`), dialect);
  });

  it('usage errors exit 2 with a clear message', () => {
    const root = workspace({});
    for (const args of [[], ['--format', 'xml', '.'], ['--max-warnings', 'x', '.'], ['--bogus', '.'], ['missing-file'], ['--rule', 'nope=error', '.']]) {
      const result = run(args, root);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^ipsec-lint: /);
    }
  });

  it('the built binary runs, prints its version and uses the same exit codes', () => {
    const bin = path.join(REPO_ROOT, 'bin', 'ipsec-lint.js');
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const root = workspace(BROKEN);
    const lint = spawnSync(process.execPath, [bin, '-f', 'unix', root], { encoding: 'utf8' });
    assert.equal(lint.status, 1);
    assert.match(lint.stdout, /\[column-zero-key\]/);
  });

  it('the built binary hands a pipe output far larger than the pipe holds, whole, before it exits', () => {
    const bin = path.join(REPO_ROOT, 'bin', 'ipsec-lint.js');
    const lines = Array.from({ length: 4000 }, (_, i) => `\tno-such-key-${i}=yes\n`).join('');
    const root = workspace({ 'etc/ipsec.conf': `conn a\n${lines}`, 'etc/ipsec.d/b.conf': `conn b\n${lines}` });
    const lint = spawnSync(process.execPath, [bin, '-f', 'json', root], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(lint.status, 1);
    assert.ok(lint.stdout.length > 150_000, `${lint.stdout.length} bytes`);
    assert.equal(lint.stdout, run(['-f', 'json', root], root).stdout);
  });
});

describe('ipsec-lint writing to a reader that stops early', () => {
  it('ends quietly with its usual status when the pipe closes (`ipsec-lint . | head`)', async () => {
    const bin = path.join(REPO_ROOT, 'bin', 'ipsec-lint.js');
    const root = workspace(BROKEN);
    for (const args of [['-f', 'json', root], ['--peers', root]]) {
      const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      // Closed before the CLI has started: its first write meets a pipe nobody reads.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      assert.equal(stderr, '', args.join(' '));
      assert.equal(status, run(args, root).status, args.join(' '));
    }
  });
});

describe('ipsec-lint --root', () => {
  it('resolves /etc includes under the given root instead of next to ipsec.conf', () => {
    const root = workspace({
      'gw/etc/ipsec.conf': 'include /etc/ipsec.d/peer.conf\n',
      'gw/etc/ipsec.d/peer.conf': 'conn peer\n\talso=base\n',
      'other/etc/ipsec.d/peer.conf': 'conn base\n\tright=192.0.2.2\nconn peer\n\talso=base\n',
    });
    // The include is read beside ipsec.conf, where peer.conf's also= names nothing.
    const inferred = run(['-f', 'unix', 'gw/etc/ipsec.conf'], root);
    assert.equal(inferred.stdout, 'gw/etc/ipsec.d/peer.conf:2:7: error: also=base names no conn in this node: define it or fix the name [also-undefined]\n');
    const overridden = run(['-f', 'unix', '--root', 'other', 'gw/etc/ipsec.conf'], root);
    assert.equal(overridden.status, 0);
    assert.equal(run(['-f', 'unix', '--root', 'nowhere', 'gw/etc/ipsec.conf'], root).stdout, 'gw/etc/ipsec.conf:1:1: info: include "/etc/ipsec.d/peer.conf" is not in this workspace (it keeps no files in /etc/ipsec.d), so what that file holds is not checked [include-missing]\n');
    assert.equal(run(['-f', 'unix', '--root', 'other', 'gw/etc/ipsec.conf'], root).stdout, '');
  });
});
