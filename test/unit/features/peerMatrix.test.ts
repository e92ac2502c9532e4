import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { buildPeerMatrix, type MatrixCell } from '../../../server/src/features/peerMatrix';
import { DiskFileSource } from '../../../server/src/workspace/fileSource';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { REPO_ROOT } from '../../helpers';
import { MemoryFiles } from '../workspace/memoryFiles';

const cellOf = (cells: readonly MatrixCell[], node: string, conn: string): MatrixCell => {
  const cell = cells.find((c) => c.node === node && c.conn === conn);
  assert.ok(cell, `${node} conn ${conn}`);
  return cell;
};

/**
 * Germany (de) has two peers: France (fr) with pre-shared keys that both sides hold, and
 * Sweden (se) for which Germany's ipsec.secrets has no key and whose ID Germany has wrong.
 * Both of Germany's conns inherit authby=secret and leftid from one shared %default.
 */
const MESH = {
  '/ws/de/etc/ipsec.conf': '# ipsec-dialect: libreswan-4\nconfig setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  '/ws/de/etc/ipsec.d/server.conf': 'conn %default\n\tauthby=secret\n\tleft=203.0.113.50\n\tleftid=@vpn.de.example\n\ttype=transport\n',
  '/ws/de/etc/ipsec.d/fr.conf': 'conn fr\n\tright=192.0.2.20\n\trightid=@vpn.fr.example\n\tauto=add\n',
  '/ws/de/etc/ipsec.d/se.conf': 'conn se\n\tright=198.51.100.30\n\trightid=@gw.se.example\n\tauto=add\n',
  '/ws/de/etc/ipsec.secrets': '@vpn.de.example @vpn.fr.example : PSK "example-only-key-de-fr"\n',
  '/ws/fr/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\nconn de\n\tauthby=secret\n\tleft=192.0.2.20\n\tleftid=@vpn.fr.example\n\tright=203.0.113.50\n\trightid=@vpn.de.example\n\ttype=transport\n\tauto=add\n',
  '/ws/fr/etc/ipsec.secrets': '@vpn.fr.example @vpn.de.example : PSK "example-only-key-de-fr"\n',
  '/ws/se/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\nconn de\n\tauthby=secret\n\tleft=198.51.100.30\n\tleftid=@vpn.se.example\n\tright=203.0.113.50\n\trightid=@vpn.de.example\n\ttype=transport\n\tauto=add\n',
  '/ws/se/etc/ipsec.secrets': '@vpn.se.example @vpn.de.example : PSK "example-only-key-de-se"\n',
};

function meshMatrix() {
  const model = new WorkspaceIndex(new MemoryFiles(MESH)).model(['/ws/de/etc/ipsec.conf', '/ws/fr/etc/ipsec.conf', '/ws/se/etc/ipsec.conf']);
  const findings = checkWorkspace(model);
  return { matrix: buildPeerMatrix(model, findings), findings: [...findings.values()].flat() };
}

/** Two gateways that agree but for pfs (a warning on IKEv2), and whose rightsubnet may also be made to disagree (an error). */
function pfsPair(subnetClash: boolean) {
  const files = {
    '/ws/a/etc/ipsec.conf': `conn b\n\tleft=192.0.2.1\n\tleftid=@a\n\tright=192.0.2.2\n\trightid=@b\n\tleftsubnet=10.1.0.0/16\n\trightsubnet=${subnetClash ? '10.9.0.0/16' : '10.2.0.0/16'}\n\tauthby=secret\n\tkeyexchange=ikev2\n\tpfs=no\n\tauto=add\n`,
    '/ws/a/etc/ipsec.secrets': '@a @b : PSK "example-only-key-a-b-0123"\n',
    // pfs=yes written out: for a gateway whose daemon is not known, an unset pfs= is not judged.
    '/ws/b/etc/ipsec.conf': 'conn a\n\tleft=192.0.2.2\n\tleftid=@b\n\tright=192.0.2.1\n\trightid=@a\n\tleftsubnet=10.2.0.0/16\n\trightsubnet=10.1.0.0/16\n\tauthby=secret\n\tkeyexchange=ikev2\n\tpfs=yes\n\tauto=add\n',
    '/ws/b/etc/ipsec.secrets': '@b @a : PSK "example-only-key-a-b-0123"\n',
  };
  const model = new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/a/etc/ipsec.conf', '/ws/b/etc/ipsec.conf']);
  return buildPeerMatrix(model, checkWorkspace(model));
}

