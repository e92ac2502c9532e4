import { setFlagsFromString } from 'node:v8';

/** Runs over at most this many files keep V8's young generation at its starting size. */
export const SMALL_RUN_FILES = 2000;

/**
 * The V8 options that suit a run over this many files. A run keeps nearly everything it
 * allocates (each parsed file lives to the end), so letting the young generation grow to its
 * usual 16 MB mostly faults in fresh pages and copies the same survivors around; over a
 * 30-gateway mesh a fixed 1 MB is faster. Far larger runs make enough garbage to need the room.
 */
export function heapFlagsFor(fileCount: number): readonly string[] {
  return fileCount <= SMALL_RUN_FILES ? ['--semi-space-growth-factor=1'] : [];
}

/**
 * Applies them to this process. Not for the build's run that writes the code cache: V8 stamps
 * a cache with the options in force when it is written, and a fresh process would refuse it.
 */
export function sizeHeapFor(fileCount: number, env: NodeJS.ProcessEnv = process.env, setFlags: (flag: string) => void = setFlagsFromString): void {
  if (env.IPSEC_LINT_WRITE_CODE_CACHE) return;
  for (const flag of heapFlagsFor(fileCount)) setFlags(flag);
}
