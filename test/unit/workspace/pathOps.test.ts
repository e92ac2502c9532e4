import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { childPath, isInside, isNormalAbsolute } from '../../../server/src/workspace/pathOps';

/** Node's own answers, which the string shortcuts must reproduce. */
const slowInside = (candidate: string, folder: string) => {
  const relative = path.relative(folder, candidate);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
};

const SEGMENTS = ['a', 'b', 'etc', 'ipsec.d', '.', '..', '', '...', '.x', 'a b', 'etc2'];

function randomPath(random: () => number): string {
  const n = Math.floor(random() * 5);
  const parts = Array.from({ length: n }, () => SEGMENTS[Math.floor(random() * SEGMENTS.length)]);
  return `/${parts.join('/')}${random() < 0.1 ? '/' : ''}`;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('path shortcuts', () => {
  it('recognise normal absolute paths only', () => {
    for (const p of ['/', '/a', '/a/b', '/a/.x', '/a/...']) assert.equal(isNormalAbsolute(p), true, p);
    for (const p of ['', 'a', '/a/', '//a', '/a//b', '/./a', '/a/..', '/a/../b', '/a/.']) assert.equal(isNormalAbsolute(p), false, p);
  });

  it('agree with path.join and path.relative on thousands of odd paths', () => {
    const random = seeded(7);
    for (let i = 0; i < 5000; i++) {
      const folder = randomPath(random);
      const candidate = randomPath(random);
      const name = SEGMENTS[Math.floor(random() * SEGMENTS.length)];
      assert.equal(childPath(folder, name), path.join(folder, name), `${folder} + ${name}`);
      assert.equal(isInside(candidate, folder), slowInside(candidate, folder), `${candidate} in ${folder}`);
    }
  });

  it('never take a sibling with a common prefix for a child', () => {
    assert.equal(isInside('/ws/etc2/x', '/ws/etc'), false);
    assert.equal(isInside('/ws/etc/x', '/ws/etc'), true);
    assert.equal(isInside('/anything', '/'), true);
  });
});
