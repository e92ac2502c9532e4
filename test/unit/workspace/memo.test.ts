import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { derived, Memo, MemoSlot, perObject, type Memoized } from '../../../server/src/workspace/memo';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'minor' }) => void;

interface Gateway extends Memoized {
  readonly name: string;
}

const gateway = (name: string): Gateway => ({ name, memo: new Memo() });

describe('values kept with the object they were derived from', () => {
  it('computes a slot once per object, from what it is given', () => {
    let calls = 0;
    const upper = derived('upper-case name', (g: Gateway) => {
      calls++;
      return g.name.toUpperCase();
    });
    const a = gateway('a');
    const b = gateway('b');
    assert.equal(upper(a), 'A');
    assert.equal(upper(a), 'A');
    assert.equal(upper(b), 'B');
    assert.equal(calls, 2);
  });

  it('keeps slots apart, and keeps a value that is undefined', () => {
    const first = new MemoSlot<string>('first');
    const second = new MemoSlot<string | undefined>('second');
    const g = gateway('g');
    let computed = 0;
    assert.equal(g.memo.get(first, 'x', (x) => `${x}1`), 'x1');
    assert.equal(g.memo.get(second, 'y', () => (computed++, undefined)), undefined);
    assert.equal(g.memo.get(second, 'y', () => (computed++, 'late')), undefined);
    assert.equal(g.memo.get(first, 'z', (x) => `${x}2`), 'x1');
    assert.equal(computed, 1);
  });

  it('lets what was derived from a replaced object die young, with it', () => {
    // The reason Memo exists: a WeakMap keyed by the object keeps the value through one more
    // young-generation collection, long enough to be moved to the old generation.
    const oldSpace = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;
    const payload = derived('payload', (g: Gateway) => Array.from({ length: 40 }, (_, i) => ({ i, of: g.name, pad: new Array(40).fill(i) })));
    const promotedPerReplacement = (keep: (g: Gateway) => void): number => {
      gc();
      let promoted = 0;
      let current = gateway('first');
      for (let i = 0; i < 60; i++) {
        const next = gateway(`g${i}`);
        keep(next);
        current = next;
        const before = oldSpace();
        gc({ type: 'minor' });
        if (i >= 20) promoted += oldSpace() - before;
      }
      assert.ok(current.name.length > 0);
      return promoted / 40;
    };
    const byWeakMap = new WeakMap<Gateway, unknown>();
    const inWeakMap = promotedPerReplacement((g) => byWeakMap.set(g, Array.from({ length: 40 }, (_, i) => ({ i, of: g.name, pad: new Array(40).fill(i) }))));
    const inMemo = promotedPerReplacement((g) => payload(g));
    assert.ok(inWeakMap > 8_000, `a WeakMap's values were expected to reach the old generation (${inWeakMap} bytes per replacement)`);
    assert.ok(inMemo < inWeakMap / 8, `${inMemo} bytes per replacement reached the old generation (a WeakMap: ${inWeakMap})`);
  });
});

describe('perObject', () => {
  it('computes once per object, an undefined result included', () => {
    const calls: string[] = [];
    const lengthOf = perObject((key: { text: string }) => {
      calls.push(key.text);
      return key.text.length > 0 ? key.text.length : undefined;
    });
    const [a, empty] = [{ text: 'abc' }, { text: '' }];
    assert.equal(lengthOf(a), 3);
    assert.equal(lengthOf(a), 3);
    assert.equal(lengthOf(empty), undefined);
    assert.equal(lengthOf(empty), undefined);
    assert.equal(lengthOf({ text: 'abc' }), 3);
    assert.deepEqual(calls, ['abc', '', 'abc']);
  });
});
