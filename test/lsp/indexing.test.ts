import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';
import { makeTempDir } from '../tempDir';

interface ProgressValue {
  readonly kind: 'begin' | 'report' | 'end';
  readonly cancellable?: boolean;
  readonly percentage?: number;
}

/** `count` gateways, each paired with the next; gateway 1 expects a wrong ID of gateway 0. */
function writeMesh(count: number): string {
  const root = makeTempDir('ipsec-index-');
  const address = (i: number) => `198.18.${Math.floor(i / 200)}.${(i % 200) + 1}`;
  for (let i = 0; i < count; i++) {
    const peer = i % 2 === 0 ? i + 1 : i - 1;
    const expected = i === 1 ? '@wrong.example' : `@gw${peer}.example`;
    const dir = path.join(root, `gw${i}`, 'etc');
    mkdirSync(path.join(dir, 'ipsec.d'), { recursive: true });
    writeFileSync(path.join(dir, 'ipsec.conf'), 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n');
    writeFileSync(path.join(dir, 'ipsec.d', 'peer.conf'), `conn peer\n\tleft=${address(i)}\n\tleftid=@gw${i}.example\n\tright=${address(peer)}\n\trightid=${expected}\n\tauto=add\n`);
  }
  return root;
}

async function startIndexing(root: string, onProgress: (value: ProgressValue, token: string | number, client: LspTestClient) => void): Promise<LspTestClient> {
  const client = new LspTestClient();
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  client.connection.onNotification('$/progress', (params: { token: string | number; value: ProgressValue }) => onProgress(params.value, params.token, client));
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
    capabilities: { window: { workDoneProgress: true }, textDocument: { publishDiagnostics: {} } },
  });
  await client.connection.sendNotification('initialized', {});
  return client;
}

describe('background indexing over LSP', () => {
  it('reports cancellable progress step by step, then shows cross-file findings on closed files', async () => {
    const root = writeMesh(40);
    const seen: ProgressValue[] = [];
    const client = await startIndexing(root, (value) => seen.push(value));
    try {
      const gw1 = pathToFileURL(path.join(root, 'gw1', 'etc', 'ipsec.d', 'peer.conf')).href;
      const published = await client.waitForDiagnostics(gw1, (p) => p.diagnostics.some((d) => d.code === 'peer-id-mismatch'), 20_000);
      assert.ok(published.diagnostics.length > 0);
      assert.equal(seen[0]?.kind, 'begin');
      assert.equal(seen[0]?.cancellable, true);
      const reports = seen.filter((v) => v.kind === 'report');
      assert.ok(reports.length >= 5, `40 gateways are taken in several steps, saw ${reports.length}`);
      assert.equal(reports.at(-1)?.percentage, 100);
      assert.equal(seen.at(-1)?.kind, 'end');
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('stops when the user cancels, and says what is left unchecked', async () => {
    const root = writeMesh(400);
    const messages: string[] = [];
    let cancelled = false;
    const client = await startIndexing(root, (value, token, c) => {
      if (value.kind === 'begin' && !cancelled) {
        cancelled = true;
        void c.connection.sendNotification('window/workDoneProgress/cancel', { token });
      }
    });
    client.connection.onNotification('window/showMessage', (params: { message: string }) => {
      messages.push(params.message);
    });
    try {
      const deadline = Date.now() + 20_000;
      while (!messages.some((m) => m.includes('indexing stopped')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const stopped = messages.find((m) => m.includes('indexing stopped'));
      assert.ok(stopped, `expected a message saying indexing stopped, got ${JSON.stringify(messages)}`);
      const [left, total] = (/(\d+) of (\d+) gateways/.exec(stopped) ?? []).slice(1).map(Number);
      assert.equal(total, 400);
      assert.ok(left > 0 && left < 400, `some gateways were left: ${stopped}`);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('says in its log which symbolic links out of the workspace it did not follow, and does not index what they lead to', async () => {
    const root = writeMesh(2);
    const outside = writeMesh(2);
    symlinkSync(path.join(outside, 'gw0'), path.join(root, 'linked-gw'));
    const logged: string[] = [];
    let ended = false;
    const client = await startIndexing(root, (value) => {
      if (value.kind === 'end') ended = true;
    });
    client.connection.onNotification('window/logMessage', (params: { message: string }) => {
      logged.push(params.message);
    });
    try {
      const deadline = Date.now() + 20_000;
      while (!ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(ended, 'indexing ended');
      assert.deepEqual(
        logged.filter((m) => m.includes('symbolic link')),
        [`IPsec: symbolic link(s) leading out of the folder checked were not followed: ${path.basename(root)}/linked-gw; add the folder they lead to to the workspace to check it`],
      );
      const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'peer' })) as Array<{ location: { uri: string } }>;
      assert.ok(symbols.length >= 2, 'the gateways inside are indexed');
      assert.deepEqual(symbols.map((s) => s.location.uri).filter((uri) => uri.includes('linked-gw')), []);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
