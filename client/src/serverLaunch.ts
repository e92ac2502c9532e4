import type { ForkOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import launch from '../../server/src/lsp/serverLaunch.json';

/**
 * The environment and Node options the language server process starts with. One file,
 * `server/src/lsp/serverLaunch.json`, says what they are, and both the extension and the
 * benchmark (`scripts/lib/lspSession.mjs`) start the server with them, so the benchmark
 * measures what users run. Both are read only at start-up:
 * - The variables tune glibc's malloc (other C libraries ignore them): `MALLOC_ARENA_MAX=1` keeps
 *   one arena for all threads instead of one per thread that allocated (V8's background threads
 *   do, while marking and compiling), each holding on to what it once needed; the two thresholds,
 *   set to glibc's initial values, stop glibc from raising them as the process runs, so freed
 *   memory keeps going back to the system.
 * - The options give V8's young generation room for what one edit allocates (about 1 MB on a
 *   30-gateway mesh): when the gateway an edit replaced is still referenced by a collection in
 *   the middle of the rebuild, it moves to the old generation, and the full collections that
 *   then clear it land in the middle of keystrokes.
 */
const SERVER_ENV: Readonly<Record<string, string>> = launch.env;
const SERVER_NODE_OPTIONS: readonly string[] = launch.execArgv;

/** How the extension starts the server: over IPC, with the shared environment; the debug launch also opens the inspector. */
export function serverOptions(serverModule: string, transport: TransportKind): ServerOptions {
  const options = (debug: boolean): ForkOptions => ({ env: { ...SERVER_ENV }, execArgv: [...SERVER_NODE_OPTIONS, ...(debug ? ['--nolazy', '--inspect=6019'] : [])] });
  return {
    run: { module: serverModule, transport, options: options(false) },
    debug: { module: serverModule, transport, options: options(true) },
  };
}
