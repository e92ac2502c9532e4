#!/usr/bin/env node
// End-to-end harness: the packaged extension in the real VS Code (code-server + Debian chromium
// via playwright-core). See test/e2e/README.md.
//
//   node test/e2e/run.mjs [--skip-setup] [--vsix FILE] [--server-js FILE] [--only ui|ext|trust]
//                         [--settings JSON] [--grep RE] [--steps FILE] [--headed]
//
//   --skip-setup   do not run scripts/e2e/setup.sh
//   --vsix FILE    install this .vsix instead of building one with `npm run package`
//   --server-js F  after installing, replace the installed extension's dist/server.js with F
//                  (to prove the harness fails when the server is broken)
//   --only ui|ext|trust  run only the UI steps, only the extension-host tests, or only the
//                  workspace-trust runs (an untrusted workspace, and the trusted control)
//   --settings J   extra user settings (JSON object) for the UI run, e.g. '{"ipsec.rules":{"column-zero-key":"off"}}'
//   --grep RE      run only the UI steps whose title matches RE
//   --steps FILE   take the UI steps from FILE (a module exporting `uiSteps`) instead of steps/ui.mjs
//   --headed       show the browser (needs a display)
//
// Prints one line per check and finally `N passed, N failed`; exits 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { Browser } from './lib/browser.mjs';
import { CodeServer } from './lib/codeServer.mjs';
import { ownedProcesses, stopAll } from './lib/processes.mjs';
import { Workbench } from './lib/workbench.mjs';
import { prepareTrustWorkspace } from './lib/trustWorkspace.mjs';
import { prepareWorkspace } from './lib/workspace.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(ROOT);
const CACHE = path.join(ROOT, '.cache');
const RUN = path.join(CACHE, 'e2e');
const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e');
const WHOLE_RUN_LIMIT_MS = 9.5 * 60_000;

const { values: opts } = parseArgs({
  options: {
    'skip-setup': { type: 'boolean', default: false },
    vsix: { type: 'string' },
    'server-js': { type: 'string' },
    only: { type: 'string' },
    settings: { type: 'string', default: '{}' },
    grep: { type: 'string' },
    steps: { type: 'string' },
    headed: { type: 'boolean', default: false },
  },
});

const started = Date.now();
const results = []; // { title, ok, ms, error? }
const elapsed = (since = started) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`[e2e ${elapsed()}] ${message}`);

function record(title, ok, ms, error) {
  results.push({ title, ok, ms, error });
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${title} (${(ms / 1000).toFixed(1)} s)${ok ? '' : `\n         ${String(error).split('\n').join('\n         ')}`}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
}

/** Runs a command; its output goes to artifacts/e2e/<log> and is shown only when it fails. */
function sh(command, args, what, log) {
  const t = Date.now();
  const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  writeFileSync(path.join(ARTIFACTS, log), output);
  if (run.status !== 0) throw new Error(`${what} failed (exit ${run.status}):\n${output.split('\n').slice(-30).join('\n')}`);
  say(`${what} done in ${elapsed(t)}`);
}

