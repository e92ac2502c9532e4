import { endName, STATUS_LABEL, type MatrixCellData } from './matrixHtml';

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
  /** A gateway row whose ends are fetched when it is opened. */
  readonly expandable?: boolean;
  readonly children: readonly TreeRow[];
}

/** Worst first: a gateway row takes the colour of its worst tunnel. */
const SEVERITY_ORDER = ['broken', 'warning', 'ok', 'unpaired'] as const;

/** A node of the matrix in a few numbers, as the server sends it (`ipsec/peerMatrix` with `summary`; see server/src/features/matrixSlices.ts). */
export interface NodeSummaryData {
  readonly node: string;
  readonly counts: Readonly<Record<MatrixCellData['status'], number>>;
  readonly endKind: 'conn' | 'remote';
}

export interface MatrixSummaryData {
  readonly revision: number;
  readonly nodes: readonly NodeSummaryData[];
}

/**
 * One row per gateway or racoon host, marked by its worst tunnel and counting its tunnels by
 * state. Their ends are asked for only when a row is opened (`connRows`): a 100-gateway mesh has
 * ten thousand. Pure, so it is tested without VS Code.
 */
export function gatewayRows(summary: MatrixSummaryData): TreeRow[] {
  return summary.nodes.map(({ node, counts, endKind }) => {
    const present = SEVERITY_ORDER.filter((status) => counts[status] > 0);
    const text = present.map((status) => `${counts[status]} ${STATUS_LABEL[status]}`).join(' · ');
    return {
      id: `node:${node}`,
      kind: 'gateway',
      label: node,
      description: text || `no ${endKind}s`,
      tooltip: `${node}: ${text || `no ${endKind}s to pair`}`,
      status: present[0] ?? 'unpaired',
      expandable: present.length > 0,
      children: [],
    };
  });
}

/** A node's conns (or remotes) with their peer and state, and under one that fails or is at risk the findings that say why. */
export function connRows(node: string, cells: readonly MatrixCellData[]): TreeRow[] {
  return cells.filter((cell) => cell.node === node).map((cell) => connRow(node, cell));
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
    description: `${peer} · ${STATUS_LABEL[cell.status]}`,
    tooltip: [`${node} ${name} ${peer}: ${STATUS_LABEL[cell.status]}`, ...(explained ? cell.reasons.map((r) => `${r.node}: ${r.message} (${r.code})`) : [])].join('\n'),
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
