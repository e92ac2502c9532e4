import type { Finding } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { EffectiveConn, IpsecNode } from '../workspace/model';
import { pskLineFor, type RacoonHost, type RacoonRemote } from '../workspace/racoonHost';
import { racoonPeering } from '../workspace/racoonPeers';
import { matrixReason, matrixSeverity, pairedStatus } from './pairFindings';
import type { MatrixCell, MatrixReason } from './peerMatrix';

/** One end of a tunnel with a racoon host: a gateway's conn, or a racoon host's remote. */
type End = { readonly kind: 'conn'; readonly node: IpsecNode; readonly conn: EffectiveConn } | { readonly kind: 'remote'; readonly host: RacoonHost; readonly remote: RacoonRemote };

/** What the matrix needs to say about the racoon side of a workspace. */
export interface RacoonMatrixPart {
  readonly hostLabels: readonly string[];
  /** Cells for the racoon hosts' remotes. */
  readonly cells: readonly MatrixCell[];
  /** The racoon remote a gateway conn without a gateway partner points at. */
  readonly partnerOfConn: (conn: EffectiveConn) => End | undefined;
  readonly reasonsOfConn: (node: IpsecNode, conn: EffectiveConn, partner: End) => MatrixReason[];
  readonly labelOf: (end: End) => string;
}

/**
 * The racoon hosts' rows of the peer matrix: every `remote ADDRESS` with the host or gateway
 * conn at the other end, and the error findings of the racoon-peer-* rules that concern the pair.
 */
export function racoonMatrixPart(model: WorkspaceModel, findings: ReadonlyMap<string, readonly Finding[]>, label: (root: string) => string, nodeLabel: (node: IpsecNode) => string): RacoonMatrixPart {
  const partners = new Map<RacoonRemote, End>();
  const peering = racoonPeering(model);
  for (const pair of peering.pairs) {
    partners.set(pair.a.remote, { kind: 'remote', ...pair.b });
    partners.set(pair.b.remote, { kind: 'remote', ...pair.a });
  }
  const connPartners = new Map<EffectiveConn, End>();
  for (const { node, conn, peer } of peering.gatewayPeers) {
    connPartners.set(conn, { kind: 'remote', host: peer.host, remote: peer.remote });
    if (!partners.has(peer.remote)) partners.set(peer.remote, { kind: 'conn', node, conn });
  }
  const labelOf = (end: End): string => (end.kind === 'conn' ? nodeLabel(end.node) : label(end.host.layout.root));
  const cells: MatrixCell[] = [];
  for (const host of model.racoonHosts) {
    for (const remote of host.remotes) {
      if (remote.address === undefined) continue;
      const partner = partners.get(remote);
      const reasons = partner ? remoteReasons(host, remote, partner, findings, label(host.layout.root)) : [];
      cells.push({
        node: label(host.layout.root),
        conn: remote.name,
        kind: 'remote',
        peerNode: partner && labelOf(partner),
        peerConn: partner && (partner.kind === 'conn' ? partner.conn.name : partner.remote.name),
        peerKind: partner?.kind,
        status: partner ? pairedStatus(reasons) : 'unpaired',
        reasons,
        uri: remote.document.uri,
        range: remote.document.source.rangeOf(remote.nameSpan),
      });
    }
  }
  return {
    hostLabels: model.racoonHosts.map((host) => label(host.layout.root)),
    cells,
    partnerOfConn: (conn) => connPartners.get(conn),
    reasonsOfConn: (node, conn, partner) => (partner.kind === 'remote' ? connReasons(node, conn, partner.host, findings, nodeLabel(node)) : []),
    labelOf,
  };
}

/** Error and warning findings of the racoon-peer-* rules on the remote's block or on its psk.txt line. */
function remoteReasons(host: RacoonHost, remote: RacoonRemote, partner: End, findings: ReadonlyMap<string, readonly Finding[]>, node: string): MatrixReason[] {
  const source = remote.document.source;
  const first = source.positionAt(remote.statement.span.start).line;
  const last = source.positionAt(remote.statement.span.end).line;
  const peerUris = partner.kind === 'conn' ? new Set([...partner.node.documents, ...partner.node.secrets].map((d) => d.uri)) : new Set([...partner.host.documents.map((d) => d.uri), ...(partner.host.psk ? [partner.host.psk.uri] : [])]);
  const ours = (finding: Finding): boolean => matrixSeverity(finding) !== undefined && finding.code.startsWith('racoon-peer-') && (finding.related ?? []).some((r) => peerUris.has(r.uri));
  const reasons: MatrixReason[] = [];
  for (const finding of findings.get(remote.document.uri) ?? []) {
    if (ours(finding) && finding.range.start.line >= first && finding.range.start.line <= last) reasons.push(matrixReason(node, remote.document.uri, finding));
  }
  const entry = host.psk && remote.address ? pskLineFor(host.psk, remote.address) : undefined;
  if (host.psk && entry) {
    for (const finding of findings.get(host.psk.uri) ?? []) {
      if (ours(finding) && finding.range.start.line === entry.line) reasons.push(matrixReason(node, host.psk.uri, finding));
    }
  }
  return reasons;
}

/** Error and warning findings of the racoon-peer-* rules on the gateway's files that point at the racoon host. */
function connReasons(node: IpsecNode, conn: EffectiveConn, host: RacoonHost, findings: ReadonlyMap<string, readonly Finding[]>, label: string): MatrixReason[] {
  const hostUris = new Set([...host.documents.map((d) => d.uri), ...(host.psk ? [host.psk.uri] : [])]);
  const reasons: MatrixReason[] = [];
  for (const document of [...node.documents, ...node.secrets]) {
    for (const finding of findings.get(document.uri) ?? []) {
      if (!matrixSeverity(finding) || !finding.code.startsWith('racoon-peer-') || !(finding.related ?? []).some((r) => hostUris.has(r.uri))) continue;
      if (finding.conn !== undefined && finding.conn !== conn.name) continue;
      reasons.push(matrixReason(label, document.uri, finding));
    }
  }
  return reasons;
}
