import type { CellStatus, EndKind, MatrixCell, PeerMatrix } from './peerMatrix';

/** One gateway or racoon host of the matrix in a few numbers: how many of its ends are in each state. */
export interface NodeSummary {
  readonly node: string;
  readonly counts: Readonly<Record<CellStatus, number>>;
  /** What its ends are: a gateway's conns or a racoon host's remotes. */
  readonly endKind: EndKind;
}

export interface MatrixSummary {
  /** Changes whenever the matrix is built anew, so that a view knows its rows may have changed. */
  readonly revision: number;
  readonly nodes: readonly NodeSummary[];
}

/**
 * Every node with the count of its ends per state, in the matrix's order: what a view shows before
 * it is asked for a node's ends. A few hundred bytes where the whole matrix of a 100-gateway mesh
 * is megabytes.
 */
export function summarizeMatrix(matrix: PeerMatrix, revision: number): MatrixSummary {
  const byNode = new Map(matrix.nodes.map((node, index) => [node, { node, counts: { ok: 0, warning: 0, broken: 0, unpaired: 0 }, endKind: (index >= matrix.nodes.length - (matrix.racoonHosts ?? 0) ? 'remote' : 'conn') as EndKind }]));
  for (const cell of matrix.cells) {
    const summary = byNode.get(cell.node);
    if (summary) summary.counts[cell.status]++;
  }
  return { revision, nodes: [...byNode.values()] };
}

/** The ends of one node, with their peers, states and reasons. */
export function cellsOfNode(matrix: PeerMatrix, node: string): MatrixCell[] {
  return matrix.cells.filter((cell) => cell.node === node);
}
