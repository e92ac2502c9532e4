import type { WorkspaceModel } from '../../checks/workspaceRule';
import { describeConn } from '../../checks/workspace/peerReport';
import { mayBeLoaded } from '../../workspace/autoStarts';
import { possibleDialects } from '../../workspace/ikeIdentity';
import type { EffectiveConn, IpsecNode } from '../../workspace/model';
import { other, partnerOf, peersOf, sideValue, type Side } from '../../workspace/peers';
import { nodeLabels } from '../peerMatrix';

/** A value that fits one end of a conn, and why it is offered. */
export interface PeerValueCandidate {
  readonly value: string;
  readonly detail: string;
}

/** The keys whose value on one end is the peer's value of the other end: the address, the subnets behind it, and the protocol and port. */
const MIRRORED_KEY = /^(left|right)(|subnet|protoport)$/;

/** Settings both ends must give the same value: the peer's is offered as it is written, where both gateways run the same daemon. */
const SHARED_KEYS: ReadonlySet<string> = new Set(['ike', 'esp', 'phase2alg', 'pfs', 'type', 'authby', 'aggressive', 'ikev2', 'keyexchange']);

/**
 * Values for `left=`, `right=`, `leftsubnet=`, `rightsubnet=` and the `…protoport=` of a conn, from
 * the gateways of the workspace: first what the peer's conn says of that end (its `left=` for our
 * `right=`, its `rightsubnet=` for our `leftsubnet=`); then, for `right=`, the addresses the other gateways
 * give themselves, for a conn to a peer not written yet; for `left=`, the addresses this gateway
 * gives itself in its other conns. %-words are never offered: the keyword completion has them.
 * For a setting both ends must agree on (`ike=`, `pfs=`, `type=`…), the peer's own value.
 */
export function peerValueCandidates(model: WorkspaceModel, node: IpsecNode, connName: string, key: string): PeerValueCandidate[] {
  const conn = node.effective.get(connName);
  if (conn && SHARED_KEYS.has(key)) return sharedValueCandidate(model, node, conn, key);
  const match = MIRRORED_KEY.exec(key);
  if (!match || !conn) return [];
  const side = match[1] as Side;
  const suffix = match[2];
  const found: PeerValueCandidate[] = [];
  const partner = partnerOf(peersOf(model.nodes), conn);
  const theirs = partner && sideValue(partner.conn, other(side), suffix)?.value.trim();
  if (partner && theirs && !theirs.startsWith('%')) found.push({ value: theirs, detail: `the peer's ${other(side)}${suffix}=: ${describeConn(partner)}` });
  if (suffix === '') {
    const labels = nodeLabels(model.nodes);
    const gateways = side === 'right' ? model.nodes.filter((n) => n !== node) : [node];
    for (const gateway of gateways) {
      const label = labels.get(gateway) ?? gateway.confPath;
      for (const [address, via] of ownAddresses(gateway, side === 'left' ? connName : undefined)) {
        found.push({ value: address, detail: side === 'right' ? `gateway ${label}'s own address (left= of conn ${via})` : `this gateway's left= in conn ${via}` });
      }
    }
  }
  const seen = new Set<string>();
  return found.filter((candidate) => !seen.has(candidate.value) && seen.add(candidate.value));
}

/**
 * The peer's value of a setting both ends must agree on, when the peer's gateway may run exactly
 * the daemons this one may: spellings differ between daemons (strongSwan's `pubkey` is
 * Libreswan's `rsasig`, its `!` ends no Libreswan list).
 */
function sharedValueCandidate(model: WorkspaceModel, node: IpsecNode, conn: EffectiveConn, key: string): PeerValueCandidate[] {
  const partner = partnerOf(peersOf(model.nodes), conn);
  const theirs = partner?.conn.values.get(key)?.value.trim();
  if (!partner || !theirs || possibleDialects(partner.node.dialect).join() !== possibleDialects(node.dialect).join()) return [];
  return [{ value: theirs, detail: `the peer's ${key}=: ${describeConn(partner)}` }];
}

/** The addresses a gateway gives itself (`left=` of the conns it may load, other than `except`), each with the first conn that says so. */
function ownAddresses(node: IpsecNode, except: string | undefined): Map<string, string> {
  const addresses = new Map<string, string>();
  for (const conn of node.effective.values()) {
    if (conn.name === except || !mayBeLoaded(node, conn)) continue;
    const left = sideValue(conn, 'left', '')?.value.trim();
    if (left && !left.startsWith('%') && !addresses.has(left)) addresses.set(left, conn.name);
  }
  return addresses;
}
