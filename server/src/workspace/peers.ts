import { mayBeLoaded } from './autoStarts';
import { normalizeDn } from './certificates';
import { matchSegment } from './glob';
import { comparableHost } from './ikeIdentity';
import { PairingState, type EndKeys } from './pairingState';
import { derived, MemoSlot } from './memo';
import type { EffectiveConn, EffectiveValue, IpsecNode } from './model';
import { ipVersion, isPrivateAddress } from '../text/ipLiteral';

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

/** An address that names one host (not %any, %defaultroute and the like), in one spelling per address (`comparableHost`). */
export function concreteAddress(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || text.startsWith('%')) return undefined;
  return comparableHost(text);
}

interface ConnIds {
  readonly explicit: Record<Side, string | undefined>;
  readonly effective: Record<Side, string | undefined>;
  readonly address: Record<Side, string | undefined>;
  /** Whether each side's address is one a gateway may have behind NAT. */
  readonly privateAddress: Record<Side, boolean>;
}

/** Identities and addresses of both sides, computed once per effective conn. */
const idsOf = derived('identities and addresses', (conn: EffectiveConn): ConnIds => {
  const explicit = (side: Side): string | undefined => {
    const id = sideValue(conn, side, 'id')?.value;
    return id && !id.startsWith('%') ? normalizeId(id) : undefined;
  };
  const address = (side: Side): string | undefined => {
    const written = sideValue(conn, side, '')?.value;
    const concrete = concreteAddress(written);
    if (concrete) return concrete;
    // A gateway on its default route that presents an address as its ID: peers reach it there.
    const id = explicit(side);
    return written?.trim().toLowerCase() === '%defaultroute' && id && ipVersion(id) ? concreteAddress(id) : undefined;
  };
  const left = address('left');
  const right = address('right');
  return {
    explicit: { left: explicit('left'), right: explicit('right') },
    effective: { left: computeEffectiveId(conn, 'left'), right: computeEffectiveId(conn, 'right') },
    address: { left, right },
    privateAddress: { left: left !== undefined && isPrivateAddress(left), right: right !== undefined && isPrivateAddress(right) },
  };
});

const IMPLIED_LEFT_DN = new MemoSlot<string | undefined>('implied left DN');

/**
 * The ID the left end presents when it sets no leftid but signs with a certificate: the
 * certificate's subject, as a comparable DN (Openswan, Libreswan and strongSwan all default to it).
 * Used by the pairing only, to find a partner whose rightid names that DN.
 */
function impliedLeftDn(ref: ConnRef): string | undefined {
  // A conn belongs to one gateway, so its memo can hold what depends on the gateway too.
  return ref.conn.memo.get(IMPLIED_LEFT_DN, ref, computeImpliedLeftDn);
}

function computeImpliedLeftDn(ref: ConnRef): string | undefined {
  const cert = idsOf(ref.conn).explicit.left === undefined ? sideValue(ref.conn, 'left', 'cert')?.value : undefined;
  const subject = cert ? ref.node.certificateSubject?.(cert) : undefined;
  return subject ? normalizeDn(subject) : undefined;
}

/** A rightid written as a DN without wildcards, in the form `impliedLeftDn` gives. */
const expectedDn = derived('expected right DN', (conn: EffectiveConn): string | undefined => {
  const id = idsOf(conn).explicit.right;
  return id && id.includes('=') && !id.includes('*') ? normalizeDn(id) : undefined;
});

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
  const ends = nodes.flatMap(activeEnds);
  const stored = new Map<string, ConnRef[]>();
  const keys = new Map(ends.map((end) => [end, endKeys(end)]));
  for (const end of ends) for (const key of keys.get(end)?.stored ?? []) push(stored, key, end);
  const best = new Map<ConnRef, ConnRef>();
  const tied = new Set<ConnRef>();
  for (const end of ends) {
    const own = keys.get(end);
    // Exact mirrors first (their left/right are our right/left): one lookup in a consistent mesh.
    let candidates = (own?.mirror ?? []).flatMap((key) => stored.get(key) ?? []);
    if (candidates.length === 0) candidates = (own?.fallback ?? []).flatMap((key) => stored.get(key) ?? []);
    const chosen = choosePartner(end, candidates);
    if (chosen === 'tie') tied.add(end);
    else if (chosen) best.set(end, chosen);
  }
  const order = new Map(ends.map((end, index) => [end, index]));
  const pairs: PeerPair[] = [];
  for (const [end, partner] of best) {
    if (best.get(partner) === end) {
      if ((order.get(end) ?? 0) < (order.get(partner) ?? 0)) pairs.push({ a: end, b: partner });
    } else if (!best.has(partner) && !tied.has(partner)) {
      pairs.push({ a: end, b: partner });
    }
  }
  return pairs;
}

