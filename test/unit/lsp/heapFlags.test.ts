import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocumentCache } from '../../../server/src/lsp/documentStore';
import {
  HEAP_FLAGS,
  LARGE_DOCUMENT_HEAP_FLAGS,
  LARGE_DOCUMENT_LENGTH,
  LargeDocumentHeap,
  tuneHeap,
} from '../../../server/src/lsp/heapFlags';

/** The names of the options this Node's V8 knows, as `node --v8-options` lists them. */
function knownV8Options(): Set<string> {
  const run = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return new Set([...run.stdout.matchAll(/^\s+--([a-z0-9-]+) \(/gm)].map((m) => m[1]));
}

/** An option's name without its `no-` and its value: `--no-turbo-inlining` → `turbo-inlining`. */
const optionName = (flag: string): string => flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');

/** How often the optimizing compiler inlined a call in a child process that set these options at run time and then ran a hot loop. */
function inliningsAfter(flags: readonly string[]): number {
  const script = `for (const flag of ${JSON.stringify(flags)}) require('v8').setFlagsFromString(flag);
    function add(a, b) { return a + b; }
    function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = add(s, i); return s; }
    let total = 0;
    for (let k = 0; k < 2000; k++) total += hot(1000);`;
  const run = spawnSync(process.execPath, ['--trace-turbo-inlining', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return [...run.stdout.matchAll(/^Inlining 0x/gm)].length;
}

/** How many full collections a child process ran while it built and kept 150 MB of small objects, after setting these options at run time. */
function fullCollectionsWhileKeeping(flags: readonly string[]): number {
  const script = `for (const flag of ${JSON.stringify([...HEAP_FLAGS, ...flags])}) require('v8').setFlagsFromString(flag);
    const keep = [];
    for (let i = 0; i < 2e6; i++) keep.push({ a: i, b: String(i), c: [i] });`;
  const run = spawnSync(process.execPath, ['--trace-gc', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(run.status, 0, run.stderr);
  return [...run.stdout.matchAll(/Mark-Compact/g)].length;
}

describe("the server's V8 options", () => {
  it("are all options this Node's V8 knows", () => {
    const known = knownV8Options();
    for (const flag of [...HEAP_FLAGS, ...LARGE_DOCUMENT_HEAP_FLAGS]) assert.ok(known.has(optionName(flag)), flag);
  });

  it('turn inlining off for a workspace of small files, and back on for a large document', () => {
    assert.equal(inliningsAfter([]) > 0, true, 'the hot loop is inlined with V8 as it comes');
    assert.equal(inliningsAfter(HEAP_FLAGS), 0);
    assert.ok(inliningsAfter([...HEAP_FLAGS, ...LARGE_DOCUMENT_HEAP_FLAGS]) > 0);
  });

  it('collect the heap of a large document more often than V8 would by itself, so that it peaks lower', () => {
    const collectionsWithout = fullCollectionsWhileKeeping(LARGE_DOCUMENT_HEAP_FLAGS.filter((flag) => !flag.startsWith('--heap-growing-percent')));
    const collectionsWith = fullCollectionsWhileKeeping(LARGE_DOCUMENT_HEAP_FLAGS);
    assert.ok(collectionsWith > collectionsWithout, `${collectionsWith} full collections with the bounded growth, ${collectionsWithout} without`);
  });

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
