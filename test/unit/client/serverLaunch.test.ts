import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ForkOptions, NodeModule, TransportKind } from 'vscode-languageclient/node';
import { serverOptions } from '../../../client/src/serverLaunch';
import { REPO_ROOT } from '../../helpers';

const LAUNCH = JSON.parse(readFileSync(path.join(REPO_ROOT, 'server', 'src', 'lsp', 'serverLaunch.json'), 'utf8')) as { env: Record<string, string>; execArgv: string[] };
// 1 is TransportKind.ipc in vscode-languageclient.
const IPC = 1 as TransportKind;

describe('how the server process is started', () => {
  it('sets glibc malloc to one arena, in one shared file', () => {
    assert.equal(LAUNCH.env.MALLOC_ARENA_MAX, '1');
  });

  it('gives the young generation a fixed 2 MB, with options Node takes on its command line', () => {
    assert.deepEqual(LAUNCH.execArgv, ['--min-semi-space-size=2', '--max-semi-space-size=2']);
    const youngGeneration = (options: readonly string[]): number => {
      const run = spawnSync(process.execPath, [...options, '-e', "process.stdout.write(String(require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size))"], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      return Number(run.stdout);
    };
    assert.equal(youngGeneration(LAUNCH.execArgv), 2 * 2 ** 20);
    assert.ok(youngGeneration([]) < 2 * 2 ** 20, 'Node would start with less');
  });

  it('the extension starts the server with the shared environment, run and debug alike', () => {
    const options = serverOptions('/ext/dist/server.js', IPC) as { run: NodeModule; debug: NodeModule };
    for (const mode of [options.run, options.debug]) {
      assert.equal(mode.module, '/ext/dist/server.js');
      assert.equal(mode.transport, IPC);
      const env = (mode.options as ForkOptions).env as Record<string, string>;
      for (const [name, value] of Object.entries(LAUNCH.env)) assert.equal(env[name], value, name);
    }
    assert.deepEqual(options.run.options?.execArgv, LAUNCH.execArgv);
    assert.deepEqual(options.debug.options?.execArgv?.slice(0, LAUNCH.execArgv.length), LAUNCH.execArgv);
    assert.ok(options.debug.options?.execArgv?.some((arg) => arg.startsWith('--inspect')));
  });

  it('the benchmark starts the server with the same environment', async () => {
    const session = (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'lib', 'lspSession.mjs')).href)) as { serverSpawnOptions: () => { env: Record<string, string> } };
    const { env } = session.serverSpawnOptions();
    for (const [name, value] of Object.entries(LAUNCH.env)) assert.equal(env[name], value, name);
    assert.equal(env.PATH, process.env.PATH, 'the rest of the environment is inherited');
  });
});
