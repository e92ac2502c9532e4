import { setFlagsFromString } from 'node:v8';
import { isCodeCacheRun } from '../codeCacheRun';

/**
 * V8 settings for a long-lived editor companion, where a small resident size matters more than
 * peak throughput. The server applies them to itself, so every way of starting it (the
 * extension, the `ipsec-language-server` command, the benchmark) runs with them.
 *
 * - `--optimize-for-size`: a smaller, more often collected heap.
 * - `--semi-space-growth-factor=1`: the young generation keeps its initial size (2 MB when
 *   started as `serverLaunch.json` says) instead of doubling up to 16 MB under a burst of
 *   allocations (indexing a mesh of gateways); what survives goes to the old generation, which
 *   is collected as it grows.
 * - `--no-allocation-site-pretenuring`: indexing builds thirty gateways that all survive, which
 *   would teach V8 to allocate every later gateway model straight in the old generation; the one
 *   an edit rebuilds is replaced by the next edit, so it belongs in the young generation.
 * - `--no-turbo-inlining`: the optimizing compiler takes its working memory from malloc, and
 *   with inlining its jobs take more; what they free lies between blocks that stay, so after a
 *   session on the 30-gateway mesh glibc's heap held 6.5 to 8 MB with inlining and 5 to 6
 *   without: 1.5 to 3 MB of resident memory, while edits were no slower beyond the noise.
 *
 * All are read by V8 when it decides, not only at start-up, so setting them here takes effect.
 */
export const HEAP_FLAGS: readonly string[] = ['--optimize-for-size', '--semi-space-growth-factor=1', '--no-allocation-site-pretenuring', '--no-turbo-inlining'];

/** Applies them, unless this is the build's run that writes the code cache. */
export function tuneHeap(env: NodeJS.ProcessEnv = process.env, setFlags: (flag: string) => void = setFlagsFromString): void {
  if (isCodeCacheRun(env)) return;
  for (const flag of HEAP_FLAGS) setFlags(flag);
}

/** An open file this long (a racoon hub with about 80 peers) allocates megabytes per edit. */
export const LARGE_DOCUMENT_LENGTH = 64 * 1024;

/**
 * What the server sets once such a file is open. Under `--optimize-for-size` each edit of it set
 * off several full collections of a heap that large (two thirds of an edit's time in a 1,000-peer
 * racoon.conf, nearly all of it in a 10,000-peer one), pretenuring lets a parse tree that is kept
 * go straight to the old generation, and inlining pays for itself when one parse runs for a
 * quarter of a second. Left to itself, V8 would then let the heap grow to up to four times what
 * survived its last full collection; growing it by half keeps the peak nearer the live size, for
 * a few more full collections (docs/speed.md has the figures). A workspace of small files keeps
 * the settings above.
 */
export const LARGE_DOCUMENT_HEAP_FLAGS: readonly string[] = ['--no-optimize-for-size', '--allocation-site-pretenuring', '--turbo-inlining', '--heap-growing-percent=50'];

/** Relaxes the heap settings, once, for the first large document parsed. */
export class LargeDocumentHeap {
  private relaxed = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly setFlags: (flag: string) => void = setFlagsFromString,
  ) {}

  /** Whether this document changed the settings. */
  noteLength(length: number): boolean {
    if (this.relaxed || length < LARGE_DOCUMENT_LENGTH || isCodeCacheRun(this.env)) return false;
    this.relaxed = true;
    for (const flag of LARGE_DOCUMENT_HEAP_FLAGS) this.setFlags(flag);
    return true;
  }
}
