import type { ParsedDocument } from '../model/document';
import { meaningOf } from '../parsing/racoon/resolve';
import { childStatements } from '../parsing/racoon/walk';
import type { AddressSpec } from '../parsing/setkey/ast';
import { ipVersion } from '../text/ipLiteral';
import { mayBeLoaded } from './autoStarts';
import { comparableHost } from './ikeIdentity';
import { uriPath } from './loadIpsecNode';
import { inferLayout } from './nodeLayout';
import type { EffectiveConn, IpsecNode } from './model';
import { concreteAddress, sideValue } from './peers';
import { perObject } from './memo';
import { hostStatements, type RacoonHost, type RacoonRemote } from './racoonHost';

/** One end of a racoon tunnel: a host and its `remote` block for the other host. */
export interface RacoonEnd {
  readonly host: RacoonHost;
  readonly remote: RacoonRemote;
}

/** Two racoon hosts of the workspace whose `remote` blocks name each other's address. */
export interface RacoonPair {
  readonly a: RacoonEnd;
  readonly b: RacoonEnd;
}

/**
 * The addresses a racoon host is known to have: those it listens on for IKE, and the sources of
 * its own outbound policies in the setkey files kept with it (tunnel endpoints, or the host
 * itself in transport mode). A host that says neither has no known address and is never paired.
 */
function racoonHostAddresses(host: RacoonHost, setkeyFiles: readonly ParsedDocument<'setkey'>[]): ReadonlySet<string> {
  const addresses = new Set<string>();
  for (const { statement } of hostStatements(host)) {
    const meaning = meaningOf(statement);
    if (meaning.kind !== 'known' || meaning.directive.name !== 'listen') continue;
    for (const child of childStatements(statement)) {
      const inner = meaningOf(child);
      if (inner.kind !== 'known' || (inner.directive.name !== 'isakmp' && inner.directive.name !== 'isakmp_natt')) continue;
      const address = inner.args.find((token) => token.kind === 'word');
      if (address && ipVersion(address.text) !== 0) addresses.add(comparableHost(address.text));
    }
  }
  for (const file of setkeyFiles) {
    if (inferLayout(uriPath(file.uri)).root !== host.layout.root) continue;
    for (const address of outboundSources(file)) addresses.add(address);
  }
  return addresses;
}

/**
 * The host's own addresses as its outbound IPsec policies give them: a tunnel's near end, a
 * transport policy's source. An unchanged setkey file is read again after every edit of its
 * host's racoon.conf, so once per parsed version.
 */
const outboundSources = perObject((file: ParsedDocument<'setkey'>): ReadonlySet<string> => {
  const found = new Set<string>();
  for (const statement of file.ast.statements) {
    const policy = statement.policy;
    if (statement.command.text !== 'spdadd' || policy?.direction?.text !== 'out' || policy.action?.text !== 'ipsec') continue;
    for (const request of policy.requests) {
      const own = request.mode === 'tunnel' ? request.tunnelSource : request.mode === 'transport' ? policy.source : undefined;
      const address = own && singleHost(own);
      if (address) found.add(address);
    }
  }
  return found;
});

/** The address of a spec that names exactly one host: no prefix, or a prefix as long as the address. */
function singleHost(spec: AddressSpec): string | undefined {
  const host = spec.host.text.toLowerCase();
  const version = ipVersion(host);
  if (version === 0) return undefined;
  if (spec.prefix && spec.prefix.text !== (version === 4 ? '32' : '128')) return undefined;
  return comparableHost(host);
}

/**
 * Pairs racoon hosts whose remotes point at each other: host A has `remote X` where X is one of
 * B's addresses, and B has `remote Y` where Y is one of A's. Only one remote per host and
 * address is considered; when several hosts could be the other end, none is chosen.
 */
