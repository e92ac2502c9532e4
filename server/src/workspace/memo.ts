/** A named place for one kind of value derived from an object and kept in its `Memo`. */
export class MemoSlot<V> {
  declare private readonly valueType: V;
  constructor(readonly name: string) {}
}

/**
 * Values derived from one object (a gateway, a conn), kept by the object itself so that they go
 * when it goes. A WeakMap keyed by the object does not do that in the young generation: V8's
 * scavenger keeps a WeakMap value alive for one more collection after its key died, so every edit
 * would move what was derived from the replaced gateway (and all it points to) into the old
 * generation, whose full collections then land in the middle of keystrokes.
 */
export class Memo {
  private values: Map<MemoSlot<unknown>, unknown> | undefined;

  /** The slot's value, computed from `from` on first use; `compute` should not be a fresh closure on hot paths. */
  get<V, A>(slot: MemoSlot<V>, from: A, compute: (from: A) => V): V {
    if (this.values?.has(slot)) return this.values.get(slot) as V;
    const value = compute(from);
    (this.values ??= new Map()).set(slot, value);
    return value;
  }
}

/** Objects that keep what is derived from them. */
export interface Memoized {
  readonly memo: Memo;
}

/** A function of one object, computed once per object and kept with it. */
export function derived<K extends Memoized, V>(name: string, compute: (key: K) => V): (key: K) => V {
  const slot = new MemoSlot<V>(name);
  return (key) => key.memo.get(slot, key, compute);
}

/**
 * A function of one object, computed once per object and kept in a WeakMap: for objects that
 * cannot keep a `Memo`, such as a parsed document (one per version of a file) or one of its
 * statements. Not for gateways and conns, which an edit replaces: see `Memo`.
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    const kept = values.get(key);
    if (kept !== undefined || values.has(key)) return kept as V;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
