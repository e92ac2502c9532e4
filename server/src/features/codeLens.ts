import type { Range } from '../text/sourceText';
import type { MatrixCell, PeerMatrix } from './peerMatrix';

export interface ConnLens {
  readonly range: Range;
  readonly title: string;
  /** Where the peer's conn (or remote) is, to go there from the lens. */
  readonly peer?: { readonly uri: string; readonly range: Range };
}

/** A line above each conn (or racoon remote) of the document: its peer and whether the pair agrees. */
export function connLenses(matrix: PeerMatrix, uri: string): ConnLens[] {
  const own = matrix.cells.filter((cell) => cell.uri === uri);
  // Where each peer end is, looked up once for all of the document's lenses.
  const peers = new Map(own.map((cell) => [endKey(cell.peerNode, cell.peerKind ?? 'conn', cell.peerConn), undefined as MatrixCell | undefined]));
  for (const cell of matrix.cells) {
    const key = endKey(cell.node, cell.kind, cell.conn);
    if (peers.has(key) && !peers.get(key)) peers.set(key, cell);
  }
  return own.map((cell) => {
    if (cell.status === 'unpaired') return { range: cell.range, title: 'no peer in the workspace' };
    const other = peers.get(endKey(cell.peerNode, cell.peerKind ?? 'conn', cell.peerConn));
    const peerAt = other ? { uri: other.uri, range: other.range } : undefined;
    const peer = `peer: ${cell.peerNode ?? '?'} ${cell.peerKind ?? 'conn'} ${cell.peerConn ?? '?'}`;
    if (cell.status === 'ok') return { range: cell.range, title: `${peer} ✓`, peer: peerAt };
    const count = cell.reasons.length;
    const what = cell.status === 'warning' ? 'warning' : 'problem';
    return { range: cell.range, title: `${peer}: ${count} ${what}${count === 1 ? '' : 's'} (${[...new Set(cell.reasons.map((r) => r.code))].join(', ')})`, peer: peerAt };
  });
}

function endKey(node: string | undefined, kind: string, conn: string | undefined): string {
  return `${node ?? ''}\u0000${kind}\u0000${conn ?? ''}`;
}
