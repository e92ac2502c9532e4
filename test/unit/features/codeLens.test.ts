import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connLenses } from '../../../server/src/features/codeLens';
import type { MatrixCell, MatrixReason, PeerMatrix } from '../../../server/src/features/peerMatrix';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });
const reason = (severity: 'error' | 'warning', code: string): MatrixReason => ({ node: 'b', code, severity, message: code, uri: 'file:///b/ipsec.conf', range: at(2) });

function cell(conn: string, status: MatrixCell['status'], reasons: MatrixReason[], line: number): MatrixCell {
  return { node: 'a', conn, kind: 'conn', peerNode: status === 'unpaired' ? undefined : 'b', peerConn: status === 'unpaired' ? undefined : 'a', status, reasons, uri: 'file:///a/ipsec.conf', range: at(line) };
}

describe('conn code lenses', () => {
  const matrix: PeerMatrix = {
    nodes: ['a', 'b'],
    cells: [
      cell('ok', 'ok', [], 0),
      cell('risky', 'warning', [reason('warning', 'peer-pfs-mismatch')], 10),
      cell('bad', 'broken', [reason('error', 'peer-id-mismatch'), reason('warning', 'peer-pfs-mismatch')], 20),
      cell('alone', 'unpaired', [], 30),
      { node: 'b', conn: 'a', kind: 'conn', peerNode: 'a', peerConn: 'ok', status: 'ok', reasons: [], uri: 'file:///b/ipsec.conf', range: at(1) },
    ],
  };

  it('says per conn whether its pair agrees, is at risk from warnings, or fails, and where the peer is', () => {
    const lenses = connLenses(matrix, 'file:///a/ipsec.conf');
    assert.deepEqual(
      lenses.map((lens) => `${lens.range.start.line}: ${lens.title}`),
      ['0: peer: b conn a ✓', '10: peer: b conn a: 1 warning (peer-pfs-mismatch)', '20: peer: b conn a: 2 problems (peer-id-mismatch, peer-pfs-mismatch)', '30: no peer in the workspace'],
    );
    assert.deepEqual(lenses[0].peer, { uri: 'file:///b/ipsec.conf', range: at(1) });
  });
});
