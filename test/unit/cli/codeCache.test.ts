import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { CODE_CACHE_RUN_VARIABLE } from '../../../server/src/codeCacheRun';
import { REPO_ROOT } from '../../helpers';
import { makeTempDir } from '../../tempDir';

interface Loader {
  readonly WRITE_VARIABLE: string;
  cacheFileFor(bundle: string, execArgv?: readonly string[], v8Version?: string): string;
}

const loader = createRequire(__filename)(path.join(REPO_ROOT, 'bin', 'load-bundle.js')) as Loader;
const cliBundle = path.join(REPO_ROOT, 'dist', 'cli.js');
const serverBundle = path.join(REPO_ROOT, 'dist', 'server.js');
const LAUNCH = JSON.parse(readFileSync(path.join(REPO_ROOT, 'server', 'src', 'lsp', 'serverLaunch.json'), 'utf8')) as { execArgv: string[] };

/** A copy of bin/ and dist/cli.js in a temporary folder, with or without a (possibly bad) cache. */
function installedCopy(cache: Buffer | undefined): string {
  const root = makeTempDir('ipsec-cache-');
  mkdirSync(path.join(root, 'bin'));
  mkdirSync(path.join(root, 'dist'));
  for (const file of ['bin/ipsec-lint.js', 'bin/load-bundle.js', 'dist/cli.js']) copyFileSync(path.join(REPO_ROOT, file), path.join(root, file));
  if (cache) writeFileSync(loader.cacheFileFor(path.join(root, 'dist', 'cli.js'), []), cache);
  return root;
}

function lintExamples(root: string) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'ipsec-lint.js'), '-f', 'unix', 'examples'], { cwd: REPO_ROOT, encoding: 'utf8' });
}

/** Whether V8, started with `execArgv`, takes the cache the build made for those options. */
function acceptedUnder(execArgv: readonly string[], bundle: string, wrapped: boolean): boolean {
  const script = `
    const fs = require('node:fs'), vm = require('node:vm'), Module = require('node:module');
    const [bundle, wrapped, cacheFile] = JSON.parse(process.argv[1]);
    const source = wrapped ? fs.readFileSync(bundle, 'latin1') : Module.wrap(fs.readFileSync(bundle, 'utf8'));
    process.stdout.write(String(new vm.Script(source, { filename: bundle, cachedData: fs.readFileSync(cacheFile) }).cachedDataRejected));`;
  const run = spawnSync(process.execPath, [...execArgv, '-e', script, JSON.stringify([bundle, wrapped, loader.cacheFileFor(bundle, execArgv)])], { encoding: 'utf8' });
  assert.equal(run.stderr, '');
  return run.stdout === 'false';
}

describe('the code caches', () => {
  it('are named after the V8 version and the Node options, which V8 checks', () => {
    assert.equal(loader.cacheFileFor('/x/dist/cli.js', [], '11.3.244.8-node.38'), '/x/dist/cli.js.11.3.244.8-node.38.cache');
    assert.equal(loader.cacheFileFor('/x/dist/server.js', ['--min-semi-space-size=2', '--inspect=6019'], '11.3'), '/x/dist/server.js.11.3.min-semi-space-size=2+inspect=6019.cache');
    assert.equal(loader.cacheFileFor('/x/a.js', ['--require', '/tmp/probe.js'], '11'), '/x/a.js.11.require+_tmp_probe.js.cache');
    assert.equal(loader.WRITE_VARIABLE, CODE_CACHE_RUN_VARIABLE);
  });

  it("are made by the build for the CLI and for the server's two starts, and V8 takes each", () => {
    assert.equal(acceptedUnder([], cliBundle, true), true);
    assert.equal(acceptedUnder([], serverBundle, false), true);
    assert.equal(acceptedUnder(LAUNCH.execArgv, serverBundle, false), true);
  });

  it('hold a CLI bundle in ASCII that is one function expression, as the bin reads it', () => {
    const bytes = readFileSync(cliBundle);
    assert.equal(bytes.findIndex((byte) => byte > 0x7f), -1);
    const text = bytes.toString('latin1');
    // Checked as text: running it here would start the CLI in the test process if it were not wrapped.
    assert.ok(text.startsWith('(function (exports, require, module, __filename, __dirname) {\n'));
    assert.match(text, /\n\}\)\n\/\/# sourceMappingURL=cli\.js\.map\n?$/);
    assert.doesNotThrow(() => new vm.Script(text, { filename: cliBundle }));
  });

  it('give the same findings with the cache, with a foreign cache and without one', () => {
    const expected = lintExamples(installedCopy(undefined));
    assert.equal(expected.status, 1);
    assert.match(expected.stdout, /error/);
    for (const cache of [readFileSync(loader.cacheFileFor(cliBundle, [])), Buffer.from('not a V8 code cache')]) {
      const run = lintExamples(installedCopy(cache));
      assert.equal(run.status, expected.status);
      assert.equal(run.stdout, expected.stdout);
      assert.equal(run.stderr, '');
    }
  });
});
