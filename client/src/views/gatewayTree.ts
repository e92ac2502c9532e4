import type { MatrixCellData, MatrixData } from './matrixHtml';

/** The Explorer view's id in package.json. */
export const GATEWAYS_VIEW = 'ipsec.gateways';
/** The context key that shows the view: set once the workspace is known to hold a gateway or racoon host. */
export const HAS_GATEWAYS = 'ipsec.hasGateways';

/** What a row of the Gateways view stands for: a tunnel's state, a finding's severity, or a gateway's worst tunnel. */
export type RowStatus = 'ok' | 'warning' | 'broken' | 'unpaired' | 'error';

/** A place in a file, 0-based as LSP gives it. */
export interface RowTarget {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}

export interface TreeRow {
  /** Stable across refreshes, so that VS Code keeps what the user expanded. */
  readonly id: string;
  /** What the row stands for; menus offer conn actions on conn rows only. */
  readonly kind: 'gateway' | 'conn' | 'remote' | 'reason';
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly status: RowStatus;
  /** The line a click opens; a gateway row only expands. */
  readonly target?: RowTarget;
  readonly children: readonly TreeRow[];
}

const STATUS_WORDS = { ok: 'works', warning: 'at risk', broken: 'fails', unpaired: 'no peer' } as const;
/** Worst first: a gateway row takes the colour of its worst tunnel. */
const SEVERITY_ORDER = ['broken', 'warning', 'ok', 'unpaired'] as const;

const endName = (kind: 'conn' | 'remote' | undefined, name: string | undefined): string => `${kind ?? 'conn'} ${name ?? ''}`;

/**
 * The peer matrix as a tree: each gateway or racoon host, its conns (or remotes) with their peer
 * and state, and under a conn that fails or is at risk the findings that say why. Pure, so it is
 * tested without VS Code.
 */
export function gatewayTree(matrix: MatrixData): TreeRow[] {
  return matrix.nodes.map((node) => gatewayRow(node, matrix.cells.filter((cell) => cell.node === node)));
}

function gatewayRow(node: string, cells: readonly MatrixCellData[]): TreeRow {
  const counts = SEVERITY_ORDER.map((status) => [status, cells.filter((cell) => cell.status === status).length] as const).filter(([, n]) => n > 0);
  const worst = counts[0]?.[0] ?? 'unpaired';
  const summary = counts.map(([status, n]) => `${n} ${STATUS_WORDS[status]}`).join(' · ');
  const ends = cells.some((cell) => cell.kind === 'remote') ? 'remote' : 'conn';
  return {
    id: `node:${node}`,
    kind: 'gateway',
    label: node,
    description: summary || `no ${ends}s`,
    tooltip: `${node}: ${summary || `no ${ends}s to pair`}`,
    status: worst,
    children: cells.map((cell) => connRow(node, cell)),
  };
}

function connRow(node: string, cell: MatrixCellData): TreeRow {
  const name = endName(cell.kind, cell.conn);
  const peer = cell.peerNode === undefined ? 'no partner in the workspace' : `→ ${cell.peerNode} · ${endName(cell.peerKind, cell.peerConn)}`;
  const explained = cell.status === 'broken' || cell.status === 'warning';
  const id = `conn:${node}/${cell.kind ?? 'conn'}/${cell.conn}`;
  return {
    id,
    kind: cell.kind ?? 'conn',
    label: name,
    description: `${peer} · ${STATUS_WORDS[cell.status]}`,
    tooltip: [`${node} ${name} ${peer}: ${STATUS_WORDS[cell.status]}`, ...(explained ? cell.reasons.map((r) => `${r.node}: ${r.message} (${r.code})`) : [])].join('\n'),
    status: cell.status,
    target: { uri: cell.uri, line: cell.range.start.line, character: cell.range.start.character },
    children: explained
      ? cell.reasons.map((reason, index) => ({
          id: `${id}#${index}:${reason.code}`,
          kind: 'reason',
          label: reason.message,
          description: `${reason.node} · ${reason.code}`,
          tooltip: `${reason.node}: ${reason.message} (${reason.code})`,
          status: reason.severity === 'warning' ? 'warning' : 'error',
          target: { uri: reason.uri, line: reason.range.start.line, character: reason.range.start.character },
          children: [],
        }))
      : [],
  };
}
