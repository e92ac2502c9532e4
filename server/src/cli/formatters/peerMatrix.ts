import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MatrixCell, PeerMatrix } from '../../features/peerMatrix';

export const PEER_STATUS_MARKS: Record<MatrixCell['status'], string> = {
  ok: '✓ agree',
  warning: '! agree, with warnings',
  broken: '✗ broken',
  unpaired: '- no partner in these files',
};

/** The peer matrix as text: one line per conn, its partner and whether the two ends agree, then why not. */
export function formatPeerMatrixText(matrix: PeerMatrix, cwd: string): string {
  const rows = matrix.cells.map((cell) => ({ cell, from: `${cell.node}  ${cell.kind} ${cell.conn}`, to: cell.peerNode ? `${cell.peerNode}  ${cell.peerKind ?? 'conn'} ${cell.peerConn}` : '' }));
  const fromWidth = Math.max(0, ...rows.map((r) => r.from.length));
  const toWidth = Math.max(0, ...rows.map((r) => r.to.length));
  const out: string[] = [];
  for (const { cell, from, to } of rows) {
    const mark = PEER_STATUS_MARKS[cell.status];
    out.push(`${from.padEnd(fromWidth)}  ${cell.peerNode ? '→' : ' '}  ${to.padEnd(toWidth)}  ${mark}`.trimEnd());
    for (const reason of cell.reasons) out.push(`    ${reasonPlace(reason.uri, reason.range.start.line, cwd)}  ${reason.severity}  ${reason.message}  ${reason.code}`);
  }
  out.push('', peerMatrixTally(matrix));
  return `${out.join('\n')}\n`;
}

/** How many gateways, hosts, conns and remotes the matrix holds, and how many of them agree with their peer. */
export function peerMatrixTally(matrix: PeerMatrix): string {
  const count = (status: MatrixCell['status']) => matrix.cells.filter((c) => c.status === status).length;
  const hosts = matrix.racoonHosts ?? 0;
  const remotes = matrix.cells.filter((c) => c.kind === 'remote').length;
  const ends = `${matrix.nodes.length - hosts} gateway(s)${hosts > 0 ? `, ${hosts} racoon host(s)` : ''}, ${matrix.cells.length - remotes} conn(s)${remotes > 0 ? `, ${remotes} remote(s)` : ''}`;
  return `${ends}: ${count('ok')} agree with their peer, ${count('warning')} agree with warnings, ${count('broken')} do not, ${count('unpaired')} without a partner`;
}

export function formatPeerMatrixJson(matrix: PeerMatrix): string {
  return `${JSON.stringify(matrix)}\n`;
}

/** Where a reason is: its file relative to `cwd` and its line, 1-based. */
export function reasonPlace(uri: string, line: number, cwd: string): string {
  let filePath = uri;
  try {
    filePath = path.relative(cwd, fileURLToPath(uri)) || uri;
  } catch {
    // Not a file URI: shown as it is.
  }
  return `${filePath}:${line + 1}`;
}
