import { setFlagsFromString } from 'node:v8';
import { isCodeCacheRun } from '../codeCacheRun';

/** Runs over at most this many files get V8 options for a short run. */
export const SMALL_RUN_FILES = 2000;

/**
 * V8's defaults suit a long-lived program; a run over a few thousand files lasts half a second
 * and keeps nearly everything it allocates (each parsed file lives to the end). For such a run:
 * - the young generation stays at its starting size: growing it to 16 MB only faulted in fresh
 *   pages and copied the same survivors around;
 * - a function must run eight times as long as usual before the optimizing compiler takes it:
 *   compiling the hundred-odd functions it otherwise picks costs more than they win back.
 * Over the 30-gateway mesh both together took about a quarter off the run; a 100-gateway mesh,
 * which runs six times as long and makes far more garbage, is faster with the defaults.
 */
export function v8FlagsFor(fileCount: number): readonly string[] {
  return fileCount <= SMALL_RUN_FILES ? ['--semi-space-growth-factor=1', '--interrupt-budget=540672'] : [];
}

/** Applies them to this process, unless it is the build's run that writes the code cache. */
export function tuneV8For(fileCount: number, env: NodeJS.ProcessEnv = process.env, setFlags: (flag: string) => void = setFlagsFromString): void {
  if (isCodeCacheRun(env)) return;
  for (const flag of v8FlagsFor(fileCount)) setFlags(flag);
}
