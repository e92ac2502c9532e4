import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unknownKeyword } from '../../../server/src/checks/ipsecConf/unknownKeyword';
import { checkDocument } from '../../../server/src/checks/engine';
import { dialectPinFixes } from '../../../server/src/features/dialectPinFixes';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';

const CONF = '/ws/gw/etc/ipsec.conf';
const URI = 'file:///ws/gw/etc/ipsec.conf';
const UNDECIDED = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tfragmentation=force\n\tauto=add\n';

function setUp(text: string) {
  const index = new WorkspaceIndex(new MemoryFiles({ [CONF]: text, '/ws/gw/etc/ipsec.d/b.conf': 'conn b\n\tleft=192.0.2.1\n\tright=192.0.2.3\n\tauto=add\n' }));
  const model = index.model([CONF]);
  const document = model.nodes[0].documents[0];
  const findings = checkDocument(document, { only: [unknownKeyword], context: { dialect: model.nodes[0].dialect } });
  return { model, document, findings };
}

describe('pinning the dialect from a notice', () => {
  it('offers one fix per daemon the gateway may run, each writing the # ipsec-dialect: line into ipsec.conf', () => {
    const { model, document, findings } = setUp(UNDECIDED);
    assert.deepEqual(findings.map((f) => `${f.severity}: ${f.message}`), ['info: "fragmentation" is accepted by Libreswan and strongSwan but not by Openswan']);
    const fixes = dialectPinFixes(model, document, URI, findings[0]);
    assert.deepEqual(fixes.map((f) => f.title), [
      'This gateway runs Openswan: write "# ipsec-dialect: openswan"',
      'This gateway runs Libreswan: write "# ipsec-dialect: libreswan"',
      'This gateway runs strongSwan: write "# ipsec-dialect: strongswan"',
    ]);
    const libreswan = applyEdits(document.source, fixes[1].edits);
    assert.equal(libreswan, `# ipsec-dialect: libreswan\n${UNDECIDED}`);
    assert.deepEqual(setUp(libreswan).findings, [], 'Libreswan knows the key: the notice is gone');
    assert.deepEqual(setUp(applyEdits(document.source, fixes[0].edits)).findings.map((f) => f.severity), ['error'], 'Openswan refuses it: now an error');
  });

  it('offers nothing once the dialect is decided, for other severities, or for rules the dialect does not change', () => {
    const decided = setUp(`# ipsec-dialect: libreswan-5\n${UNDECIDED}`);
    const at = { start: { line: 4, character: 1 }, end: { line: 4, character: 14 } };
    assert.deepEqual(dialectPinFixes(decided.model, decided.document, URI, { code: 'unknown-keyword', severity: 'info', range: at }), []);
    const { model, document } = setUp(UNDECIDED);
    assert.deepEqual(dialectPinFixes(model, document, URI, { code: 'unknown-keyword', severity: 'error', range: at }), []);
    assert.deepEqual(dialectPinFixes(model, document, URI, { code: 'cert-expiring', severity: 'info', range: at }), []);
  });

  it('offers Libreswan 3 for a key only 3.x took, in a gateway the user has not pinned, and the message says so', () => {
    const libreswan3 = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftrsasigkey=%cert\n\tike-frag=yes\n\tauto=add\n';
    const { model, document, findings } = setUp(libreswan3);
    const refused = findings.filter((f) => f.severity === 'error');
    assert.deepEqual(refused.map((f) => f.message), ['Openswan, Libreswan and strongSwan do not know "ike-frag" (Libreswan: use fragmentation); Libreswan 3 took it: if this gateway runs 3.x, say so with "# ipsec-dialect: libreswan-3"']);
    const fixes = dialectPinFixes(model, document, URI, refused[0]);
    assert.deepEqual(fixes.map((f) => f.title), ['This gateway runs Libreswan 3: write "# ipsec-dialect: libreswan-3"']);
    const pinned = applyEdits(document.source, fixes[0].edits);
    assert.equal(pinned, `# ipsec-dialect: libreswan-3\n${libreswan3}`);
    assert.deepEqual(setUp(pinned).findings.map((f) => f.severity), ['info'], 'pinned to 3.x the key is only noted');
    // The user named Libreswan 5: neither the hint nor the fix.
    const five = setUp(`# ipsec-dialect: libreswan-5\n${libreswan3}`);
    assert.deepEqual(five.findings.map((f) => f.message), ['Libreswan 5 no longer accepts "ike-frag" (use fragmentation)']);
    assert.deepEqual(dialectPinFixes(five.model, five.document, URI, five.findings[0]), []);
    // A key 3.x never took gets no such fix.
    const typo = setUp(libreswan3.replace('ike-frag', 'ike-frog'));
    assert.deepEqual(typo.findings.filter((f) => f.severity === 'error').flatMap((f) => dialectPinFixes(typo.model, typo.document, URI, f)), []);
  });
});
