import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { formatJunit } from '../../../server/src/cli/formatters/junit';
import { finding, run, workspace } from './cliRun';

interface Suite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  cases: { classname: string; name: string; failure?: { type: string; message: string; text: string }; error?: { message: string } }[];
}

/** The report as an XML parser reads it (Python's ElementTree): a report that does not parse fails here. */
function parseJunit(xml: string): { totals: Record<string, string>; suites: Suite[] } {
  const script = `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
assert root.tag == 'testsuites', root.tag
def case(c):
    out = {'classname': c.get('classname'), 'name': c.get('name')}
    f = c.find('failure')
    if f is not None: out['failure'] = {'type': f.get('type'), 'message': f.get('message'), 'text': f.text}
    e = c.find('error')
    if e is not None: out['error'] = {'message': e.get('message')}
    return out
print(json.dumps({'totals': dict(root.attrib), 'suites': [{'name': s.get('name'), 'tests': int(s.get('tests')), 'failures': int(s.get('failures')), 'errors': int(s.get('errors')), 'cases': [case(c) for c in s.findall('testcase')]} for s in root.findall('testsuite')]}))
`;
  const parsed = spawnSync('python3', ['-c', script], { input: xml, encoding: 'utf8' });
  assert.equal(parsed.status, 0, parsed.stderr);
  return JSON.parse(parsed.stdout) as { totals: Record<string, string>; suites: Suite[] };
}

describe('ipsec-lint --format junit', () => {
  it('makes each file a suite: a clean one passes, each error or warning is a failed test named after its rule and place', () => {
    const root = workspace({
      'etc/ipsec.conf': 'include /etc/ipsec.d/*.conf\nconn a\n\tleft=1.2.3.4\nauto=add\n',
      'etc/ipsec.d/b.conf': 'conn b\n\tleft=1.2.3.4\n\tauto=add\n',
    });
    const result = run(['-f', 'junit', '.'], root);
    assert.equal(result.status, 1);
    const { totals, suites } = parseJunit(result.stdout);
    assert.deepEqual(totals, { name: 'ipsec-lint', tests: '2', failures: '1', errors: '0' });
    assert.deepEqual(suites, [
      {
        name: 'etc/ipsec.conf',
        tests: 1,
        failures: 1,
        errors: 0,
        cases: [
          {
            classname: 'etc/ipsec.conf',
            name: 'column-zero-key (line 4, column 1)',
            failure: {
              type: 'error',
              message: '"auto" starts in column 0, so the daemon reads it as a section header: indent it with a tab',
              text: 'etc/ipsec.conf:4:1: error: "auto" starts in column 0, so the daemon reads it as a section header: indent it with a tab [column-zero-key]',
            },
          },
        ],
      },
      { name: 'etc/ipsec.d/b.conf', tests: 1, failures: 0, errors: 0, cases: [{ classname: 'etc/ipsec.d/b.conf', name: 'ipsec-lint' }] },
    ]);
  });

  it('fails warnings too, leaves information and hints out, and reports a file it could not read as an error', () => {
    const xml = formatJunit(
      [
        { filePath: '/repo/x.conf', findings: [], fatal: 'is a directory' },
        { filePath: '/repo/gw/y.conf', findings: [finding({ severity: 'warning', code: 'duplicate-key' }), finding({ severity: 'info' }), finding({ severity: 'hint' })] },
        { filePath: '/repo/z.conf', findings: [finding({ severity: 'info' })] },
      ],
      '/repo',
    );
    const { totals, suites } = parseJunit(xml);
    assert.deepEqual(totals, { name: 'ipsec-lint', tests: '3', failures: '1', errors: '1' });
    assert.deepEqual(suites[0].cases, [{ classname: 'x.conf', name: 'read', error: { message: 'is a directory' } }]);
    assert.deepEqual(
      suites[1].cases.map((c) => [c.name, c.failure?.type]),
      [['duplicate-key (line 3, column 2)', 'warning']],
    );
    assert.deepEqual(suites[2].cases, [{ classname: 'z.conf', name: 'ipsec-lint' }]);
  });

  it('stays well-formed whatever a damaged file puts into a message', () => {
    const root = workspace({ 'etc/ipsec.conf': 'conn a\n\tleft=1.2.3.4\n\tbogus\u0002key=1\n\tleft\u001b[31m=2 & <b>\n' });
    const { suites } = parseJunit(run(['-f', 'junit', '.'], root).stdout);
    const messages = suites[0].cases.map((c) => c.failure?.message ?? '');
    assert.equal(messages.length, 3);
    assert.ok(messages.some((m) => m.includes('"& <b>"')), messages.join(' | '));
  });
});
