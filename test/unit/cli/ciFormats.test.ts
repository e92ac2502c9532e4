import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { formatCheckstyle, xmlAttribute } from '../../../server/src/cli/formatters/checkstyle';
import { formatGitlab } from '../../../server/src/cli/formatters/gitlab';
import { artifactLocation, formatSarif } from '../../../server/src/cli/formatters/sarif';
import { finding, run, workspace } from './cliRun';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

const gitlabIssues = (args: string[], cwd: string): Issue[] => JSON.parse(run(['-f', 'gitlab', ...args], cwd).stdout) as Issue[];

describe('ipsec-lint --format gitlab', () => {
  it('writes a Code Quality report: repository-relative paths, 1-based lines, the rule as check_name', () => {
    const root = workspace({ 'gw/etc/ipsec.conf': 'conn a\n\tleft=1.2.3.4\nauto=add\n' });
    const result = run(['-f', 'gitlab', '.'], root);
    assert.equal(result.status, 1);
    const [issue, ...rest] = JSON.parse(result.stdout) as Issue[];
    assert.deepEqual(rest, []);
    assert.deepEqual({ ...issue, fingerprint: undefined }, {
      description: '"auto" starts in column 0, so the daemon reads it as a section header: indent it with a tab',
      check_name: 'column-zero-key',
      fingerprint: undefined,
      severity: 'critical',
      location: { path: 'gw/etc/ipsec.conf', lines: { begin: 3 } },
    });
    assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
  });

  it('keeps fingerprints when lines move, and gives repeated findings distinct ones', () => {
    const conf = 'conn a\n\tleft=1.2.3.4\nauto=add\nrekey=no\n';
    const before = gitlabIssues(['.'], workspace({ 'etc/ipsec.conf': conf }));
    const after = gitlabIssues(['.'], workspace({ 'etc/ipsec.conf': `# moved down\n\n${conf}` }));
    assert.equal(before.length, 2);
    assert.deepEqual(after.map((i) => i.location.lines.begin), before.map((i) => i.location.lines.begin + 2));
    assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
    const twice = formatGitlab([{ filePath: '/repo/a.conf', findings: [finding({}), finding({})] }], '/repo');
    const [first, second] = JSON.parse(twice) as Issue[];
    assert.notEqual(first.fingerprint, second.fingerprint);
  });

  it('ranks errors critical, warnings major, info minor and hints info; a file not checked is critical on line 1', () => {
    const reports = [
      { filePath: path.join('/repo', 'x.conf'), findings: [], fatal: 'cannot be read: permission denied' },
      {
        filePath: path.join('/repo', 'gw', 'ipsec.conf'),
        findings: [finding({ severity: 'warning' }), finding({ severity: 'info', range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } } }), finding({ severity: 'hint' })],
      },
    ];
    const issues = JSON.parse(formatGitlab(reports, '/repo')) as Issue[];
    assert.deepEqual(
      issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines]),
      [
        ['ipsec-lint', 'critical', 'x.conf', { begin: 1 }],
        ['bad-value', 'major', 'gw/ipsec.conf', { begin: 3 }],
        ['bad-value', 'minor', 'gw/ipsec.conf', { begin: 1, end: 5 }],
        ['bad-value', 'info', 'gw/ipsec.conf', { begin: 3 }],
      ],
    );
  });

  it('prints an empty list for a clean run', () => {
    assert.equal(formatGitlab([{ filePath: '/repo/x.conf', findings: [] }], '/repo'), '[]\n');
  });
});

