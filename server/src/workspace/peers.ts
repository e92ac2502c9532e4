import { matchSegment } from './glob';
import type { EffectiveConn, EffectiveValue, IpsecNode } from './model';

export type Side = 'left' | 'right';

/** One end of a conn as seen from its own node. */
export interface ConnRef {
  readonly node: IpsecNode;
  readonly conn: EffectiveConn;
}

/** Two conns in two nodes that describe the same tunnel from each end. */
export interface PeerPair {
  readonly a: ConnRef;
  readonly b: ConnRef;
}

export function other(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}

/** The value of `left…`/`right…` for a side, e.g. value(conn, 'right', 'id') → rightid. */
export function sideValue(conn: EffectiveConn, side: Side, suffix: string): EffectiveValue | undefined {
  return conn.values.get(`${side}${suffix}`);
}

/** An address that names one host (not %any, %defaultroute and the like). */
export function concreteAddress(value: string | undefined): string | undefined {
  if (!value || value.startsWith('%') || value.length === 0) return undefined;
  return value.toLowerCase();
}

interface ConnIds {
  readonly explicit: Record<Side, string | undefined>;
  readonly effective: Record<Side, string | undefined>;
  readonly address: Record<Side, string | undefined>;
}

const idCache = new WeakMap<EffectiveConn, ConnIds>();

/** Identities and addresses of both sides, computed once per effective conn. */
function idsOf(conn: EffectiveConn): ConnIds {
  let ids = idCache.get(conn);
  if (!ids) {
    const explicit = (side: Side): string | undefined => {
      const id = sideValue(conn, side, 'id')?.value;
      return id && !id.startsWith('%') ? normalizeId(id) : undefined;
    };
    ids = {
      explicit: { left: explicit('left'), right: explicit('right') },
      effective: { left: computeEffectiveId(conn, 'left'), right: computeEffectiveId(conn, 'right') },
      address: { left: concreteAddress(sideValue(conn, 'left', '')?.value), right: concreteAddress(sideValue(conn, 'right', '')?.value) },
    };
    idCache.set(conn, ids);
  }
  return ids;
}

/** The IKE identity a side presents: its id=, or by default its address. */
export function effectiveId(conn: EffectiveConn, side: Side): string | undefined {
  return idsOf(conn).effective[side];
}

function computeEffectiveId(conn: EffectiveConn, side: Side): string | undefined {
  const id = sideValue(conn, side, 'id')?.value;
  if (id !== undefined && id.length > 0) return id.startsWith('%') ? undefined : normalizeId(id);
  if (sideValue(conn, side, 'cert')) return undefined;
  return concreteAddress(sideValue(conn, side, '')?.value);
}

/** Whether a presented ID satisfies an expected one; `*` in the expected ID is a wildcard (strongSwan, Libreswan DNs). */
export function idSatisfies(expected: string, presented: string): boolean {
  if (expected === presented) return true;
  if (!expected.includes('*')) return false;
  return matchSegment(expected.replace(/^@/, ''), presented.replace(/^@/, ''));
}

export function normalizeId(id: string): string {
  return id.trim().replace(/\s*([,=])\s*/g, '$1');
}

const PAIRING_THRESHOLD = 2;

/**
 * Pairs conns across nodes by what each says about the other: our right/rightid against their
 * left/leftid, both ways. A pair needs at least two of the four to agree, so that a single wrong
 * value still pairs (and is then reported) while unrelated conns never do.
 */
