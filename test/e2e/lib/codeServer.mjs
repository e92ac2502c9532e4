// code-server: the real VS Code workbench and extension host, started on 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, own, stop } from './processes.mjs';

/** Settings that keep dialogs, welcome pages and network chatter away from the editor. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
  'editor.renderWhitespace': 'all',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 100,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
};

export class CodeServer {
  /**
   * @param {object} o
   * @param {string} o.root       code-server's install folder (holds node_modules/code-server)
   * @param {string} o.home       HOME / XDG_* for code-server and everything it starts
   * @param {string} o.logDir     where code-server's output goes
   * @param {Record<string,string>} [o.env] extra environment (inherited by the extension host)
   */
  constructor({ root, home, logDir, env = {} }) {
    this.entry = path.join(root, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    if (!existsSync(this.entry)) throw new Error(`code-server is not installed (${this.entry}); run scripts/e2e/setup.sh`);
    this.home = home;
    this.logDir = logDir;
    this.extraEnv = env;
    this.pid = undefined;
  }

  env() {
    const h = this.home;
    const env = { ...process.env, HOME: h, XDG_CONFIG_HOME: path.join(h, '.config'), XDG_DATA_HOME: path.join(h, '.local', 'share'), XDG_CACHE_HOME: path.join(h, '.cache'), XDG_STATE_HOME: path.join(h, '.local', 'state'), ...this.extraEnv };
    for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
    return env;
  }

  version() {
    const pkg = JSON.parse(readFileSync(path.join(path.dirname(this.entry), '..', '..', 'package.json'), 'utf8'));
    return pkg.version;
  }

  /** Installs a .vsix into extensionsDir; returns the folder it was unpacked to. */
  installExtension(vsix, { dataDir, extensionsDir }) {
    mkdirSync(extensionsDir, { recursive: true });
    const run = spawnSync(process.execPath, [this.entry, '--user-data-dir', dataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
      env: this.env(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`installing ${vsix} failed (${run.status}): ${run.stdout}\n${run.stderr}`);
    const manifest = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8'));
    const prefix = `${manifest.publisher}.${manifest.name}-`.toLowerCase();
    const folder = readdirSync(extensionsDir).find((name) => name.toLowerCase().startsWith(prefix));
    if (!folder) throw new Error(`no ${prefix}* folder in ${extensionsDir} after installing ${vsix}`);
    return path.join(extensionsDir, folder);
  }

  static writeSettings(dataDir, settings) {
    mkdirSync(path.join(dataDir, 'User'), { recursive: true });
    writeFileSync(path.join(dataDir, 'User', 'settings.json'), `${JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)}\n`);
  }

  /**
   * Starts code-server for `folder`; resolves once /healthz answers. Workspace trust is off
   * (`--disable-workspace-trust`) unless `workspaceTrust`; then the user settings decide.
   */
  async start({ dataDir, extensionsDir, folder, name = 'code-server', workspaceTrust = false }) {
    this.port = await freePort();
    mkdirSync(this.logDir, { recursive: true });
    this.logFile = path.join(this.logDir, `${name}.log`);
    const log = openSync(this.logFile, 'w');
    const args = [
      this.entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${this.port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir', dataDir,
      '--extensions-dir', extensionsDir,
      folder,
    ];
    // detached: code-server leads its own process group, so stopping it also stops the
    // extension host and the language server it started, and nothing else.
    const child = spawn(process.execPath, args, { env: this.env(), stdio: ['ignore', log, log], detached: true });
    closeSync(log);
    this.pid = own(name, child.pid, { group: true });
    let exited = null;
    child.once('exit', (code, signal) => (exited = { code, signal }));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}) before answering; see ${this.logFile}`);
      try {
        const response = await fetch(`${this.origin}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s; see ${this.logFile}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return this;
  }

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The remote authority the workbench uses for this server's files. */
  get authority() {
    return `127.0.0.1:${this.port}`;
  }

  workbenchUrl(folder, payload) {
    const params = new URLSearchParams({ folder });
    if (payload) params.set('payload', JSON.stringify(payload));
    return `${this.origin}/?${params}`;
  }

  async stop() {
    if (this.pid) await stop(this.pid);
    this.pid = undefined;
  }
}
