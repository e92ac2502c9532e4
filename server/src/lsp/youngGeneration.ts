import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isCodeCacheRun } from '../codeCacheRun';

type Collect = (options: { type: 'minor' }) => void;

let collect: Collect | undefined;
let queued = false;

/**
 * Collects V8's young generation once the current turn of the event loop is over. Called after
 * the workspace model was rebuilt: the objects of the model it replaced are garbage by then, and
 * those of the new one have survived one collection only, which does not yet move them to the
 * old generation. Without this, a collection in the middle of the next rebuild would find them
 * still referenced, for a second time, and promote them: the old generation would then fill up
 * with one discarded model per edit until its next full collection.
 */
export function collectYoungGenerationSoon(): void {
  // The collector needs an option set at run time, which the code cache's run must not change.
  if (queued || isCodeCacheRun()) return;
  queued = true;
  setImmediate(() => {
    queued = false;
    youngCollector()({ type: 'minor' });
  });
}

function youngCollector(): Collect {
  if (!collect) {
    // The `gc` function only exists in contexts made after --expose-gc: make one for it.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
  }
  return collect;
}