export function pairPeers(nodes: readonly IpsecNode[]): PeerPair[] {
  const ends: ConnRef[] = [];
  for (const node of nodes) {
    for (const conn of node.effective.values()) {
      if (conn.values.get('auto')?.value === 'ignore') continue;
      ends.push({ node, conn });
    }
  }
  const byAddress = new Map<string, ConnRef[]>();
  const byId = new Map<string, ConnRef[]>();
  const byMirror = new Map<string, ConnRef[]>();
  for (const end of ends) {
    const ids = idsOf(end.conn);
    if (ids.address.left) push(byAddress, ids.address.left, end);
    if (ids.explicit.left) push(byId, ids.explicit.left, end);
    if (ids.address.left && ids.address.right) push(byMirror, `a|${ids.address.left}|${ids.address.right}`, end);
    if (ids.explicit.left && ids.explicit.right) push(byMirror, `i|${ids.explicit.left}|${ids.explicit.right}`, end);
  }
  const best = new Map<ConnRef, { partner: ConnRef; score: number }>();
  for (const end of ends) {
    const ids = idsOf(end.conn);
    // Exact mirrors first (their left/right are our right/left): one lookup in a consistent mesh.
    const candidates = new Set<ConnRef>();
    if (ids.address.left && ids.address.right) byMirror.get(`a|${ids.address.right}|${ids.address.left}`)?.forEach((c) => candidates.add(c));
    if (ids.explicit.left && ids.explicit.right) byMirror.get(`i|${ids.explicit.right}|${ids.explicit.left}`)?.forEach((c) => candidates.add(c));
    if (candidates.size === 0) {
      if (ids.address.right) byAddress.get(ids.address.right)?.forEach((c) => candidates.add(c));
      if (ids.explicit.right) byId.get(ids.explicit.right)?.forEach((c) => candidates.add(c));
    }
    let chosen: { partner: ConnRef; score: number } | undefined;
    let ambiguous = false;
    for (const candidate of candidates) {
      if (candidate.node === end.node) continue;
      const score = agreement(end.conn, candidate.conn);
      if (score < PAIRING_THRESHOLD || (chosen && score < chosen.score)) continue;
      ambiguous = chosen !== undefined && score === chosen.score;
      if (!chosen || score > chosen.score) chosen = { partner: candidate, score };
    }
    // Several equally good partners (alternative configs for the same hosts): no pairing is safer.
    if (chosen && !ambiguous) best.set(end, chosen);
  }
  const order = new Map(ends.map((end, index) => [end, index]));
  const pairs: PeerPair[] = [];
  for (const [end, { partner }] of best) {
    if (best.get(partner)?.partner === end) {
      if ((order.get(end) ?? 0) < (order.get(partner) ?? 0)) pairs.push({ a: end, b: partner });
    } else if (!best.has(partner)) {
      pairs.push({ a: end, b: partner });
    }
  }
  return pairs;
}

/**
 * How well two conns describe each other: +1 for each of the four cross-references that agrees,
 * -1 for each that both sides state and that disagrees. Unknowns (%any, unset) count nothing.
 */
function agreement(ours: EffectiveConn, theirs: EffectiveConn): number {
  const addressScore = (x: string | undefined, y: string | undefined): number => (x === undefined || y === undefined ? 0 : x === y ? 1 : -1);
  const idScore = (expected: string | undefined, presented: string | undefined): number =>
    expected === undefined || presented === undefined ? 0 : idSatisfies(expected, presented) ? 1 : -1;
  const a = idsOf(ours);
  const b = idsOf(theirs);
  return addressScore(a.address.right, b.address.left) + addressScore(b.address.right, a.address.left) + idScore(a.explicit.right, b.explicit.left) + idScore(b.explicit.right, a.explicit.left);
}


function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const pairCache = new WeakMap<readonly IpsecNode[], PeerPair[]>();
const signatures = new WeakMap<IpsecNode, string>();

/** How a pairing was derived from the one before it: the same pairs but for those replaced. */
export interface PairingChange {
  readonly base: readonly PeerPair[];
  readonly replaced: ReadonlyMap<PeerPair, PeerPair>;
}

interface Pairing {
  readonly signatures: readonly string[];
  readonly nodes: readonly IpsecNode[];
  readonly pairs: PeerPair[];
  /** The pairs each node takes part in; handed on to the next pairing and updated there. */
  readonly byNode: Map<IpsecNode, Set<PeerPair>>;
}

