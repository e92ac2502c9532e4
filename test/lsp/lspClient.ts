import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../helpers';

/** A real language server process spoken to over stdio, the way an editor does. */
export class LspTestClient {
  readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics notification, in order of arrival. */
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: Array<() => void> = [];
  stderr = '';

  /**
   * Started as users start it, through `bin/ipsec-language-server.js` (the bundle with its code
   * cache). `nodeArgs` go to node before the server's path (a `--require` to watch the process from
   * inside); `serverScript` is another copy of that command, such as one an npm install put in place.
   */
  constructor(nodeArgs: readonly string[] = [], env: NodeJS.ProcessEnv = process.env, serverScript = path.join(REPO_ROOT, 'bin', 'ipsec-language-server.js')) {
    this.child = spawn(process.execPath, [...nodeArgs, serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.published.push(params);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onRequest('workspace/configuration', () => [{}]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(capabilities: ClientCapabilities = {}, initializationOptions?: unknown): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Initializes with one workspace folder, as an editor opening a folder does. */
  async initializeWorkspace(root: string, capabilities: ClientCapabilities = {}): Promise<unknown> {
    const uri = pathToFileURL(root).href;
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'ws' }], capabilities });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Waits until diagnostics for the uri satisfy the predicate (push model). */
  async waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && predicate(current)) return current;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(current)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.child.kill();
  }
}
