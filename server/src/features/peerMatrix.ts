import path from 'node:path';
import type { Finding } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { Range } from '../text/sourceText';
import { mayBeLoaded } from '../workspace/autoStarts';
import type { EffectiveConn, IpsecNode } from '../workspace/model';
import { peersOf, type ConnRef } from '../workspace/peers';
import { FindingsByLine, matrixReason, pairedStatus, pairFindings } from './pairFindings';
import { racoonMatrixPart, type RacoonMatrixPart } from './racoonMatrix';
import { commonDir } from '../workspace/pathOps';

/** ok: both ends agree; warning: they agree but a warning puts the tunnel at risk; broken: it fails. */
export type CellStatus = 'ok' | 'warning' | 'broken' | 'unpaired';

/** A gateway's `conn`, or a racoon host's `remote`. */
export type EndKind = 'conn' | 'remote';

export interface MatrixReason {
  /** The gateway whose file holds the finding: either end of the pair. */
  readonly node: string;
  readonly code: string;
  /** An error breaks the tunnel; a warning puts it at risk. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly uri: string;
  readonly range: Range;
}

/** One conn of one node (or one remote of a racoon host) and what became of its pairing. */
export interface MatrixCell {
  readonly node: string;
  /** The conn's name, or a racoon remote's address. */
  readonly conn: string;
  readonly kind: EndKind;
  readonly peerNode?: string;
  readonly peerConn?: string;
  readonly peerKind?: EndKind;
  readonly status: CellStatus;
  readonly reasons: readonly MatrixReason[];
  readonly uri: string;
  readonly range: Range;
}

export interface PeerMatrix {
  /** The gateways, then the racoon hosts. */
  readonly nodes: readonly string[];
  /** How many of `nodes` are racoon hosts (the last ones). */
  readonly racoonHosts?: number;
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
 * warnings only (warning), paired with errors (broken), or no partner in the workspace; with the
 * reasons and where they are, errors first.
 * A pair's reasons are the findings of both ends that concern this pair (see `pairFindings`),
 * this row's end first; another pair's findings and another conn's node findings stay out.
 * With `only` (a document's URI), the gateways' cells are those of the conns that document
 * defines and of their partners: what its code lenses need, without the whole workspace's.
 */
export function buildPeerMatrix(model: WorkspaceModel, findings: ReadonlyMap<string, readonly Finding[]>, only?: string): PeerMatrix {
  const labels = nodeLabels(model.nodes);
  const roots = [...model.nodes.map((n) => n.layout.root), ...model.racoonHosts.map((h) => h.layout.root)];
  const rootLabel = (root: string) => path.relative(roots.length > 1 ? commonDir(roots) : path.dirname(root), root) || path.basename(root);
  const racoon = racoonMatrixPart(model, findings, rootLabel, (node) => labels.get(node) ?? node.confPath);
  const partners = new Map<EffectiveConn, ConnRef>();
  for (const pair of peersOf(model.nodes)) {
    partners.set(pair.a.conn, pair.b);
    partners.set(pair.b.conn, pair.a);
  }
  const byLine = new FindingsByLine(findings);
  const cellOf = ({ node, conn }: ConnRef): MatrixCell | undefined => {
    if (!mayBeLoaded(node, conn)) return undefined;
    const partner = partners.get(conn);
    const racoonPeer = partner ? undefined : racoon.partnerOfConn(conn);
    const ours = { node, conn };
    const reasons = partner ? [...reasonsOn(ours, partner, byLine, labels), ...reasonsOn(partner, ours, byLine, labels)] : racoonPeer ? racoon.reasonsOfConn(node, conn, racoonPeer) : [];
    const name = conn.definition.section.name;
    const paired = partner !== undefined || racoonPeer !== undefined;
    return {
      node: labels.get(node) ?? node.confPath,
      conn: conn.name,
      kind: 'conn',
      peerNode: partner ? labels.get(partner.node) : racoonPeer && racoon.labelOf(racoonPeer),
      peerConn: partner?.conn.name ?? (racoonPeer?.kind === 'remote' ? racoonPeer.remote.name : undefined),
      peerKind: partner ? 'conn' : racoonPeer?.kind,
      status: paired ? pairedStatus(reasons) : 'unpaired',
      reasons: dedupe(reasons),
      uri: conn.definition.document.uri,
      range: conn.definition.document.source.rangeOf(name?.span ?? conn.definition.section.header),
    };
  };
  const cells = endsToShow(model, only, partners, racoon).flatMap((end) => cellOf(end) ?? []);
  return { nodes: [...model.nodes.map((n) => labels.get(n) ?? n.confPath), ...racoon.hostLabels], racoonHosts: racoon.hostLabels.length, cells: [...cells, ...racoon.cells.map((cell) => ({ ...cell, reasons: dedupe([...cell.reasons]) }))] };
}

/**
 * Every conn of every gateway; or, for one document, the conns it defines and their partners
 * (the gateways holding it are found first, so a large mesh is not walked), or, for a racoon
 * host's file, the conns paired with its remotes.
 */
function endsToShow(model: WorkspaceModel, only: string | undefined, partners: ReadonlyMap<EffectiveConn, ConnRef>, racoon: RacoonMatrixPart): ConnRef[] {
  const every = (): ConnRef[] => model.nodes.flatMap((node) => [...node.effective.values()].map((conn) => ({ node, conn })));
  if (only === undefined) return every();
  const holders = model.nodes.filter((node) => node.documents.some((document) => document.uri === only));
  if (holders.length === 0) {
    return every().filter(({ conn }) => {
      const peer = racoon.partnerOfConn(conn);
      return peer?.kind === 'remote' && peer.host.documents.some((document) => document.uri === only);
    });
  }
  const ends: ConnRef[] = [];
  const seen = new Set<EffectiveConn>();
  for (const node of holders) {
    for (const conn of node.effective.values()) {
      if (conn.definition.document.uri !== only) continue;
      for (const end of [{ node, conn }, partners.get(conn)]) {
        if (end && !seen.has(end.conn)) {
          seen.add(end.conn);
          ends.push(end);
        }
      }
    }
  }
  return ends;
}

function reasonsOn(ours: ConnRef, theirs: ConnRef, findings: FindingsByLine, labels: ReadonlyMap<IpsecNode, string>): MatrixReason[] {
  const node = labels.get(ours.node) ?? ours.node.confPath;
  return pairFindings(ours, theirs, findings).map(({ uri, finding }) => matrixReason(node, uri, finding));
}

/** Each reason once, errors before warnings (the first reason is where a cell links to). */
function dedupe(reasons: MatrixReason[]): MatrixReason[] {
  if (reasons.length === 0) return reasons;
  const seen = new Set<string>();
  const unique = reasons.filter((r) => {
    const key = `${r.uri}:${r.range.start.line}:${r.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...unique.filter((r) => r.severity === 'error'), ...unique.filter((r) => r.severity !== 'error')];
}