/** The conns of a node that take part in pairing: those the daemon may hold on their own (not `auto=ignore`, not templates). */
function activeEnds(node: IpsecNode): ConnRef[] {
  const ends: ConnRef[] = [];
  for (const conn of node.effective.values()) {
    if (!mayBeLoaded(node, conn)) continue;
    ends.push({ node, conn });
  }
  return ends;
}

const END_KEYS = new MemoSlot<EndKeys>('pairing keys');

/** Where an end is found (its left address, ID and mirror keys) and what it looks for; kept with the conn, which belongs to one gateway. */
function endKeys(end: ConnRef): EndKeys {
  return end.conn.memo.get(END_KEYS, end, computeEndKeys);
}

function computeEndKeys(end: ConnRef): EndKeys {
  const ids = idsOf(end.conn);
  const stored: string[] = [];
  const mirror: string[] = [];
  const fallback: string[] = [];
  if (ids.address.left) stored.push(`a|${ids.address.left}`);
  if (ids.explicit.left) stored.push(`i|${ids.explicit.left}`);
  if (ids.address.left && ids.address.right) {
    stored.push(`ma|${ids.address.left}|${ids.address.right}`);
    mirror.push(`ma|${ids.address.right}|${ids.address.left}`);
  }
  if (ids.explicit.left && ids.explicit.right) {
    stored.push(`mi|${ids.explicit.left}|${ids.explicit.right}`);
    mirror.push(`mi|${ids.explicit.right}|${ids.explicit.left}`);
  }
  if (ids.address.right) fallback.push(`a|${ids.address.right}`);
  if (ids.explicit.right) fallback.push(`i|${ids.explicit.right}`);
  const implied = impliedLeftDn(end);
  if (implied) stored.push(`d|${implied}`);
  const expected = expectedDn(end.conn);
  if (expected) fallback.push(`d|${expected}`);
  return { stored, mirror, fallback };
}

/**
 * The best-scoring candidate of another node, if it reaches the threshold and no other scores as
 * well. `tie` when conns of several nodes score as well: which gateway is the peer is then unknown,
 * and no one-sided pair may be made with this end either (a test tree where many gateways share
 * the same addresses).
 */
function choosePartner(end: ConnRef, candidates: Iterable<ConnRef>): ConnRef | 'tie' | undefined {
  let chosen: { partner: ConnRef; score: number } | undefined;
  let tiedNodes: Set<IpsecNode> | undefined;
  const seen = new Set<ConnRef>();
  for (const candidate of candidates) {
    if (candidate.node === end.node || seen.has(candidate)) continue;
    seen.add(candidate);
    const score = agreement(end, candidate);
    if (score < PAIRING_THRESHOLD || (chosen && score < chosen.score)) continue;
    if (chosen && score === chosen.score) {
      tiedNodes ??= new Set([chosen.partner.node]);
      tiedNodes.add(candidate.node);
      continue;
    }
    chosen = { partner: candidate, score };
    tiedNodes = undefined;
  }
  // Several equally good partners (alternative conns of one gateway): no pairing is safer.
  if (tiedNodes) return tiedNodes.size > 1 ? 'tie' : undefined;
  return chosen?.partner;
}

/**
 * How well two conns describe each other: +1 for each of the four cross-references that agrees,
 * -1 for each that both sides state and that disagrees. Unknowns (%any, unset, a private address
 * against a public one) count nothing.
 * Addresses that mirror each other exactly count one more: two hosts naming each other are a
 * pair even when one ID is wrong, and that ID is then what gets reported.
 */
