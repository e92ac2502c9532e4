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
    assert.deepEqual(dialectPinFixes(decided.model, decided.document, URI, { code: 'unknown-keyword', severity: 'info' }), []);
    const { model, document } = setUp(UNDECIDED);
    assert.deepEqual(dialectPinFixes(model, document, URI, { code: 'unknown-keyword', severity: 'error' }), []);
    assert.deepEqual(dialectPinFixes(model, document, URI, { code: 'cert-expiring', severity: 'info' }), []);
  });
});
