import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixFiles } from '../../../server/src/cli/fixFiles';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import { run, workspace } from './cliRun';

const FIXABLE = {
  'etc/ipsec.conf': 'conn a\n\tleft=192.0.2.1\nauto=add\n  conn b\n\tright=192.0.2.2\n',
  // A carriage return without a newline runs two entries together (before a newline every reader drops it).
  'etc/ipsec.secrets': ': PSK "not-a-real-secret"\r@peer : PSK "not-a-real-secret"\n',
  'etc/ipsec.d/clean.conf': 'conn c\n\tleft=192.0.2.3\n',
};

describe('ipsec-lint --fix', () => {
  it('says how many problems --fix would fix, in stylish and in ESLint JSON', () => {
    const root = workspace(FIXABLE);
    assert.match(run(['etc'], root).stdout, /3 of them can be fixed with --fix/);
    const json = JSON.parse(run(['-f', 'json', 'etc'], root).stdout) as Array<{ filePath: string; fixableErrorCount: number }>;
    const counts = Object.fromEntries(json.map((r) => [path.relative(root, r.filePath), r.fixableErrorCount]));
    assert.deepEqual(counts, { 'etc/ipsec.conf': 2, 'etc/ipsec.d/clean.conf': 0, 'etc/ipsec.secrets': 1 });
  });

  it('writes the safe fixes, keeps file modes, leaves clean files alone and reports what is left', () => {
    const root = workspace({ ...FIXABLE, 'etc/ipsec.d/other.conf': 'conn d\n\tauthby=rsasig\n\tnosuchkey=1\n' });
    const cleanBefore = statSync(path.join(root, 'etc/ipsec.d/clean.conf')).mtimeMs;
    const result = run(['-f', 'unix', '--fix', 'etc'], root);
    assert.equal(readFileSync(path.join(root, 'etc/ipsec.conf'), 'utf8'), 'conn a\n\tleft=192.0.2.1\n\tauto=add\nconn b\n\tright=192.0.2.2\n');
    assert.equal(readFileSync(path.join(root, 'etc/ipsec.secrets'), 'utf8'), ': PSK "not-a-real-secret"\n@peer : PSK "not-a-real-secret"\n');
    assert.equal(statSync(path.join(root, 'etc/ipsec.secrets')).mode & 0o777, 0o600);
    assert.equal(statSync(path.join(root, 'etc/ipsec.d/clean.conf')).mtimeMs, cleanBefore);
    assert.match(result.stderr, /^ipsec-lint: fixed 3 problem\(s\) in 2 file\(s\)\n$/);
    // What --fix cannot decide stays, and decides the exit status.
    assert.match(result.stdout, /other\.conf:3:2: error: .*nosuchkey.*\[unknown-keyword\]/);
    assert.doesNotMatch(result.stdout, /column-zero-key|indented-header|crlf-line-endings/);
    assert.doesNotMatch(result.stdout + result.stderr, /not-a-real-secret/);
    assert.equal(result.status, 1);
    assert.equal(run(['--fix', 'etc/ipsec.conf'], root).stderr, '', 'nothing left to fix');
  });

  it('never writes through a symbolic link', () => {
    const root = workspace({ 'gw/shared/base.conf': 'conn a\nauto=add\n' });
    mkdirSync(path.join(root, 'gw', 'etc'), { recursive: true });
    symlinkSync(path.join(root, 'gw', 'shared', 'base.conf'), path.join(root, 'gw', 'etc', 'ipsec.conf'));
    const result = run(['--fix', 'gw'], root);
    assert.equal(readFileSync(path.join(root, 'gw', 'shared', 'base.conf'), 'utf8'), 'conn a\nauto=add\n');
    assert.match(result.stderr, /ipsec\.conf not fixed: it is a symbolic link/);
    assert.equal(result.status, 1);
  });

  it('leaves a file that changed after it was checked, or that is not valid UTF-8', () => {
    const root = workspace({ 'etc/ipsec.conf': 'conn a\nauto=add\n', 'etc/ipsec.d/latin1.conf': Buffer.from('conn b\r\n\tleftid=@caf\xe9\r\n', 'latin1') });
    const reports = lintWorkspace([
      { filePath: path.join(root, 'etc/ipsec.conf'), kind: 'ipsec', explicit: true },
      { filePath: path.join(root, 'etc/ipsec.d/latin1.conf'), kind: 'ipsec', explicit: true },
    ]);
    writeFileSync(path.join(root, 'etc/ipsec.conf'), 'conn a\nauto=start\n');
    const outcomes = fixFiles(reports);
    assert.deepEqual(
      outcomes.map((o) => [path.relative(root, o.filePath), o.fixed, o.notWritten]),
      [
        ['etc/ipsec.conf', 0, 'it changed while it was checked, or is not valid UTF-8'],
        ['etc/ipsec.d/latin1.conf', 0, 'it changed while it was checked, or is not valid UTF-8'],
      ],
    );
    assert.equal(readFileSync(path.join(root, 'etc/ipsec.conf'), 'utf8'), 'conn a\nauto=start\n');
    assert.deepEqual(readFileSync(path.join(root, 'etc/ipsec.d/latin1.conf')), Buffer.from('conn b\r\n\tleftid=@caf\xe9\r\n', 'latin1'));
  });
});
