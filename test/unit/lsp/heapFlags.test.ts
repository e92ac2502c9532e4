import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEAP_FLAGS, tuneHeap } from '../../../server/src/lsp/heapFlags';

describe("the server's V8 options", () => {
  it("are set at start-up, except in the build's run that writes the code cache", () => {
    const set: string[] = [];
    tuneHeap({ IPSEC_WRITE_CODE_CACHE: '1' }, (flag) => set.push(flag));
    assert.equal(set.length, 0);
    tuneHeap({}, (flag) => set.push(flag));
    assert.deepEqual(set, HEAP_FLAGS);
  });
});
