import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocumentCache } from '../../../server/src/lsp/documentStore';
import {
  HEAP_FLAGS,
  HUGE_DOCUMENT_HEAP_FLAGS,
  HUGE_DOCUMENT_LENGTH,
  LARGE_DOCUMENT_HEAP_FLAGS,
  LARGE_DOCUMENT_LENGTH,
  LargeDocumentHeap,
  tuneHeap,
} from '../../../server/src/lsp/heapFlags';

describe("the server's V8 options", () => {
  it("are set at start-up, except in the build's run that writes the code cache", () => {
    const set: string[] = [];
    tuneHeap({ IPSEC_WRITE_CODE_CACHE: '1' }, (flag) => set.push(flag));
    assert.equal(set.length, 0);
    tuneHeap({}, (flag) => set.push(flag));
    assert.deepEqual(set, HEAP_FLAGS);
  });

  it('are relaxed once, by the first document of the large size, and not for smaller ones', () => {
    const set: string[] = [];
    const heap = new LargeDocumentHeap({}, (flag) => set.push(flag));
    assert.equal(heap.noteLength(LARGE_DOCUMENT_LENGTH - 1), false);
    assert.deepEqual(set, []);
    assert.equal(heap.noteLength(LARGE_DOCUMENT_LENGTH), true);
    assert.deepEqual(set, LARGE_DOCUMENT_HEAP_FLAGS);
    assert.equal(heap.noteLength(LARGE_DOCUMENT_LENGTH * 10), false);
    assert.deepEqual(set, LARGE_DOCUMENT_HEAP_FLAGS);
    const setInCacheRun: string[] = [];
    const cacheRun = new LargeDocumentHeap({ IPSEC_WRITE_CODE_CACHE: '1' }, (flag) => setInCacheRun.push(flag));
    assert.equal(cacheRun.noteLength(LARGE_DOCUMENT_LENGTH), false);
    assert.equal(setInCacheRun.length, 0);
  });

  it('are restored for good by a huge document, and never relaxed when the first large one is huge', () => {
    const set: string[] = [];
    const heap = new LargeDocumentHeap({}, (flag) => set.push(flag));
    heap.noteLength(LARGE_DOCUMENT_LENGTH);
    assert.equal(heap.noteLength(HUGE_DOCUMENT_LENGTH), true);
    assert.deepEqual(set, [...LARGE_DOCUMENT_HEAP_FLAGS, ...HUGE_DOCUMENT_HEAP_FLAGS]);
    assert.equal(heap.noteLength(LARGE_DOCUMENT_LENGTH), false);
    assert.equal(heap.noteLength(HUGE_DOCUMENT_LENGTH), false);
    assert.equal(set.length, LARGE_DOCUMENT_HEAP_FLAGS.length + HUGE_DOCUMENT_HEAP_FLAGS.length);
    const untouched: string[] = [];
    const hugeFirst = new LargeDocumentHeap({}, (flag) => untouched.push(flag));
    assert.equal(hugeFirst.noteLength(HUGE_DOCUMENT_LENGTH * 2), false);
    assert.equal(hugeFirst.noteLength(LARGE_DOCUMENT_LENGTH), false);
    assert.equal(untouched.length, 0);
  });

  it('are relaxed when an open file of that size is parsed', () => {
    const set: string[] = [];
    const cache = new ParsedDocumentCache(new LargeDocumentHeap({}, (flag) => set.push(flag)));
    const small = TextDocument.create('file:///gw/etc/racoon/racoon.conf', 'racoon', 1, 'path pre_shared_key "/etc/racoon/psk.txt";\n');
    assert.ok(cache.get(small));
    assert.deepEqual(set, []);
    const remote = 'remote 198.18.0.1 {\n\texchange_mode main;\n}\n';
    const large = TextDocument.create('file:///gw/etc/racoon/racoon.conf', 'racoon', 2, remote.repeat(Math.ceil(LARGE_DOCUMENT_LENGTH / remote.length)));
    assert.equal(cache.get(large)?.kind, 'racoon');
    assert.deepEqual(set, LARGE_DOCUMENT_HEAP_FLAGS);
  });
});