let previous: Pairing | undefined;
const changes = new WeakMap<readonly PeerPair[], PairingChange>();

/**
 * Pairs for a set of nodes, computed once per model. An edit that leaves every address and ID
 * as it was (the usual keystroke) keeps the previous pairing: only the pairs of the rebuilt
 * nodes are re-pointed at their new conns, and `pairingChange` tells which.
 */
export function peersOf(nodes: readonly IpsecNode[]): PeerPair[] {
  let pairs = pairCache.get(nodes);
  if (!pairs) {
    const current = nodes.map(pairingSignature);
    previous = previous && sameList(previous.signatures, current) ? repoint(previous, nodes, current) : freshPairing(nodes, current);
    pairs = previous.pairs;
    pairCache.set(nodes, pairs);
  }
  return pairs;
}

/** When `pairs` came from re-pointing an earlier pairing: which one, and what was replaced. */
export function pairingChange(pairs: readonly PeerPair[]): PairingChange | undefined {
  return changes.get(pairs);
}

function freshPairing(nodes: readonly IpsecNode[], current: readonly string[]): Pairing {
  const pairs = pairPeers(nodes);
  const byNode = new Map<IpsecNode, Set<PeerPair>>();
  for (const pair of pairs) for (const node of [pair.a.node, pair.b.node]) addTo(byNode, node, pair);
  return { signatures: current, nodes, pairs, byNode };
}

function addTo(byNode: Map<IpsecNode, Set<PeerPair>>, node: IpsecNode, pair: PeerPair): void {
  const set = byNode.get(node);
  if (set) set.add(pair);
  else byNode.set(node, new Set([pair]));
}

/** Everything pairing reads of a node: its path, and per conn the name, whether it is ignored, addresses and IDs. */
function pairingSignature(node: IpsecNode): string {
  let signature = signatures.get(node);
  if (signature === undefined) {
    const parts = [node.confPath];
    for (const conn of node.effective.values()) {
      const ids = idsOf(conn);
      parts.push(conn.name, conn.values.get('auto')?.value === 'ignore' ? '-' : '+', ids.address.left ?? '', ids.address.right ?? '', ids.explicit.left ?? '', ids.explicit.right ?? '');
    }
    signature = parts.join('\0');
    signatures.set(node, signature);
  }
  return signature;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function repoint(earlier: Pairing, nodes: readonly IpsecNode[], current: readonly string[]): Pairing {
  const rebuilt = new Map<IpsecNode, IpsecNode>();
  earlier.nodes.forEach((node, index) => {
    if (nodes[index] !== node) rebuilt.set(node, nodes[index]);
  });
  const refOf = (ref: ConnRef): ConnRef => {
    const node = rebuilt.get(ref.node);
    const conn = node?.effective.get(ref.conn.name);
    return node && conn ? { node, conn } : ref;
  };
  const byNode = earlier.byNode;
  const replaced = new Map<PeerPair, PeerPair>();
  for (const old of rebuilt.keys()) {
    for (const pair of byNode.get(old) ?? []) {
      if (!replaced.has(pair)) replaced.set(pair, { a: refOf(pair.a), b: refOf(pair.b) });
    }
  }
  for (const [old, pair] of replaced) {
    for (const node of [old.a.node, old.b.node]) byNode.get(node)?.delete(old);
    for (const node of [pair.a.node, pair.b.node]) addTo(byNode, node, pair);
  }
  for (const old of rebuilt.keys()) byNode.delete(old);
  if (replaced.size === 0) return { signatures: current, nodes, pairs: earlier.pairs, byNode };
  const pairs = earlier.pairs.map((pair) => replaced.get(pair) ?? pair);
  changes.set(pairs, { base: earlier.pairs, replaced });
  return { signatures: current, nodes, pairs, byNode };
}