// --- cleanup, always ------------------------------------------------------------------------
let cleaning;
async function cleanup() {
  cleaning ??= (async () => {
    const left = ownedProcesses();
    if (left.length > 0) say(`stopping ${left.map((p) => `${p.name} ${p.pid}`).join(', ')}`);
    await stopAll();
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log(`\n[e2e] ${signal}: stopping what the harness started`);
    void cleanup().finally(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  record(`the whole run ends within ${WHOLE_RUN_LIMIT_MS / 60_000} minutes`, false, Date.now() - started, 'giving up');
  void cleanup().finally(() => {
    console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed`);
    process.exit(1);
  });
}, WHOLE_RUN_LIMIT_MS);
watchdog.unref();

// --- preparation ----------------------------------------------------------------------------
function prepareFolders() {
  rmSync(path.join(RUN, 'run'), { recursive: true, force: true });
  mkdirSync(path.join(RUN, 'run'), { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const name of readdirSync(ARTIFACTS)) if (/\.(png|log|json)$/.test(name) && !/^nvim/.test(name)) rmSync(path.join(ARTIFACTS, name));
}

const dirs = {
  home: path.join(RUN, 'run', 'home'),
  extensions: path.join(RUN, 'run', 'extensions'),
  noExtensions: path.join(RUN, 'run', 'extensions-none'),
  uiData: path.join(RUN, 'run', 'data-ui'),
  extData: path.join(RUN, 'run', 'data-ext'),
  profile: path.join(RUN, 'run', 'chromium'),
  uiWorkspace: path.join(RUN, 'workspace-ui'),
  extWorkspace: path.join(RUN, 'workspace-ext'),
  trust: path.join(RUN, 'trust'),
};

/** Workspace trust on, no startup dialog: a folder never trusted before opens in restricted mode. */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

/**
 * Bundles the extension-host tests into the installed extension's folder: VS Code hands each
 * extension its own `vscode` API object, chosen by the path of the requiring file, so tests that
 * live inside the extension share its `window` (and may stub `window.showInputBox`).
 */
async function bundleExtensionTests(installedExtension) {
  const folder = path.join(installedExtension, 'e2e-tests');
  rmSync(folder, { recursive: true, force: true });
  await build({
    entryPoints: { index: path.join(ROOT, 'test', 'e2e', 'extension', 'index.ts'), trust: path.join(ROOT, 'test', 'e2e', 'extension', 'trustIndex.ts') },
    outdir: folder,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return { index: path.join(folder, 'index.js'), trust: path.join(folder, 'trust.js') };
}

// --- suite 1: the UI, step by step ----------------------------------------------------------
async function runUiSteps(codeServerOptions, extraSettings) {
  const ws = prepareWorkspace(path.join(ROOT, 'examples'), dirs.uiWorkspace);
  say(`UI workspace: ${ws.fromExamples ? 'a copy of examples/' : 'empty examples/'}; target ${ws.target.rel}:${ws.target.line}${ws.target.created ? ' (written by the harness: examples/ has no column-0 key yet)' : ''}`);
  CodeServer.writeSettings(dirs.uiData, extraSettings);
  const server = new CodeServer(codeServerOptions);
  const browser = new Browser({ profileDir: dirs.profile, home: dirs.home, headless: !opts.headed });
  try {
    await server.start({ dataDir: dirs.uiData, extensionsDir: dirs.extensions, folder: ws.dir, name: 'code-server-ui' });
    say(`code-server ${server.version()} on ${server.origin} (pid ${server.pid})`);
    const page = await browser.launch();
    say(`chromium pid ${browser.pids.join(', ')}`);
    const wb = new Workbench(page);
    const t = Date.now();
    try {
      await wb.open(server.workbenchUrl(ws.dir));
      record('the workbench loads the scratch workspace', true, Date.now() - t);
    } catch (error) {
      await wb.screenshot(path.join(ARTIFACTS, '00-workbench.png')).catch(() => {});
      record('the workbench loads the scratch workspace', false, Date.now() - t, error);
      return;
    }
    const { uiSteps } = await import(opts.steps ? pathToFileURL(path.resolve(opts.steps)).href : './steps/ui.mjs');
    const grep = opts.grep ? new RegExp(opts.grep, 'i') : undefined;
    for (const [index, s] of uiSteps.entries()) {
      if (grep && !grep.test(s.title)) continue;
      const prefix = String(index + 1).padStart(2, '0');
      let extra = 0;
      const ctx = {
        wb,
        page,
        workspace: ws,
        target: ws.target,
        log: (message) => console.log(`         ${message}`),
        shot: async (name) => {
          const file = path.join(ARTIFACTS, `${prefix}${String.fromCharCode(97 + extra++)}-${name}.png`);
          await wb.screenshot(file);
          return file;
        },
      };
      const t0 = Date.now();
      let error;
      try {
        await withTimeout(s.run(ctx), s.timeoutMs, s.title);
      } catch (e) {
        error = e;
      }
      await wb.screenshot(path.join(ARTIFACTS, `${prefix}-${s.shot}.png`)).catch(() => {});
      record(s.title, !error, Date.now() - t0, error);
      await page.keyboard.press('Escape').catch(() => {});
    }
  } finally {
    writeFileSync(path.join(ARTIFACTS, 'browser-console-ui.log'), browser.consoleLines.join('\n'));
    await browser.close();
    await server.stop();
  }
}

// --- suite 2: mocha inside the extension host -------------------------------------------------
async function runExtensionHostTests(codeServerOptions, installedExtension, testsIndex) {
  const ws = prepareWorkspace(path.join(ROOT, 'examples'), dirs.extWorkspace);
  await runInExtensionHost(codeServerOptions, installedExtension, testsIndex, {
    name: 'ext',
    label: 'extension host',
    folder: ws.dir,
    dataDir: dirs.extData,
    env: { IPSEC_E2E_WORKSPACE: ws.dir, IPSEC_E2E_TARGET: ws.target.abs, IPSEC_E2E_TARGET_LINE: String(ws.target.line) },
  });
}

// --- suite 3: workspace trust: the same workspace untrusted, then trusted as the control -------
async function runTrustTests(codeServerOptions, installedExtension, testsIndex, trusted) {
  const name = trusted ? 'trusted' : 'untrusted';
  const ws = prepareTrustWorkspace(path.join(dirs.trust, name));
  await runInExtensionHost(codeServerOptions, installedExtension, testsIndex, {
    name,
    label: `${name} workspace`,
    folder: ws.workspace,
    dataDir: path.join(RUN, 'run', `data-${name}`),
    settings: trusted ? {} : UNTRUSTED_SETTINGS,
    workspaceTrust: !trusted,
    env: { IPSEC_E2E_TRUSTED: trusted ? '1' : '0', IPSEC_E2E_TRUST_CONF: ws.conf, IPSEC_E2E_TRUST_ROOT: ws.root },
  });
}

/**
 * One code-server with the installed extension as the development extension and `testsIndex`
 * as extensionTestsPath; each mocha outcome becomes a check named `<label>: <title>`.
 */
async function runInExtensionHost(codeServerOptions, installedExtension, testsIndex, { name, label, folder, dataDir, env, settings = {}, workspaceTrust = false }) {
  const resultsFile = path.join(RUN, 'run', `${name}-results.json`);
  const suffix = name === 'ext' ? '' : `-${name}`;
  rmSync(resultsFile, { force: true });
  CodeServer.writeSettings(dataDir, settings);
  mkdirSync(dirs.noExtensions, { recursive: true });
  // The extension host inherits code-server's environment: that is how the tests learn their target.
  const server = new CodeServer({ ...codeServerOptions, env: { ...codeServerOptions.env, ...env, IPSEC_E2E_RESULTS: resultsFile } });
  const browser = new Browser({ profileDir: dirs.profile, home: dirs.home, headless: !opts.headed });
  const t = Date.now();
  try {
    // The packaged extension (as installed from the .vsix) is the development extension; the
    // extensions dir is empty so it is loaded exactly once.
    await server.start({ dataDir, extensionsDir: dirs.noExtensions, folder, name: `code-server-${name}`, workspaceTrust });
    say(`code-server for the ${label} tests on ${server.origin} (pid ${server.pid})`);
    const page = await browser.launch();
    let exited;
    const exit = new Promise((resolve) => (exited = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => exited(code));
    const remote = (file) => `vscode-remote://${server.authority}${file}`;
    await page.goto(
      server.workbenchUrl(folder, [
        ['extensionDevelopmentPath', remote(installedExtension)],
        ['extensionTestsPath', remote(testsIndex)],
        ['skipWelcome', 'true'],
      ]),
    );
    const code = await withTimeout(exit, 180_000, `the ${label} tests`);
    say(`${label} tests ended with codeAutomationExit(${code}) after ${elapsed(t)}`);
    await page.screenshot({ path: path.join(ARTIFACTS, `extension-host${suffix}.png`) }).catch(() => {});
    if (!existsSync(resultsFile)) throw new Error(`the tests wrote no ${resultsFile} (exit code ${code}); see artifacts/e2e/browser-console-${name}.log`);
    const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
    copyFileSync(resultsFile, path.join(ARTIFACTS, `extension-tests${suffix}.json`));
    for (const outcome of report.outcomes) record(`${label}: ${outcome.title}`, outcome.state === 'passed', outcome.ms ?? 0, outcome.error);
    if (report.outcomes.length === 0) record(`${label}: at least one test ran`, false, Date.now() - t, 'no tests ran');
    if (code !== 0 && report.failed === 0) record(`${label}: codeAutomationExit(0)`, false, Date.now() - t, `exit code ${code}`);
  } catch (error) {
    record(`${label}: the mocha run completes`, false, Date.now() - t, error);
  } finally {
    writeFileSync(path.join(ARTIFACTS, `browser-console-${name}.log`), browser.consoleLines.join('\n'));
    await browser.close();
    await server.stop();
  }
}

// --- main ------------------------------------------------------------------------------------
async function main() {
  prepareFolders();
  if (!opts['skip-setup']) sh('bash', [path.join(ROOT, 'scripts', 'e2e', 'setup.sh')], 'setup', 'setup.log');
  let vsix = opts.vsix ? path.resolve(opts.vsix) : path.join(ROOT, 'dist', 'ipsec-config.vsix');
  if (!opts.vsix) sh('npm', ['run', 'package', '--silent'], 'npm run package', 'package.log');
  if (!existsSync(vsix)) throw new Error(`${vsix} does not exist`);

  const codeServerOptions = { root: path.join(CACHE, 'code-server'), home: dirs.home, logDir: ARTIFACTS };
  const installer = new CodeServer(codeServerOptions);
  let t = Date.now();
  const installed = installer.installExtension(vsix, { dataDir: dirs.uiData, extensionsDir: dirs.extensions });
  say(`installed ${path.basename(vsix)} into ${path.relative(ROOT, installed)} in ${elapsed(t)}`);
  if (opts['server-js']) {
    copyFileSync(path.resolve(opts['server-js']), path.join(installed, 'dist', 'server.js'));
    // The code caches were made for the bundle replaced.
    for (const name of readdirSync(path.join(installed, 'dist'))) if (/^server\.js\..*\.cache$/.test(name)) rmSync(path.join(installed, 'dist', name));
    say(`replaced the installed dist/server.js with ${opts['server-js']}`);
  }

  const wanted = (part) => opts.only === undefined || opts.only === part;
  if (wanted('ui')) {
    say('UI steps');
    await runUiSteps(codeServerOptions, JSON.parse(opts.settings));
  }
  if (wanted('ext') || wanted('trust')) {
    t = Date.now();
    const bundles = await bundleExtensionTests(installed);
    say(`bundled the extension-host tests into ${path.relative(ROOT, path.dirname(bundles.index))} in ${elapsed(t)}`);
    if (wanted('ext')) await runExtensionHostTests(codeServerOptions, installed, bundles.index);
    if (wanted('trust')) {
      await runTrustTests(codeServerOptions, installed, bundles.trust, false);
      await runTrustTests(codeServerOptions, installed, bundles.trust, true);
    }
  }
}

let crashed;
try {
  await main();
} catch (error) {
  crashed = error;
  record('the harness itself', false, 0, error?.stack ?? error);
} finally {
  await cleanup();
}
const failed = results.filter((r) => !r.ok).length;
console.log(`[e2e] screenshots and logs in ${path.relative(ROOT, ARTIFACTS)}/; whole run ${elapsed()}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 || crashed ? 1 : 0);
