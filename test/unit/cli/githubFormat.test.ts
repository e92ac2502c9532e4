import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { formatGithub } from '../../../server/src/cli/formatters/github';
import { finding, run, workspace } from './cliRun';

describe('ipsec-lint --format github', () => {
  it('prints one workflow command per finding, with the file relative to the current folder and 1-based positions', () => {
    const root = workspace({ 'etc/ipsec.conf': 'conn a\n\tleft=1.2.3.4\nauto=add\n' });
    const result = run(['-f', 'github', '.'], root);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '::error file=etc/ipsec.conf,line=3,col=1,endColumn=5,title=ipsec-lint column-zero-key::"auto" starts in column 0, so the daemon reads it as a section header: indent it with a tab\n');
  });

  it('maps warnings to ::warning and milder findings to ::notice, and spans several lines with endLine', () => {
    const reports = [
      {
        filePath: path.join('/repo', 'gw', 'ipsec.conf'),
        findings: [finding({ severity: 'warning' }), finding({ severity: 'info', range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } } }), finding({ severity: 'hint' })],
      },
    ];
    assert.deepEqual(formatGithub(reports, '/repo').split('\n'), [
      '::warning file=gw/ipsec.conf,line=3,col=2,endColumn=10,title=ipsec-lint bad-value::m',
      '::notice file=gw/ipsec.conf,line=1,col=1,endLine=5,title=ipsec-lint bad-value::m',
      '::notice file=gw/ipsec.conf,line=3,col=2,endColumn=10,title=ipsec-lint bad-value::m',
      '',
    ]);
  });

  it('escapes what the runner would read as the end of a property or message', () => {
    const reports = [{ filePath: '/repo/a,b:c%.conf', findings: [finding({ message: 'rekeyfuzz=100%: too much\nsecond line\r' })] }];
    assert.equal(formatGithub(reports, '/repo'), '::error file=a%2Cb%3Ac%25.conf,line=3,col=2,endColumn=10,title=ipsec-lint bad-value::rekeyfuzz=100%25: too much%0Asecond line%0D\n');
  });

  it('reports a file that could not be checked on its first line, and prints nothing for a clean run', () => {
    assert.equal(formatGithub([{ filePath: '/repo/x.conf', findings: [], fatal: 'cannot be read: permission denied' }], '/repo'), '::error file=x.conf,line=1,title=ipsec-lint::cannot be read: permission denied\n');
    assert.equal(formatGithub([{ filePath: '/repo/x.conf', findings: [] }], '/repo'), '');
  });

  it('is refused with --peers, which prints text, JSON or Markdown', () => {
    const root = workspace({ 'etc/ipsec.conf': 'conn a\n\tleft=1.2.3.4\n' });
    const result = run(['--peers', '-f', 'github', '.'], root);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--peers prints text, --format json or --format markdown, not github/);
  });
});
