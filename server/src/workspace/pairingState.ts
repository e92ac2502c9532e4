import type { EffectiveConn, IpsecNode } from './model';
import type { ConnRef, PeerPair } from './peers';

/** What pairing needs to know of one end: the keys it is found under, the keys it looks up, and how it scores a candidate. */
export interface EndKeys {
  /** Keys other ends find this one under (its own address, ID, and mirror keys). */
  readonly stored: readonly string[];
  /** Exact-mirror keys: looked up first. */
  readonly mirror: readonly string[];
  /** Looked up when no mirror matched: the address and ID it expects of its partner. */
  readonly fallback: readonly string[];
}

export interface PairingRules {
  /** A one-off pairing without the indexes updates need (the CLI pairs once). */
  readonly pairOnce: (nodes: readonly IpsecNode[]) => PeerPair[];
  /** The conns of a node that take part in pairing. */
  readonly endsOf: (node: IpsecNode) => ConnRef[];
  readonly keysOf: (end: ConnRef) => EndKeys;
  /** The chosen partner of an end among candidates, or undefined (none good enough, or a tie). */
  readonly choose: (end: ConnRef, candidates: Iterable<ConnRef>) => ConnRef | undefined;
}

/** Which pairs left and which came in since the pairing before. */
export interface PairingDelta {
  readonly base: readonly PeerPair[];
  readonly removed: ReadonlySet<PeerPair>;
  readonly added: readonly PeerPair[];
}

/**
 * The pairing of a workspace, kept up to date as gateways change: only the ends of rebuilt
 * gateways, and the ends that could see them as candidates, are judged again, so an edit costs
 * what it touches. `pairs` always holds the pairs a fresh pairing of the same nodes would give
 * (in another order after updates).
 */
export class PairingState {
  private nodes: readonly IpsecNode[] = [];
  private readonly ends = new Map<IpsecNode, ConnRef[]>();
  private readonly keys = new Map<ConnRef, EndKeys>();
  private readonly position = new Map<ConnRef, number>();
  private readonly stored = new Map<string, Set<ConnRef>>();
  private readonly lookers = new Map<string, Set<ConnRef>>();
  private readonly best = new Map<ConnRef, ConnRef>();
  private readonly chosenBy = new Map<ConnRef, Set<ConnRef>>();
  private readonly pairsOfEnd = new Map<ConnRef, Set<PeerPair>>();
  /** How many pairs each conn is in; built on first use after a one-off pairing. */
  private pairedConns: Map<EffectiveConn, number> | undefined;
  private readonly pairByEnd = new Map<ConnRef, PeerPair>();
  private current: PeerPair[] = [];
  /** False after a one-off pairing: the indexes are built when a second pairing is asked for. */
  private indexed = false;

  constructor(private readonly rules: PairingRules) {}

  /** The current pairing. */
  get pairs(): readonly PeerPair[] {
    return this.current;
  }

  /** Pairs for these nodes; with a delta when only some nodes changed since the last call. */
  update(nodes: readonly IpsecNode[]): { pairs: PeerPair[]; delta?: PairingDelta } {
    const sameLayout = nodes.length === this.nodes.length && nodes.every((node, index) => node.confPath === this.nodes[index].confPath);
    const first = this.nodes.length === 0 && this.current.length === 0 && !this.indexed;
    if (first && !sameLayout) {
      this.nodes = nodes;
      this.current = this.rules.pairOnce(nodes);
      this.pairedConns = undefined;
      return { pairs: this.current };
    }
    if (!sameLayout || !this.indexed) {
      this.rebuild(nodes);
      return { pairs: this.current };
    }
    const changed = nodes.flatMap((node, index) => (node === this.nodes[index] ? [] : [index]));
    if (changed.length === 0) return { pairs: this.current };
    const base = this.current;
    const delta = this.replaceNodes(nodes, changed);
    return { pairs: this.current, delta: { base, ...delta } };
  }

  private rebuild(nodes: readonly IpsecNode[]): void {
    for (const map of [this.ends, this.keys, this.position, this.stored, this.lookers, this.best, this.chosenBy, this.pairsOfEnd, this.pairByEnd]) map.clear();
    this.pairedConns = new Map();
    this.nodes = nodes;
    const all: ConnRef[] = [];
    nodes.forEach((node, index) => all.push(...this.addNode(node, index)));
    for (const end of all) this.judge(end);
    const pairs: PeerPair[] = [];
    for (const end of all) {
      const pair = this.pairAt(end);
      if (pair) pairs.push(this.remember(pair));
    }
    this.current = pairs;
    this.indexed = true;
  }