function racoonPairs(hosts: readonly RacoonHost[], addresses: ReadonlyMap<RacoonHost, ReadonlySet<string>>): RacoonPair[] {
  const pairs: RacoonPair[] = [];
  for (const [i, a] of hosts.entries()) {
    for (const remoteA of addressRemotes(a)) {
      const candidates = hosts.filter((b) => b !== a && addresses.get(b)?.has(comparableHost(remoteA.name)));
      if (candidates.length !== 1) continue;
      const b = candidates[0];
      if (hosts.indexOf(b) < i) continue;
      const answers = addressRemotes(b).filter((remote) => addresses.get(a)?.has(comparableHost(remote.name)));
      if (answers.length !== 1) continue;
      pairs.push({ a: { host: a, remote: remoteA }, b: { host: b, remote: answers[0] } });
    }
  }
  return pairs;
}

/** The remotes named by a literal address, each address once (a second block for it is another rule's business). */
function addressRemotes(host: RacoonHost): RacoonRemote[] {
  const seen = new Set<string>();
  return host.remotes.filter((remote) => {
    if (ipVersion(remote.name) === 0) return false;
    const name = comparableHost(remote.name);
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/** The racoon host at one end of a conn, and its remote for the conn's other end. */
export interface RacoonPeer {
  readonly host: RacoonHost;
  readonly remote: RacoonRemote;
  readonly address: string;
}

/** The racoon host at one end of the conn that has a remote for the conn's other end. */
function racoonPeerOfConn(conn: EffectiveConn, addresses: ReadonlyMap<RacoonHost, ReadonlySet<string>>): RacoonPeer | undefined {
  const left = concreteAddress(sideValue(conn, 'left', '')?.value);
  const right = concreteAddress(sideValue(conn, 'right', '')?.value);
  if (!left || !right) return undefined;
  for (const [theirs, ours] of [
    [right, left],
    [left, right],
  ] as const) {
    for (const [host, own] of addresses) {
      if (!own.has(theirs)) continue;
      const remote = host.remotes.find((r) => r.address !== undefined && comparableHost(r.address) === ours);
      if (remote) return { host, remote, address: theirs };
    }
  }
  return undefined;
}

/** A conn a gateway loads whose other end is a racoon host of the workspace. */
export interface GatewayRacoonPeer {
  readonly node: IpsecNode;
  readonly conn: EffectiveConn;
  readonly peer: RacoonPeer;
}

/** What the racoon peer rules and the peer matrix read of a workspace's racoon hosts. */
export interface RacoonPeering {
  readonly pairs: readonly RacoonPair[];
  readonly gatewayPeers: readonly GatewayRacoonPeer[];
}

/** The parts of the workspace model the peering is read from. */
export interface RacoonPeeringSource {
  readonly nodes: readonly IpsecNode[];
  readonly racoonHosts: readonly RacoonHost[];
  readonly setkeyFiles: readonly ParsedDocument<'setkey'>[];
}

const NO_PEERING: RacoonPeering = { pairs: [], gatewayPeers: [] };
const peerings = new WeakMap<RacoonPeeringSource, RacoonPeering>();

/**
 * The racoon host pairs and the gateway conns that point at racoon hosts, worked out once per
 * model: four rules and the peer matrix ask, and each answer walks every host and setkey file.
 */
export function racoonPeering(model: RacoonPeeringSource): RacoonPeering {
  if (model.racoonHosts.length === 0) return NO_PEERING;
  let peering = peerings.get(model);
  if (!peering) {
    const addresses = new Map(model.racoonHosts.map((host) => [host, racoonHostAddresses(host, model.setkeyFiles)]));
    const gatewayPeers: GatewayRacoonPeer[] = [];
    for (const node of model.nodes) {
      for (const conn of node.effective.values()) {
        if (!mayBeLoaded(node, conn)) continue;
        const peer = racoonPeerOfConn(conn, addresses);
        if (peer) gatewayPeers.push({ node, conn, peer });
      }
    }
    peering = { pairs: racoonPairs(model.racoonHosts, addresses), gatewayPeers };
    peerings.set(model, peering);
  }
  return peering;
}
