/** Set by the build for the runs that write V8's code caches; `bin/load-bundle.js` reads the same name. */
export const CODE_CACHE_RUN_VARIABLE = 'IPSEC_WRITE_CODE_CACHE';

/**
 * Whether this run writes a code cache. V8 stamps a cache with the options in force when it is
 * written, and a fresh process refuses a cache stamped after the program changed an option at
 * run time: such a run leaves V8's options as the process started with them.
 */
export function isCodeCacheRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env[CODE_CACHE_RUN_VARIABLE]);
}