  private replaceNodes(nodes: readonly IpsecNode[], changed: readonly number[]): { removed: Set<PeerPair>; added: PeerPair[] } {
    const affected = new Set<ConnRef>();
    const gone: ConnRef[] = [];
    const touch = (keys: readonly string[]): void => {
      for (const key of keys) this.lookers.get(key)?.forEach((end) => affected.add(end));
    };
    for (const index of changed) {
      for (const end of this.ends.get(this.nodes[index]) ?? []) {
        gone.push(end);
        touch(this.keys.get(end)?.stored ?? []);
        this.forgetEnd(end);
      }
      this.ends.delete(this.nodes[index]);
    }
    this.nodes = nodes;
    for (const index of changed) {
      for (const end of this.addNode(nodes[index], index)) {
        affected.add(end);
        touch(this.keys.get(end)?.stored ?? []);
      }
    }
    for (const end of gone) affected.delete(end);

    // Judge again; whoever changed partner, and whoever chose them, may change pair.
    const unsettled = new Set<ConnRef>(gone);
    for (const end of affected) {
      const before = this.best.get(end);
      this.judge(end);
      if (this.best.get(end) !== before) unsettled.add(end);
    }
    for (const end of gone) this.chosenBy.get(end)?.forEach((e) => unsettled.add(e));
    for (const end of [...unsettled]) this.chosenBy.get(end)?.forEach((e) => unsettled.add(e));
    for (const end of affected) unsettled.add(end);

    const removed = new Set<PeerPair>();
    for (const end of unsettled) {
      for (const pair of this.pairsOfEnd.get(end) ?? []) removed.add(pair);
    }
    for (const pair of removed) {
      this.forgetPair(pair);
      // The other end may still form this pair (or another): judge its pair again too.
      unsettled.add(pair.a);
      unsettled.add(pair.b);
    }
    const added: PeerPair[] = [];
    const goneSet = new Set(gone);
    for (const end of unsettled) {
      if (goneSet.has(end)) continue;
      const pair = this.pairAt(end);
      if (pair) added.push(this.remember(pair));
    }
    for (const end of gone) {
      this.chosenBy.delete(end);
      this.pairsOfEnd.delete(end);
      this.pairByEnd.delete(end);
    }
    this.current = [...this.current.filter((pair) => !removed.has(pair)), ...added];
    return { removed, added };
  }

  private addNode(node: IpsecNode, index: number): ConnRef[] {
    const ends = this.rules.endsOf(node);
    this.ends.set(node, ends);
    ends.forEach((end, i) => {
      const keys = this.rules.keysOf(end);
      this.keys.set(end, keys);
      this.position.set(end, index * 1_000_000 + i);
      for (const key of keys.stored) addTo(this.stored, key, end);
      for (const key of [...keys.mirror, ...keys.fallback]) addTo(this.lookers, key, end);
    });
    return ends;
  }

  private forgetEnd(end: ConnRef): void {
    const keys = this.keys.get(end);
    for (const key of keys?.stored ?? []) this.stored.get(key)?.delete(end);
    for (const key of [...(keys?.mirror ?? []), ...(keys?.fallback ?? [])]) this.lookers.get(key)?.delete(end);
    const partner = this.best.get(end);
    if (partner) this.chosenBy.get(partner)?.delete(end);
    this.best.delete(end);
    this.keys.delete(end);
    this.position.delete(end);
  }

  private judge(end: ConnRef): void {
    const keys = this.keys.get(end);
    if (!keys) return;
    const candidates = new Set<ConnRef>();
    for (const key of keys.mirror) this.stored.get(key)?.forEach((c) => candidates.add(c));
    if (candidates.size === 0) for (const key of keys.fallback) this.stored.get(key)?.forEach((c) => candidates.add(c));
    const before = this.best.get(end);
    const chosen = this.rules.choose(end, candidates);
    if (chosen === before) return;
    if (before) this.chosenBy.get(before)?.delete(end);
    if (chosen) {
      this.best.set(end, chosen);
      addTo(this.chosenBy, chosen, end);
    } else {
      this.best.delete(end);
    }
  }

  /** The pair an end forms: both chose each other (ordered as found), or it chose one that chose nobody. */
  private pairAt(end: ConnRef): PeerPair | undefined {
    const partner = this.best.get(end);
    if (!partner) return undefined;
    const back = this.best.get(partner);
    if (back === end) return (this.position.get(end) ?? 0) < (this.position.get(partner) ?? 0) ? { a: end, b: partner } : undefined;
    return back === undefined ? { a: end, b: partner } : undefined;
  }

  /** Whether a conn of the current pairing takes part in a pair. */
  isPaired(conn: EffectiveConn): boolean {
    if (!this.pairedConns) {
      this.pairedConns = new Map();
      for (const pair of this.current) this.countPair(pair, 1);
    }
    return (this.pairedConns.get(conn) ?? 0) > 0;
  }

  private countPair(pair: PeerPair, by: 1 | -1): void {
    if (!this.pairedConns) return;
    for (const { conn } of [pair.a, pair.b]) {
      const count = (this.pairedConns.get(conn) ?? 0) + by;
      if (count > 0) this.pairedConns.set(conn, count);
      else this.pairedConns.delete(conn);
    }
  }

  private remember(pair: PeerPair): PeerPair {
    this.countPair(pair, 1);
    this.pairByEnd.set(pair.a, pair);
    addTo(this.pairsOfEnd, pair.a, pair);
    addTo(this.pairsOfEnd, pair.b, pair);
    return pair;
  }

  private forgetPair(pair: PeerPair): void {
    this.countPair(pair, -1);
    if (this.pairByEnd.get(pair.a) === pair) this.pairByEnd.delete(pair.a);
    this.pairsOfEnd.get(pair.a)?.delete(pair);
    this.pairsOfEnd.get(pair.b)?.delete(pair);
  }
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
