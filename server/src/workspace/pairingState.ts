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
  /** The same keys each time for the same end (kept with its conn). */
  readonly keysOf: (end: ConnRef) => EndKeys;
  /** The chosen partner of an end among candidates; undefined (none good enough, or a tie within one gateway) or `tie` (conns of several gateways as good). */
  readonly choose: (end: ConnRef, candidates: Iterable<ConnRef>) => ConnRef | 'tie' | undefined;
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
  private readonly position = new Map<ConnRef, number>();
  private readonly stored = new Map<string, OneOrMany<ConnRef>>();
  private readonly lookers = new Map<string, OneOrMany<ConnRef>>();
  private readonly best = new Map<ConnRef, ConnRef>();
  /** Ends for which conns of several gateways are equally good: nobody pairs with them one-sidedly. */
  private readonly tied = new Set<ConnRef>();
  private readonly chosenBy = new Map<ConnRef, OneOrMany<ConnRef>>();
  private readonly pairsOfEnd = new Map<ConnRef, OneOrMany<PeerPair>>();
  /** How many pairs each conn is in; built on first use after a one-off pairing. */
  private pairedConns: Map<EffectiveConn, number> | undefined;
  private current: PeerPair[] = [];
  /** False after a one-off pairing: the indexes are built when a second pairing is asked for. */
  private indexed = false;

  constructor(private readonly rules: PairingRules) {}

  /** The current pairing. */
  get pairs(): readonly PeerPair[] {
    return this.current;
  }

  /** How many keys the indexes hold: those of the current ends only, however many edits came before. */
  get keyCount(): number {
    return this.stored.size + this.lookers.size;
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
    for (const map of [this.ends, this.position, this.stored, this.lookers, this.best, this.chosenBy, this.pairsOfEnd, this.tied]) map.clear();
    this.pairedConns = new Map();
    this.nodes = nodes;
    const all: Array<[ConnRef, EndKeys]> = [];
    nodes.forEach((node, index) => all.push(...this.addNode(node, index)));
    for (const [end, keys] of all) this.judge(end, keys);
    const pairs: PeerPair[] = [];
    for (const [end] of all) {
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
      for (const key of keys) forEachOf(this.lookers.get(key), (end) => affected.add(end));
    };
    for (const index of changed) {
      for (const end of this.ends.get(this.nodes[index]) ?? []) {
        gone.push(end);
        const keys = this.rules.keysOf(end);
        touch(keys.stored);
        this.forgetEnd(end, keys);
      }
      this.ends.delete(this.nodes[index]);
    }
    this.nodes = nodes;
    for (const index of changed) {
      for (const [end, keys] of this.addNode(nodes[index], index)) {
        affected.add(end);
        touch(keys.stored);
      }
    }
    for (const end of gone) affected.delete(end);

    // Judge again; whoever changed partner, and whoever chose them, may change pair.
    const unsettled = new Set<ConnRef>(gone);
    for (const end of affected) {
      const before = this.judgementOf(end);
      this.judge(end);
      if (this.judgementOf(end) !== before) unsettled.add(end);
    }
    for (const end of gone) forEachOf(this.chosenBy.get(end), (e) => unsettled.add(e));
    for (const end of [...unsettled]) forEachOf(this.chosenBy.get(end), (e) => unsettled.add(e));
    for (const end of affected) unsettled.add(end);

    const removed = new Set<PeerPair>();
    for (const end of unsettled) forEachOf(this.pairsOfEnd.get(end), (pair) => removed.add(pair));
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
    }
    this.current = [...this.current.filter((pair) => !removed.has(pair)), ...added];
    return { removed, added };
  }

  /** Indexes a node's ends; returns each with its keys. */
  private addNode(node: IpsecNode, index: number): Array<[ConnRef, EndKeys]> {
    const ends = this.rules.endsOf(node);
    this.ends.set(node, ends);
    return ends.map((end, i) => {
      const keys = this.rules.keysOf(end);
      this.position.set(end, index * 1_000_000 + i);
      for (const key of keys.stored) addTo(this.stored, key, end);
      for (const key of keys.mirror) addTo(this.lookers, key, end);
      for (const key of keys.fallback) addTo(this.lookers, key, end);
      return [end, keys];
    });
  }

  private forgetEnd(end: ConnRef, keys: EndKeys): void {
    for (const key of keys.stored) removeFrom(this.stored, key, end);
    for (const key of keys.mirror) removeFrom(this.lookers, key, end);
    for (const key of keys.fallback) removeFrom(this.lookers, key, end);
    const partner = this.best.get(end);
    if (partner) removeFrom(this.chosenBy, partner, end);
    this.best.delete(end);
    this.tied.delete(end);
    this.position.delete(end);
  }

  private judge(end: ConnRef, keys?: EndKeys): void {
    if (!this.position.has(end)) return;
    keys ??= this.rules.keysOf(end);
    const candidates = new Set<ConnRef>();
    for (const key of keys.mirror) forEachOf(this.stored.get(key), (c) => candidates.add(c));
    if (candidates.size === 0) for (const key of keys.fallback) forEachOf(this.stored.get(key), (c) => candidates.add(c));
    const before = this.best.get(end);
    const verdict = this.rules.choose(end, candidates);
    if (verdict === 'tie') this.tied.add(end);
    else this.tied.delete(end);
    const chosen = verdict === 'tie' ? undefined : verdict;
    if (chosen === before) return;
    if (before) removeFrom(this.chosenBy, before, end);
    if (chosen) {
      this.best.set(end, chosen);
      addTo(this.chosenBy, chosen, end);
    } else {
      this.best.delete(end);
    }
  }

  /** The pair an end forms: both chose each other (ordered as found), or it chose one that chose nobody and was not torn between gateways. */
  private pairAt(end: ConnRef): PeerPair | undefined {
    const partner = this.best.get(end);
    if (!partner) return undefined;
    const back = this.best.get(partner);
    if (back === end) return (this.position.get(end) ?? 0) < (this.position.get(partner) ?? 0) ? { a: end, b: partner } : undefined;
    return back === undefined && !this.tied.has(partner) ? { a: end, b: partner } : undefined;
  }

  /** What judging an end decided: its partner, a tie between gateways, or nothing. */
  private judgementOf(end: ConnRef): ConnRef | 'tie' | undefined {
    return this.best.get(end) ?? (this.tied.has(end) ? 'tie' : undefined);
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
    addTo(this.pairsOfEnd, pair.a, pair);
    addTo(this.pairsOfEnd, pair.b, pair);
    return pair;
  }

  private forgetPair(pair: PeerPair): void {
    this.countPair(pair, -1);
    removeFrom(this.pairsOfEnd, pair.a, pair);
    removeFrom(this.pairsOfEnd, pair.b, pair);
  }
}

/**
 * Most keys index a single end, and most ends one pair: a lone value is stored as itself and
 * becomes a Set only when a second one joins (the values are plain objects, never Sets).
 */
type OneOrMany<V extends object> = V | Set<V>;

function addTo<K, V extends object>(map: Map<K, OneOrMany<V>>, key: K, value: V): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, value);
  else if (held instanceof Set) held.add(value);
  else if (held !== value) map.set(key, new Set([held, value]));
}

/** Removes one value; a key left with none is dropped, so that keys of bygone versions do not pile up. */
function removeFrom<K, V extends object>(map: Map<K, OneOrMany<V>>, key: K, value: V): void {
  const held = map.get(key);
  if (held === value) map.delete(key);
  else if (held instanceof Set && held.delete(value) && held.size === 0) map.delete(key);
}

function forEachOf<V extends object>(held: OneOrMany<V> | undefined, visit: (value: V) => void): void {
  if (held instanceof Set) held.forEach(visit);
  else if (held !== undefined) visit(held);
}
