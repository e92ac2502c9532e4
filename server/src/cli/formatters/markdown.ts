import { ruleDocUrl } from '../../checks/ruleDocs';
import type { MatrixCell, PeerMatrix } from '../../features/peerMatrix';
import { PEER_STATUS_MARKS, peerMatrixTally, reasonPlace } from './peerMatrix';
import { reportPath, type Formatter } from './types';

/**
 * The findings as Markdown, for a job summary, a merge-request comment or a wiki page: a table of
 * every finding (CI annotations show only the first few), each rule linked to its catalogue entry.
 */
export const formatMarkdown: Formatter = (reports, cwd) => {
  const rows: string[] = [];
  const counts = { error: 0, warning: 0, other: 0 };
  for (const report of reports) {
    const file = cell(reportPath(report.filePath, cwd));
    if (report.fatal) {
      counts.error++;
      rows.push(`| error | ${file} | 1 | | ${cell(report.fatal)} |`);
    }
    for (const f of report.findings) {
      if (f.severity === 'error') counts.error++;
      else if (f.severity === 'warning') counts.warning++;
      else counts.other++;
      rows.push(`| ${f.severity} | ${file} | ${f.range.start.line + 1} | [${cell(f.code)}](${ruleDocUrl(f.code)}) | ${cell(f.message)} |`);
    }
  }
  const files = `${reports.length} file(s) checked`;
  if (rows.length === 0) return `### ipsec-lint: no problems\n\n${files}.\n`;
  const tally = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.other} info`;
  return `${[`### ipsec-lint: ${tally}`, '', `${files}.`, '', '| Severity | File | Line | Rule | Message |', '|---|---|---|---|---|', ...rows].join('\n')}\n`;
};

/**
 * The peer matrix as Markdown: a grid of gateways against their peers (the editor's matrix, for a
 * mesh at a glance), a table of every conn and its partner, then why each pair at risk is.
 */
export function formatPeerMatrixMarkdown(matrix: PeerMatrix, cwd: string): string {
  const out = ['### IPsec tunnels', '', peerMatrixTally(matrix) + '.', '', ...peerGrid(matrix)];
  if (matrix.cells.length > 0) {
    out.push('| Gateway | Conn | Peer | Peer’s conn | Result |', '|---|---|---|---|---|');
    for (const c of matrix.cells) {
      out.push(`| ${cell(c.node)} | ${cell(`${c.kind} ${c.conn}`)} | ${cell(c.peerNode ?? '')} | ${c.peerNode ? cell(`${c.peerKind ?? 'conn'} ${c.peerConn}`) : ''} | ${PEER_STATUS_MARKS[c.status]} |`);
    }
    out.push('');
  }
  for (const c of matrix.cells.filter((c) => c.reasons.length > 0)) {
    out.push(`**${cell(pairTitle(c))}** (${PEER_STATUS_MARKS[c.status]})`, '');
    for (const reason of c.reasons) {
      out.push(`- ${cell(reasonPlace(reason.uri, reason.range.start.line, cwd))} ${reason.severity}: ${cell(reason.message)} ([${cell(reason.code)}](${ruleDocUrl(reason.code)}))`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const GRID_MARKS: Record<Exclude<MatrixCell['status'], 'unpaired'>, string> = { ok: '✓', warning: '!', broken: '✗' };
const SEVERITY_ORDER: ReadonlyArray<MatrixCell['status']> = ['ok', 'warning', 'broken'];

/** Gateways (rows) against the peers their conns pair with (columns), each cell the worst of those conns. */
function peerGrid(matrix: PeerMatrix): string[] {
  if (matrix.nodes.length < 2) return [];
  const worst = new Map<string, MatrixCell['status']>();
  for (const c of matrix.cells) {
    if (!c.peerNode || c.status === 'unpaired') continue;
    const key = `${c.node}\0${c.peerNode}`;
    const before = worst.get(key);
    if (!before || SEVERITY_ORDER.indexOf(c.status) > SEVERITY_ORDER.indexOf(before)) worst.set(key, c.status);
  }
  if (worst.size === 0) return [];
  const mark = (from: string, to: string): string => {
    if (from === to) return '—';
    const status = worst.get(`${from}\0${to}`);
    return status && status !== 'unpaired' ? GRID_MARKS[status] : '';
  };
  return [
    '| | ' + matrix.nodes.map(cell).join(' | ') + ' |',
    '|---|' + matrix.nodes.map(() => ':---:').join('|') + '|',
    ...matrix.nodes.map((from) => `| ${cell(from)} | ${matrix.nodes.map((to) => mark(from, to)).join(' | ')} |`),
    '',
    'A row is a gateway, a column the peer its conns pair with: ✓ they agree, ! they agree with warnings, ✗ they do not.',
    '',
  ];
}

function pairTitle(c: MatrixCell): string {
  return c.peerNode ? `${c.node} ${c.kind} ${c.conn} → ${c.peerNode} ${c.peerKind ?? 'conn'} ${c.peerConn}` : `${c.node} ${c.kind} ${c.conn}`;
}

/**
 * Text in a table cell or list item, shown as written: Markdown's punctuation escaped (`*` in
 * `ipsec.d/*.conf` would start emphasis, `<` an HTML tag, `|` a new cell), lines joined.
 */
export function cell(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/\r?\n/g, ' ');
}
