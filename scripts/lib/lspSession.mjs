// Drives the built language server over stdio: for the benchmark, and for the build's runs that
// write the server's code caches.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';

/** The environment the extension starts the server with (client/src/serverLaunch.ts reads the same file). */
export const SERVER_LAUNCH = JSON.parse(readFileSync(new URL('../../server/src/lsp/serverLaunch.json', import.meta.url), 'utf8'));

/** How the benchmark starts the server: as the extension does (same environment, and the Node options `SERVER_LAUNCH.execArgv`), but over stdio. */
export function serverSpawnOptions() {
  return { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ...SERVER_LAUNCH.env } };
}

export class LspSession {
  /** Started as the extension starts it unless told other Node options or more variables. */
  constructor(serverPath, { execArgv = SERVER_LAUNCH.execArgv, env = {} } = {}) {
    const options = serverSpawnOptions();
    this.child = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { ...options, env: { ...options.env, ...env } });
    this.connection = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin));
    this.connection.onRequest('workspace/configuration', () => [{}]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.indexed = new Promise((resolve) => {
      this.connection.onNotification('$/progress', (params) => {
        if (params.value?.kind === 'end') resolve(performance.now());
      });
    });
    this.connection.listen();
    this.versions = new Map();
  }

  async initialize(root) {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'mesh' }],
      capabilities: { window: { workDoneProgress: true }, textDocument: { diagnostic: {}, hover: {}, completion: {} }, workspace: { diagnostics: { refreshSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** When the server reported the end of its indexing, as a performance.now() time. */
  indexingDone() {
    return this.indexed;
  }

  async open(file, languageId = 'ipsec') {
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    this.versions.set(uri, { version: 1, text });
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces whole lines [`fromLine`, `toLine`) with `text`, sent as the editor sends a keystroke: only the range that changed. */
  async replaceLines(uri, fromLine, toLine, text) {
    const state = this.versions.get(uri);
    const offsetOf = (line) => {
      let offset = 0;
      for (let i = 0; i < line; i++) offset = state.text.indexOf('\n', offset) + 1;
      return offset;
    };
    const [from, to] = [offsetOf(fromLine), offsetOf(toLine)];
    state.version++;
    state.text = state.text.slice(0, from) + text + state.text.slice(to);
    const range = { start: { line: fromLine, character: 0 }, end: { line: toLine, character: 0 } };
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: state.version }, contentChanges: [{ range, text }] });
  }

  async change(uri, text) {
    const state = this.versions.get(uri);
    state.version++;
    state.text = text;
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: state.version }, contentChanges: [{ text }] });
  }

  text(uri) {
    return this.versions.get(uri).text;
  }

  diagnostics(uri) {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  hover(uri, position) {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  codeLens(uri) {
    return this.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  }

  completion(uri, position) {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  rssMb() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
    } catch {
      return NaN;
    }
  }

  async close() {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    this.child.kill();
  }

  /** Shuts the server down and waits until its process has exited by itself. */
  async exit() {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await exited;
    this.connection.dispose();
  }
}
