import path from 'node:path';
import type { Finding } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { Range } from '../text/sourceText';
import type { EffectiveConn, IpsecNode } from '../workspace/model';
import { peersOf, type ConnRef } from '../workspace/peers';

export type CellStatus = 'ok' | 'broken' | 'unpaired';

export interface MatrixReason {
  readonly code: string;
  readonly message: string;
  readonly uri: string;
  readonly range: Range;
}

/** One conn of one node and what became of its pairing. */
export interface MatrixCell {
  readonly node: string;
  readonly conn: string;
  readonly peerNode?: string;
  readonly peerConn?: string;
  readonly status: CellStatus;
  readonly reasons: readonly MatrixReason[];
  readonly uri: string;
  readonly range: Range;
}

export interface PeerMatrix {
  readonly nodes: readonly string[];
  readonly cells: readonly MatrixCell[];
}

/** A short, stable label for a node: its folder relative to the common root of all nodes. */
export function nodeLabels(nodes: readonly IpsecNode[]): Map<IpsecNode, string> {
  const roots = nodes.map((n) => n.layout.root);
  const common = roots.length > 1 ? commonDir(roots) : path.dirname(roots[0] ?? '/');
  return new Map(nodes.map((n) => [n, path.relative(common, n.layout.root) || path.basename(n.layout.root)]));
}

/**
 * Every node × conn with the state of its tunnel: paired and consistent (ok), paired with
 * problems (broken, with the reasons and where they are), or no partner in the workspace.
 */
export function buildPeerMatrix(model: WorkspaceModel, findings: ReadonlyMap<string, readonly Finding[]>): PeerMatrix {
  const labels = nodeLabels(model.nodes);
  const partners = new Map<EffectiveConn, ConnRef>();
  for (const pair of peersOf(model.nodes)) {
    partners.set(pair.a.conn, pair.b);
    partners.set(pair.b.conn, pair.a);
  }
  const cells: MatrixCell[] = [];
  for (const node of model.nodes) {
    for (const conn of node.effective.values()) {
      if (conn.values.get('auto')?.value === 'ignore') continue;
      const partner = partners.get(conn);
      const reasons = partner ? [...reasonsFor(conn, partner.node, findings), ...reasonsFor(partner.conn, node, findings)] : [];
      const name = conn.definition.section.name;
      cells.push({
        node: labels.get(node) ?? node.confPath,
        conn: conn.name,
        peerNode: partner ? labels.get(partner.node) : undefined,
        peerConn: partner?.conn.name,
        status: !partner ? 'unpaired' : reasons.length > 0 ? 'broken' : 'ok',
        reasons: dedupe(reasons),
        uri: conn.definition.document.uri,
        range: conn.definition.document.source.rangeOf(name?.span ?? conn.definition.section.header),
      });
    }
  }
  return { nodes: model.nodes.map((n) => labels.get(n) ?? n.confPath), cells };
}

/**
 * Error findings on the lines of a conn and on the values it inherits. A finding that points at
 * another gateway (a peer mismatch on a shared `%default` line) counts only for the pair with
 * that gateway.
 */
function reasonsFor(conn: EffectiveConn, peer: IpsecNode, findings: ReadonlyMap<string, readonly Finding[]>): MatrixReason[] {
  const peerUris = new Set(peer.documents.map((d) => d.uri));
  const reasons: MatrixReason[] = [];
  const places = new Set<string>();
  for (const value of conn.values.values()) places.add(`${value.document.uri}#${value.setting.line}`);
  const header = conn.definition;
  places.add(`${header.document.uri}#${header.section.headerLine}`);
  for (const [uri, list] of findings) {
    for (const finding of list) {
      if (finding.severity !== 'error' || !places.has(`${uri}#${finding.range.start.line}`)) continue;
      if (finding.related && finding.related.length > 0 && !finding.related.some((r) => peerUris.has(r.uri))) continue;
      reasons.push({ code: finding.code, message: finding.message, uri, range: finding.range });
    }
  }
  return reasons;
}

function dedupe(reasons: MatrixReason[]): MatrixReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.uri}:${r.range.start.line}:${r.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function commonDir(paths: readonly string[]): string {
  const split = paths.map((p) => p.split(path.sep));
  const first = split[0];
  let length = 0;
  while (length < first.length && split.every((parts) => parts[length] === first[length])) length++;
  return first.slice(0, length).join(path.sep) || path.sep;
}
