import type { Range } from '../text/sourceText';
import type { PeerMatrix } from './peerMatrix';

export interface ConnLens {
  readonly range: Range;
  readonly title: string;
}

/** A line above each conn (or racoon remote) of the document: its peer and whether the pair agrees. */
export function connLenses(matrix: PeerMatrix, uri: string): ConnLens[] {
  return matrix.cells
    .filter((cell) => cell.uri === uri)
    .map((cell) => {
      if (cell.status === 'unpaired') return { range: cell.range, title: 'no peer in the workspace' };
      const peer = `peer: ${cell.peerNode ?? '?'} ${cell.peerKind ?? 'conn'} ${cell.peerConn ?? '?'}`;
      if (cell.status === 'ok') return { range: cell.range, title: `${peer} ✓` };
      const count = cell.reasons.length;
      return { range: cell.range, title: `${peer}: ${count} problem${count === 1 ? '' : 's'} (${[...new Set(cell.reasons.map((r) => r.code))].join(', ')})` };
    });
}

