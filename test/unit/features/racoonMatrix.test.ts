import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { connLenses } from '../../../server/src/features/codeLens';
import { buildPeerMatrix } from '../../../server/src/features/peerMatrix';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';

const A = '192.0.2.40';
const B = '192.0.2.41';

function host(name: string, self: string, peer: string, encryption = '3des', key = 'EXAMPLE-ONLY-shared'): Record<string, string> {
  const root = `/ws/${name}/etc/racoon`;
  return {
    [`${root}/racoon.conf`]: `path pre_shared_key "/etc/racoon/psk.txt";\nremote ${peer} {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm ${encryption};\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 2;\n\t}\n}\nremote 198.51.100.7 {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 2;\n\t}\n}\n`,
    [`${root}/psk.txt`]: `${peer}\t${key}\n198.51.100.7\tEXAMPLE-ONLY-other\n`,
    [`${root}/setkey.conf`]: `spdadd ${self} ${peer} any -P out ipsec esp/transport//require;\n`,
  };
}

function matrixOf(files: Record<string, string>, confs: string[] = []) {
  const paths = Object.keys(files);
  const model = new WorkspaceIndex(new MemoryFiles(files)).model(confs, [], paths.filter((p) => p.endsWith('racoon.conf')), paths.filter((p) => p.endsWith('setkey.conf')));
  return buildPeerMatrix(model, checkWorkspace(model));
}

const rows = (matrix: ReturnType<typeof matrixOf>) => matrix.cells.map((c) => `${c.node} ${c.kind} ${c.conn} → ${c.peerNode ?? '-'} ${c.peerKind ?? ''} ${c.peerConn ?? ''} ${c.status}`.replace(/ +/g, ' '));

describe('racoon hosts in the peer matrix and code lenses', () => {
  it('pairs two racoon hosts remote to remote, and says the pair agrees', () => {
    const matrix = matrixOf({ ...host('a', A, B), ...host('b', B, A) });
    assert.deepEqual(matrix.nodes, ['a', 'b']);
    assert.equal(matrix.racoonHosts, 2);
    assert.deepEqual(rows(matrix), [
      `a remote ${B} → b remote ${A} ok`,
      'a remote 198.51.100.7 → - unpaired',
      `b remote ${A} → a remote ${B} ok`,
      'b remote 198.51.100.7 → - unpaired',
    ]);
    assert.deepEqual(
      connLenses(matrix, 'file:///ws/a/etc/racoon/racoon.conf').map((lens) => `${lens.range.start.line}: ${lens.title}`),
      [`1: peer: b remote ${A} ✓`, '10: no peer in the workspace'],
    );
  });

  it('gives the racoon-peer findings of the pair as the reasons of a red cell', () => {
    const matrix = matrixOf({ ...host('a', A, B, 'aes'), ...host('b', B, A, '3des', 'EXAMPLE-ONLY-different') });
    const cell = matrix.cells.find((c) => c.node === 'a' && c.conn === B);
    assert.equal(cell?.status, 'broken');
    assert.deepEqual(cell?.reasons.map((r) => r.code).sort(), ['racoon-peer-proposal-mismatch', 'racoon-peer-psk-mismatch']);
    assert.match(connLenses(matrix, 'file:///ws/a/etc/racoon/racoon.conf')[0].title, /^peer: b remote 192\.0\.2\.40: 2 problems \(/);
  });

  it('pairs a gateway conn with the racoon remote it points at, both ways', () => {
    const conf = (settings: string) => `# ipsec-dialect: libreswan-4\nconfig setup\n\nconn to-a\n\tleft=192.0.2.10\n\tright=${A}\n\tauthby=secret\n${settings}\tauto=add\n`;
    const ok = matrixOf({ ...host('a', A, '192.0.2.10'), '/ws/gw/etc/ipsec.conf': conf('\tikev2=no\n') }, ['/ws/gw/etc/ipsec.conf']);
    assert.deepEqual(rows(ok).filter((r) => !r.includes('198.51.100.7')), ['gw conn to-a → a remote 192.0.2.10 ok', 'a remote 192.0.2.10 → gw conn to-a ok']);
    // The Libreswan 4 default is IKEv2, which racoon does not speak: red on both rows.
    const broken = matrixOf({ ...host('a', A, '192.0.2.10'), '/ws/gw/etc/ipsec.conf': conf('') }, ['/ws/gw/etc/ipsec.conf']);
    const statuses = broken.cells.filter((c) => c.conn !== '198.51.100.7').map((c) => `${c.node} ${c.status} ${c.reasons.map((r) => r.code).join(',')}`);
    assert.deepEqual(statuses, ['gw broken racoon-peer-ike-version', 'a broken racoon-peer-ike-version']);
  });
});
