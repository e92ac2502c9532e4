import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import type { Finding } from '../../../server/src/checks/finding';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import { SourceText } from '../../../server/src/text/sourceText';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';
import { summarize, workspaceFindings } from './workspaceFindings';

const CODE = 'libreswan-conn-refused';
const CONF = '/ws/gw/ipsec.conf';
const IKEV1_CONN = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n\tikev2=no\n\tauto=add\n';
const IKEV2_CONN = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n\tauto=add\n';

const pin = (release: string) => `# ipsec-dialect: libreswan${release ? `-${release}` : ''}\n`;
const setup = (policy?: string) => `config setup\n\tlogtime=yes\n${policy ? `\tikev1-policy=${policy}\n` : ''}\n`;
const refusals = (text: string) => workspaceFindings({ [CONF]: text }, [CONF]).filter((f) => f.code === CODE);

function findings(files: Record<string, string>): Finding[] {
  const model = new WorkspaceIndex(new MemoryFiles(files)).model([CONF]);
  return [...checkWorkspace(model).values()].flat().filter((f) => f.code === CODE);
}

/** Applies a finding's only fix to the files it edits. */
function applyFix(files: Record<string, string>, finding: Finding): Record<string, string> {
  assert.equal(finding.fixes?.length, 1);
  const fix = finding.fixes[0];
  assert.notEqual(fix.preferred, true, 'accepting IKEv1 is never part of fix-all');
  const out = { ...files };
  for (const uri of new Set(fix.edits.map((edit) => edit.uri))) {
    const file = String(uri).replace('file://', '');
    out[file] = applyEdits(new SourceText(files[file]), fix.edits.filter((edit) => edit.uri === uri));
  }
  return out;
}

describe('libreswan-conn-refused: IKEv1 and ikev1-policy', () => {
  it("agrees with Debian's Libreswan 4.10 pluto, which refused the IKEv1 conn unless ikev1-policy=accept", () => {
    // Seen here: "failed to add IKEv1 connection: global ikev1-policy does not allow IKEv1 connections" for all but accept.
    const debian410: ReadonlyArray<readonly [string | undefined, string[]]> = [
      [undefined, ['gw/ipsec.conf:8 libreswan-conn-refused warning']],
      ['drop', ['gw/ipsec.conf:9 libreswan-conn-refused error']],
      ['reject', ['gw/ipsec.conf:9 libreswan-conn-refused error']],
      ['accept', []],
    ];
    for (const [policy, expected] of debian410) {
      assert.deepEqual(summarize(refusals(`${pin('4.10')}${setup(policy)}${IKEV1_CONN}`)), expected, String(policy));
    }
  });

  it('is an error on Libreswan 5, whose default is drop, and names the way out', () => {
    const [found] = refusals(`${pin('5')}${setup()}${IKEV1_CONN}`);
    assert.equal(found.severity, 'error');
    assert.equal(
      found.message,
      "conn a: Libreswan's pluto refuses to add it: it speaks IKEv1, and Libreswan 5 drops IKEv1 unless config setup says otherwise; add ikev1-policy=accept to config setup, or move the conn to IKEv2",
    );
    assert.deepEqual(refusals(`${pin('5.2')}${setup('accept')}${IKEV1_CONN}`), []);
    assert.deepEqual(refusals(`${pin('5.2')}${setup()}${IKEV2_CONN}`), []);
  });

  it('says who refuses when only some releases or packages do', () => {
    const [unpinned] = refusals(`${pin('')}${setup()}${IKEV1_CONN}`);
    assert.equal(unpinned.severity, 'warning');
    assert.match(unpinned.message, /^conn a speaks IKEv1, which Libreswan 5 and Debian's and Ubuntu's Libreswan packages \(Debian 4\.5-2 on\) will not add unless config setup says ikev1-policy=accept/);
    const [debianOnly] = refusals(`${pin('4')}${setup()}${IKEV1_CONN}`);
    assert.match(debianOnly.message, /which Debian's and Ubuntu's Libreswan packages \(Debian 4\.5-2 on\) will not add/);
  });

  it('says nothing where no release refuses, and for other daemons', () => {
    for (const release of ['4.1', '4.4']) assert.deepEqual(refusals(`${pin(release)}${setup()}${IKEV1_CONN}`), [], release);
    assert.deepEqual(refusals(`# ipsec-dialect: strongswan\n${setup()}${IKEV1_CONN.replace('ikev2=no', 'keyexchange=ikev1')}`), []);
    const ignored = IKEV1_CONN.replace('auto=add', 'auto=ignore');
    assert.deepEqual(refusals(`${pin('5')}${setup()}${ignored}`), []);
  });

  it('reads the last ikev1-policy of the config setup sections across included files', () => {
    const files = {
      [CONF]: `${pin('5')}${setup('accept')}include /etc/ipsec.d/*.conf\n`,
      '/ws/gw/ipsec.d/later.conf': `config setup\n\tikev1-policy=drop\n\n${IKEV1_CONN}`,
    };
    const [found] = findings(files);
    assert.match(found.message, /config setup says ikev1-policy=drop; set ikev1-policy=accept there/);
    assert.equal(found.related?.[0].uri, 'file:///ws/gw/ipsec.d/later.conf');
  });

  it('offers a fix that makes the refusal go away: the value rewritten, a line added, or a config setup written', () => {
    const cases: ReadonlyArray<Record<string, string>> = [
      { [CONF]: `${pin('5')}${setup('drop')}${IKEV1_CONN}` },
      { [CONF]: `${pin('5')}config setup\n    logtime=yes\n\n${IKEV1_CONN}` },
      { [CONF]: `${pin('5')}version 2\n\n${IKEV1_CONN}` },
      { [CONF]: `${pin('5')}include /etc/ipsec.d/*.conf\n`, '/ws/gw/ipsec.d/a.conf': IKEV1_CONN },
    ];
    const expectedConf = [
      `${pin('5')}${setup('accept')}${IKEV1_CONN}`,
      `${pin('5')}config setup\n    ikev1-policy=accept\n    logtime=yes\n\n${IKEV1_CONN}`,
      `${pin('5')}version 2\n\nconfig setup\n\tikev1-policy=accept\n\n${IKEV1_CONN}`,
      `${pin('5')}config setup\n\tikev1-policy=accept\n\ninclude /etc/ipsec.d/*.conf\n`,
    ];
    cases.forEach((files, i) => {
      const [found] = findings(files);
      assert.equal(found.fixes?.[0].title, 'Accept IKEv1 on this gateway (ikev1-policy=accept in config setup)');
      const fixed = applyFix(files, found);
      assert.equal(fixed[CONF], expectedConf[i], `case ${i}`);
      assert.deepEqual(findings(fixed), [], `case ${i} after the fix`);
    });
  });
});
