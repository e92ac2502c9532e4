import path from 'node:path';
import type { Finding } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import { racoonHostAddresses, racoonPairs, racoonPeerOfConn } from '../workspace/racoonPeers';
import type { RacoonHost, RacoonRemote } from '../workspace/racoonHost';
import type { ConnLens } from './codeLens';
import { commonDir, nodeLabels } from './peerMatrix';

/**
 * A line above each `remote ADDRESS` of a racoon.conf: the peer the workspace holds for it (another
 * racoon host, or a gateway's conn) and whether the two agree, by the racoon-peer-* findings on
 * that remote and on its psk.txt line.
 */
export function racoonLenses(model: WorkspaceModel, findings: ReadonlyMap<string, readonly Finding[]>, uri: string): ConnLens[] {
  const hosts = model.racoonHosts.filter((host) => host.document.uri === uri);
  if (hosts.length === 0) return [];
  const peers = peerLabels(model);
  const lenses: ConnLens[] = [];
  for (const host of hosts) {
    for (const remote of host.remotes) {
      if (remote.address === undefined) continue;
      const range = host.document.source.rangeOf(remote.nameSpan);
      const peer = peers.get(remote);
      if (!peer) {
        lenses.push({ range, title: 'no peer in the workspace' });
        continue;
      }
      const codes = problemsOf(host, remote, findings);
      const title = codes.length === 0 ? `peer: ${peer} ✓` : `peer: ${peer}: ${codes.length} problem${codes.length === 1 ? '' : 's'} (${[...new Set(codes)].join(', ')})`;
      lenses.push({ range, title });
    }
  }
  return lenses;
}

/** Every remote that has a peer in the workspace, with a label for that peer. */
function peerLabels(model: WorkspaceModel): Map<RacoonRemote, string> {
  const labels = new Map<RacoonRemote, string>();
  const hostLabel = (host: RacoonHost): string => label(model, host.layout.root);
  for (const pair of racoonPairs(model.racoonHosts, model.setkeyFiles)) {
    labels.set(pair.a.remote, hostLabel(pair.b.host));
    labels.set(pair.b.remote, hostLabel(pair.a.host));
  }
  const hosts = model.racoonHosts.map((host) => ({ host, addresses: racoonHostAddresses(host, model.setkeyFiles) }));
  const nodeNames = nodeLabels(model.nodes);
  for (const node of model.nodes) {
    for (const conn of node.effective.values()) {
      if (conn.values.get('auto')?.value.toLowerCase() === 'ignore') continue;
      const peer = racoonPeerOfConn(conn, hosts);
      if (peer && !labels.has(peer.remote)) labels.set(peer.remote, `${nodeNames.get(node) ?? node.confPath} conn ${conn.name}`);
    }
  }
  return labels;
}

/** A folder's name relative to the folder holding every node and host. */
function label(model: WorkspaceModel, root: string): string {
  const roots = [...model.nodes.map((n) => n.layout.root), ...model.racoonHosts.map((h) => h.layout.root)];
  return path.relative(roots.length > 1 ? commonDir(roots) : path.dirname(root), root) || path.basename(root);
}

/** The codes of the racoon-peer-* findings on this remote's block and on the psk.txt line racoon uses for it. */
function problemsOf(host: RacoonHost, remote: RacoonRemote, findings: ReadonlyMap<string, readonly Finding[]>): string[] {
  const source = host.document.source;
  const first = source.positionAt(remote.statement.span.start).line;
  const last = source.positionAt(remote.statement.span.end).line;
  const codes = (findings.get(host.document.uri) ?? []).filter((f) => f.code.startsWith('racoon-peer-') && f.range.start.line >= first && f.range.start.line <= last).map((f) => f.code);
  const psk = host.psk;
  const entry = psk?.ast.entries.find((e) => e.identifier.text === remote.address || e.identifier.text === '*');
  if (psk && entry) {
    const line = entry.line;
    codes.push(...(findings.get(psk.uri) ?? []).filter((f) => f.code === 'racoon-peer-psk-mismatch' && f.range.start.line === line).map((f) => f.code));
  }
  return codes;
}
