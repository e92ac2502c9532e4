import type { Range } from '../text/sourceText';
import type { PeerMatrix } from './peerMatrix';

export interface ConnLens {
  readonly range: Range;
  readonly title: string;
  /** Where the peer's conn (or remote) is, to go there from the lens. */
  readonly peer?: { readonly uri: string; readonly range: Range };
}

/** A line above each conn (or racoon remote) of the document: its peer and whether the pair agrees. */
export function connLenses(matrix: PeerMatrix, uri: string): ConnLens[] {
  return matrix.cells
    .filter((cell) => cell.uri === uri)
    .map((cell) => {
      if (cell.status === 'unpaired') return { range: cell.range, title: 'no peer in the workspace' };
      const other = matrix.cells.find((c) => c.node === cell.peerNode && c.conn === cell.peerConn && c.kind === (cell.peerKind ?? 'conn'));
      const peerAt = other ? { uri: other.uri, range: other.range } : undefined;
      const peer = `peer: ${cell.peerNode ?? '?'} ${cell.peerKind ?? 'conn'} ${cell.peerConn ?? '?'}`;
      if (cell.status === 'ok') return { range: cell.range, title: `${peer} ✓`, peer: peerAt };
      const count = cell.reasons.length;
      return { range: cell.range, title: `${peer}: ${count} problem${count === 1 ? '' : 's'} (${[...new Set(cell.reasons.map((r) => r.code))].join(', ')})`, peer: peerAt };
    });
}

