/** The peer matrix as the server sends it (see server/src/features/peerMatrix.ts). */
export interface MatrixCellData {
  readonly node: string;
  readonly conn: string;
  /** A gateway's conn or a racoon host's remote; conn when absent. */
  readonly kind?: 'conn' | 'remote';
  readonly peerNode?: string;
  readonly peerConn?: string;
  readonly peerKind?: 'conn' | 'remote';
  readonly status: 'ok' | 'warning' | 'broken' | 'unpaired';
  readonly reasons: readonly { readonly node: string; readonly code: string; readonly severity?: 'error' | 'warning'; readonly message: string; readonly uri: string; readonly range: { readonly start: { readonly line: number; readonly character: number } } }[];
  readonly uri: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

export interface MatrixData {
  readonly nodes: readonly string[];
  readonly cells: readonly MatrixCellData[];
}

/** What each state of a tunnel is called in the matrix and the Gateways view. */
export const STATUS_LABEL = { ok: 'works', warning: 'at risk', broken: 'fails', unpaired: 'no peer' } as const;

/** `conn name` or `remote 192.0.2.1`. */
export function endName(kind: 'conn' | 'remote' | undefined, name: string | undefined): string {
  return `${kind ?? 'conn'} ${name ?? ''}`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A node × node grid (rows: the gateway holding the conn; columns: its peer) plus a list of
 * conns without a peer. Every cell links to the line to look at: the first reason of a red
 * cell, the conn otherwise. Pure, so it is tested without VS Code.
 */
export function renderMatrixHtml(matrix: MatrixData, nonce: string, cspSource: string): string {
  const paired = matrix.cells.filter((c) => c.peerNode !== undefined);
  const unpaired = matrix.cells.filter((c) => c.peerNode === undefined);
  const header = matrix.nodes.map((n) => `<th scope="col">${escape(n)}</th>`).join('');
  const rows = matrix.nodes
    .map((row) => {
      const cells = matrix.nodes
        .map((column) => {
          if (row === column) return '<td class="self">—</td>';
          const cell = paired.find((c) => c.node === row && c.peerNode === column);
          if (!cell) return '<td class="none" title="no conn between these gateways">·</td>';
          const explained = cell.status === 'broken' || cell.status === 'warning';
          const target = explained && cell.reasons[0] ? cell.reasons[0] : cell;
          const title = explained ? cell.reasons.map((r) => `${r.node}: ${r.code}: ${r.message}`).join('\n') : `${endName(cell.kind, cell.conn)} ↔ ${cell.peerNode} ${endName(cell.peerKind, cell.peerConn)}`;
          return `<td class="${cell.status}"><a href="#" data-uri="${escape(target.uri)}" data-line="${target.range.start.line}" title="${escape(title)}">${STATUS_LABEL[cell.status]}</a></td>`;
        })
        .join('');
      return `<tr><th scope="row">${escape(row)}</th>${cells}</tr>`;
    })
    .join('\n');
  const reasons = paired
    .filter((c) => c.status === 'broken' || c.status === 'warning')
    .map((c) => `<li class="${c.status}"><b>${escape(c.node)} → ${escape(c.peerNode ?? '')}</b> (${escape(endName(c.kind, c.conn))}): ${c.reasons.map((r) => `<a href="#" data-uri="${escape(r.uri)}" data-line="${r.range.start.line}">${escape(r.node)}: ${r.severity === 'warning' ? 'warning: ' : ''}${escape(r.message)}</a>`).join('; ')}</li>`)
    .join('\n');
  const lonely = unpaired.map((c) => `<li><a href="#" data-uri="${escape(c.uri)}" data-line="${c.range.start.line}">${escape(c.node)}: ${escape(endName(c.kind, c.conn))}</a></li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<title>IPsec peer matrix</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid var(--vscode-panel-border, #888); padding: 4px 10px; text-align: center; }
td.ok { background: #2e7d32; } td.warning { background: #b26a00; } td.broken { background: #c62828; } td.unpaired, td.none { background: #616161; }
td a { color: #fff; text-decoration: none; font-weight: bold; } td.self { opacity: 0.5; }
</style></head>
<body>
<h2>Peer matrix</h2>
<p>Rows: the gateway (or racoon host) holding the conn (or remote). Columns: its peer. Green: both sides agree. Amber: they agree, but a warning puts the tunnel at risk. Red: the tunnel would fail. Click a cell for the line. Grey: no conn between them.</p>
<table id="matrix"><tr><th></th>${header}</tr>
${rows}
</table>
${reasons ? `<h3>Why the red cells fail and the amber ones are at risk</h3><ul id="reasons">${reasons}</ul>` : ''}
${lonely ? `<h3>Conns without a peer in the workspace</h3><ul id="unpaired">${lonely}</ul>` : ''}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-uri]');
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ uri: link.dataset.uri, line: Number(link.dataset.line) });
});
</script>
</body></html>`;
}