describe('ipsec-lint --format checkstyle', () => {
  it('lists every file checked, with each finding as an error element', () => {
    const root = workspace({ 'etc/ipsec.conf': 'include /etc/ipsec.d/*.conf\nconn a\n\tleft=1.2.3.4\nauto=add\n', 'etc/ipsec.d/b.conf': 'conn b\n\tauto=add\n' });
    const result = run(['-f', 'checkstyle', '.'], root);
    assert.equal(result.status, 1);
    assert.equal(
      result.stdout,
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<checkstyle version="4.3">',
        `  <file name="${path.join(root, 'etc', 'ipsec.conf')}">`,
        '    <error line="4" column="1" severity="error" message="&quot;auto&quot; starts in column 0, so the daemon reads it as a section header: indent it with a tab" source="ipsec-lint.column-zero-key"/>',
        '  </file>',
        `  <file name="${path.join(root, 'etc', 'ipsec.d', 'b.conf')}">`,
        '  </file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });

  it('maps severities and reports a file not checked', () => {
    const out = formatCheckstyle([
      { filePath: '/repo/x.conf', findings: [], fatal: 'is a directory' },
      { filePath: '/repo/y.conf', findings: [finding({ severity: 'warning' }), finding({ severity: 'info' }), finding({ severity: 'hint' })] },
    ], '/repo');
    assert.deepEqual([...out.matchAll(/severity="(\w+)"[^>]*source="([^"]+)"/g)].map((m) => [m[1], m[2]]), [
      ['error', 'ipsec-lint'],
      ['warning', 'ipsec-lint.bad-value'],
      ['info', 'ipsec-lint.bad-value'],
      ['info', 'ipsec-lint.bad-value'],
    ]);
  });

  it('escapes markup and replaces what XML cannot carry, keeping characters beyond the BMP', () => {
    assert.equal(xmlAttribute(`a&b<c>d"e'f\tg\nh\ri`), 'a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i');
    assert.equal(xmlAttribute('\u0000\u0007\u000b\u001f\ufffe\uffff'), '\ufffd'.repeat(6));
    assert.equal(xmlAttribute('x\ud800y\udc00z'), 'x\ufffdy\ufffdz');
    assert.equal(xmlAttribute('key \ud83d\udd11 é'), 'key \ud83d\udd11 é');
  });

  it('turns a damaged file into a well-formed report', () => {
    const root = workspace({ 'etc/ipsec.conf': 'conn a\n\tleft=1.2.3.4\n\tbogus\u0002key=1\n\tleft\u001b[31m=2 & <b>\n' });
    const out = run(['-f', 'checkstyle', '.'], root).stdout;
    assert.equal(out.match(/<error /g)?.length, 3, out);
    assert.match(out, /message="unexpected &quot;&amp; &lt;b&gt;&quot;/);
    assert.doesNotMatch(out, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    for (const [, value] of out.matchAll(/ \w+="([^"]*)"/g)) assert.doesNotMatch(value, /[<>]|&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/, value);
  });
});

describe('ipsec-lint --format sarif locations', () => {
  it('names a file under the starting folder relative to %SRCROOT%, escaped as a URI path', () => {
    assert.deepEqual(artifactLocation('/repo/gw #1/etc/ipsec.d/fr%.conf', '/repo'), { uri: 'gw%20%231/etc/ipsec.d/fr%25.conf', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('gw/etc/ipsec.conf', '/repo'), { uri: 'gw/etc/ipsec.conf', uriBaseId: '%SRCROOT%' });
  });

  it('keeps an absolute file URI for a file outside it', () => {
    assert.deepEqual(artifactLocation('/elsewhere/etc/ipsec.conf', '/repo'), { uri: 'file:///elsewhere/etc/ipsec.conf' });
    assert.deepEqual(artifactLocation('/repository/ipsec.conf', '/repo'), { uri: 'file:///repository/ipsec.conf' });
    assert.deepEqual(artifactLocation('../other/ipsec.conf', '/repo/sub'), { uri: 'file:///repo/other/ipsec.conf' });
  });

  it('reports a file it could not check at the same relative location', () => {
    const log = JSON.parse(formatSarif([{ filePath: '/repo/etc/ipsec.conf', findings: [], fatal: 'is a directory' }], '/repo')) as {
      runs: { invocations: { toolExecutionNotifications: { locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] }[];
    };
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.deepEqual(notes.map((n) => n.locations[0].physicalLocation.artifactLocation), [{ uri: 'etc/ipsec.conf', uriBaseId: '%SRCROOT%' }]);
  });
});
