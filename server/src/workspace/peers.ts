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

/** The IKE identity a side presents: its id=, or by default its address. */
export function effectiveId(conn: EffectiveConn, side: Side): string | undefined {
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
  for (const end of ends) {
    const address = concreteAddress(sideValue(end.conn, 'left', '')?.value);
    if (address) push(byAddress, address, end);
    const id = explicitId(end.conn, 'left');
    if (id) push(byId, id, end);
  }
  const best = new Map<ConnRef, { partner: ConnRef; score: number }>();
  for (const end of ends) {
    const candidates = new Set<ConnRef>();
    const rightAddress = concreteAddress(sideValue(end.conn, 'right', '')?.value);
    const rightId = explicitId(end.conn, 'right');
    if (rightAddress) byAddress.get(rightAddress)?.forEach((c) => candidates.add(c));
    if (rightId) byId.get(rightId)?.forEach((c) => candidates.add(c));
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
  const pairs: PeerPair[] = [];
  for (const [end, { partner }] of best) {
    if (best.get(partner)?.partner === end) {
      if (ends.indexOf(end) < ends.indexOf(partner)) pairs.push({ a: end, b: partner });
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
  return (
    addressScore(concreteAddress(sideValue(ours, 'right', '')?.value), concreteAddress(sideValue(theirs, 'left', '')?.value)) +
    addressScore(concreteAddress(sideValue(theirs, 'right', '')?.value), concreteAddress(sideValue(ours, 'left', '')?.value)) +
    idScore(explicitId(ours, 'right'), explicitId(theirs, 'left')) +
    idScore(explicitId(theirs, 'right'), explicitId(ours, 'left'))
  );
}

/** An id= the user wrote; a default derived from the address would count the address twice. */
function explicitId(conn: EffectiveConn, side: Side): string | undefined {
  const id = sideValue(conn, side, 'id')?.value;
  return id && !id.startsWith('%') ? normalizeId(id) : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const pairCache = new WeakMap<readonly IpsecNode[], PeerPair[]>();

/** Pairs for a set of nodes, computed once per model. */
export function peersOf(nodes: readonly IpsecNode[]): PeerPair[] {
  let pairs = pairCache.get(nodes);
  if (!pairs) {
    pairs = pairPeers(nodes);
    pairCache.set(nodes, pairs);
  }
  return pairs;
}
