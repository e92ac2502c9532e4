import type { ForkOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import launch from '../../server/src/lsp/serverLaunch.json';

/**
 * The environment the language server process starts with. One file,
 * `server/src/lsp/serverLaunch.json`, says what it is, and both the extension and the benchmark
 * (`scripts/bench/lspSession.mjs`) start the server with it, so the benchmark measures what
 * users run. The variables tune glibc's malloc, which only reads them at start-up (other C
 * libraries ignore them): `MALLOC_ARENA_MAX=1` keeps one arena for all threads instead of one
 * per thread that allocated (V8's background threads do, while marking and compiling), each
 * holding on to what it once needed; the two thresholds, set to glibc's initial values, stop
 * glibc from raising them as the process runs, so freed memory keeps going back to the system.
 */
const SERVER_ENV: Readonly<Record<string, string>> = launch.env;

/** How the extension starts the server: over IPC, with the shared environment; the debug launch also opens the inspector. */
export function serverOptions(serverModule: string, transport: TransportKind): ServerOptions {
  const options = (debug: boolean): ForkOptions => ({ env: { ...SERVER_ENV }, ...(debug ? { execArgv: ['--nolazy', '--inspect=6019'] } : {}) });
  return {
    run: { module: serverModule, transport, options: options(false) },
    debug: { module: serverModule, transport, options: options(true) },
  };
}