describe('peer matrix status', () => {
  it('marks a pair with warnings only as at risk, with the warnings as its reasons', () => {
    const matrix = pfsPair(false);
    for (const [node, conn] of [['a', 'b'], ['b', 'a']]) {
      const cell = cellOf(matrix.cells, node, conn);
      assert.equal(cell.status, 'warning');
      assert.deepEqual(cell.reasons.map((r) => `${r.node} ${r.severity} ${r.code}`).sort(), ['a warning peer-pfs-mismatch', 'b warning peer-pfs-mismatch']);
    }
  });

  it('marks a pair with an error as broken, and lists the errors before the warnings', () => {
    const cell = cellOf(pfsPair(true).cells, 'b', 'a');
    assert.equal(cell.status, 'broken');
    assert.deepEqual(cell.reasons.map((r) => r.severity), ['error', 'error', 'warning', 'warning']);
    assert.ok(cell.reasons.slice(0, 2).every((r) => r.code === 'peer-subnet-mismatch'));
  });
});

describe('peer matrix reasons', () => {
  it('keeps the findings of one pair, and node findings about another conn, out of a sound pair', () => {
    const { matrix, findings } = meshMatrix();
    const codes = findings.map((f) => f.code);
    assert.ok(codes.includes('conn-psk-missing'), 'Germany has no key for Sweden, reported on the shared authby line');
    assert.ok(codes.includes('peer-id-mismatch'), "Germany's rightid for Sweden is wrong");
    assert.deepEqual([cellOf(matrix.cells, 'de', 'fr').status, cellOf(matrix.cells, 'fr', 'de').status], ['ok', 'ok']);
    assert.deepEqual(cellOf(matrix.cells, 'de', 'fr').reasons, []);
    assert.deepEqual(cellOf(matrix.cells, 'fr', 'de').reasons, []);
  });

  it("lists both ends' reasons in the failing pair, each with the gateway it is on", () => {
    const { matrix } = meshMatrix();
    for (const [node, conn] of [['de', 'se'], ['se', 'de']]) {
      const cell = cellOf(matrix.cells, node, conn);
      assert.equal(cell.status, 'broken');
      assert.deepEqual(
        cell.reasons.map((r) => `${r.node} ${r.code}`).sort(),
        ['de conn-psk-missing', 'de peer-id-mismatch', 'se peer-id-mismatch'],
      );
      assert.equal(cell.reasons[0].node, node, "the row's own end comes first");
    }
  });

  it('in the examples, France → Germany shows the pair reasons on both ends and France ↔ Denmark none', () => {
    const root = path.join(REPO_ROOT, 'examples');
    const model = new WorkspaceIndex(new DiskFileSource()).model(['de/etc', 'dk', 'fr/etc'].map((dir) => path.join(root, dir, 'ipsec.conf')));
    const matrix = buildPeerMatrix(model, checkWorkspace(model));
    const frToDe = cellOf(matrix.cells, 'fr', 'de');
    assert.equal(frToDe.status, 'broken');
    // Germany's ca-missing and cert-id-mismatch are about France's certificate, which this pair uses.
    assert.deepEqual(frToDe.reasons.map((r) => `${r.node} ${r.code}`), ['fr peer-id-mismatch', 'de ca-missing', 'de cert-id-mismatch', 'de peer-id-mismatch']);
    assert.deepEqual(cellOf(matrix.cells, 'fr', 'dk').reasons, []);
    assert.deepEqual(cellOf(matrix.cells, 'dk', 'fr').reasons, []);
  });
});

describe('peer matrix for one document', () => {
  it("holds the cells of the document's conns and of their partners, as the whole matrix has them", () => {
    const model = new WorkspaceIndex(new MemoryFiles(MESH)).model(['/ws/de/etc/ipsec.conf', '/ws/fr/etc/ipsec.conf', '/ws/se/etc/ipsec.conf']);
    const findings = checkWorkspace(model);
    const whole = buildPeerMatrix(model, findings);
    const seConf = 'file:///ws/de/etc/ipsec.d/se.conf';
    const part = buildPeerMatrix(model, findings, seConf);
    assert.deepEqual(part.cells.map((c) => `${c.node} ${c.conn}`), ['de se', 'se de']);
    assert.deepEqual(part.cells, whole.cells.filter((c) => (c.node === 'de' && c.conn === 'se') || (c.node === 'se' && c.conn === 'de')));
    assert.deepEqual(part.nodes, whole.nodes);
    // A file holding no conn gets no gateway cells.
    assert.deepEqual(buildPeerMatrix(model, findings, 'file:///ws/de/etc/ipsec.d/server.conf').cells, []);
  });
});