function agreement(ours: ConnRef, theirs: ConnRef): number {
  const a = idsOf(ours.conn);
  const b = idsOf(theirs.conn);
  const addresses =
    addressScore(a.address.right, a.privateAddress.right, b.address.left, b.privateAddress.left) + addressScore(b.address.right, b.privateAddress.right, a.address.left, a.privateAddress.left);
  const mirrored = addresses === 2 ? 1 : 0;
  return addresses + mirrored + idScore(a.explicit.right, b.explicit.left) + idScore(b.explicit.right, a.explicit.left) + impliedScore(ours, theirs) + impliedScore(theirs, ours);
}

/** A private address against a public one is what NAT looks like: it says nothing either way. */
function addressScore(x: string | undefined, xPrivate: boolean, y: string | undefined, yPrivate: boolean): number {
  return x === undefined || y === undefined || xPrivate !== yPrivate ? 0 : x === y ? 1 : -1;
}

function idScore(expected: string | undefined, presented: string | undefined): number {
  return expected === undefined || presented === undefined ? 0 : idSatisfies(expected, presented) ? 1 : -1;
}

/** A DN rightid that is the subject of the peer's certificate (its implied leftid) agrees; any other counts nothing. */
function impliedScore(expecting: ConnRef, presenting: ConnRef): number {
  const expected = expectedDn(expecting.conn);
  return expected !== undefined && expected === impliedLeftDn(presenting) ? 1 : 0;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const generations = new WeakMap<readonly PeerPair[], number>();
let nextGeneration = 1;
/**
 * The last pairing made and what changed to make it. Only the last: a WeakMap keyed by the nodes
 * would keep each replaced pairing (and the gateways it points to) through one more young
 * collection, enough to move it into the old generation on every edit.
 */
let latest: { readonly nodes: readonly IpsecNode[]; readonly pairs: PeerPair[]; change?: PairingChange } | undefined;
const state = new PairingState({ pairOnce: pairPeers, endsOf: activeEnds, keysOf: endKeys, choose: choosePartner });

/**
 * Which pairs left and came in since the pairing of generation `baseGeneration`. The earlier
 * pairing is named by number, not held: holding it would keep every earlier model alive.
 */
export interface PairingChange {
  readonly baseGeneration: number;
  readonly removed: ReadonlySet<PeerPair>;
  readonly added: readonly PeerPair[];
}

/**
 * Pairs for a set of nodes, computed once per model. After an edit only the rebuilt gateways'
 * conns, and those that could pair with them, are paired again; `takePairingChange` tells which
 * pairs left and came in.
 */
export function peersOf(nodes: readonly IpsecNode[]): PeerPair[] {
  if (latest?.nodes === nodes) return latest.pairs;
  const update = state.update(nodes);
  const pairs = update.pairs;
  if (!generations.has(pairs)) generations.set(pairs, nextGeneration++);
  const base = update.delta && generations.get(update.delta.base);
  const change = update.delta && base !== undefined ? { baseGeneration: base, removed: update.delta.removed, added: update.delta.added } : undefined;
  latest = { nodes, pairs, change };
  return pairs;
}

/** A number naming one pairing; pairings from `peersOf` have one. */
export function generationOf(pairs: readonly PeerPair[]): number | undefined {
  return generations.get(pairs);
}

/**
 * When `pairs` came from updating an earlier pairing: which one, and what changed. Handed out
 * once: the removed pairs hold the models of the gateways an edit replaced, and kept until the
 * next edit they would outlive two young-generation collections and fill the old generation
 * with one discarded gateway per keystroke.
 */
export function takePairingChange(pairs: readonly PeerPair[]): PairingChange | undefined {
  if (latest?.pairs !== pairs) return undefined;
  const change = latest.change;
  latest.change = undefined;
  return change;
}

/** Whether a conn takes part in some pair of `pairs`: constant time for the current pairing. */
export function isPaired(pairs: readonly PeerPair[], conn: EffectiveConn): boolean {
  if (pairs === state.pairs) return state.isPaired(conn);
  return pairs.some((pair) => pair.a.conn === conn || pair.b.conn === conn);
}

/** The other end of the pair a conn takes part in, if any. */
export function partnerOf(pairs: readonly PeerPair[], conn: EffectiveConn): ConnRef | undefined {
  const pair = pairs.find((p) => p.a.conn === conn || p.b.conn === conn);
  return pair && (pair.a.conn === conn ? pair.b : pair.a);
}
