// V8 code caches for the CLI and the language server, each written by a run that compiles what a
// user's run compiles: the CLI over examples/, the server through a short editing session over
// them. bin/load-bundle.js finds a cache by the V8 version and the Node options it was made under,
// so the server gets one for a start with the extension's options and one for a plain start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LspSession, SERVER_LAUNCH } from './lspSession.mjs';

const { WRITE_VARIABLE, cacheFileFor } = createRequire(import.meta.url)('../../bin/load-bundle.js');
const WRITE_ENV = { [WRITE_VARIABLE]: '1' };

export async function writeCodeCaches() {
  for (const name of readdirSync('dist')) if (name.endsWith('.cache')) rmSync(path.join('dist', name));
  // The examples hold planted mistakes, so the run's exit status is 1 by design.
  spawnSync(process.execPath, ['bin/ipsec-lint.js', '--format', 'json', 'examples'], { env: { ...process.env, ...WRITE_ENV }, stdio: 'ignore' });
  expectCache('dist/cli.js', []);
  for (const execArgv of [[], SERVER_LAUNCH.execArgv]) {
    await editExamples(execArgv);
    expectCache('dist/server.js', execArgv);
  }
}

function expectCache(bundle, execArgv) {
  const file = cacheFileFor(path.resolve(bundle), execArgv);
  if (!existsSync(file)) throw new Error(`no code cache was written for ${bundle} started with [${execArgv.join(' ')}]`);
}

/** What an editor does first: open a gateway's files, ask for diagnostics, hover, complete, type. */
async function editExamples(execArgv) {
  const root = path.resolve('examples');
  const session = new LspSession(path.resolve('bin/ipsec-language-server.js'), { execArgv, env: WRITE_ENV });
  const edit = async () => {
    await session.initialize(root);
    const conf = await session.open(path.join(root, 'de', 'etc', 'ipsec.conf'));
    const conn = await session.open(path.join(root, 'de', 'etc', 'ipsec.d', 'server.conf'));
    await session.diagnostics(conf);
    await session.diagnostics(conn);
    await session.indexingDone();
    await session.hover(conn, { line: 2, character: 2 });
    await session.completion(conn, { line: 2, character: 1 });
    await session.change(conn, `${session.text(conn)}\tauto=add\n`);
    await session.diagnostics(conn);
    await session.exit();
  };
  // A server that dies or hangs must not leave the build waiting.
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the server's code-cache session with [${execArgv.join(' ')}] took over a minute`)), 60000);
  });
  try {
    await Promise.race([edit(), late]);
  } catch (error) {
    session.child.kill();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
