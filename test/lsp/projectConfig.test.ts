import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ShowMessageParams } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';
import { makeTempDir } from '../tempDir';

const CONF = 'config setup\n\tprotostack=netkey\n\nconn a\n\tleft=192.0.2.1\n\tleft=192.0.2.2\n\tright=198.51.100.1\n';

describe('the server reads the repository\'s .ipsec-lint.json and follows its changes', () => {
  let client: LspTestClient;
  let root: string;
  const messages: string[] = [];
  const configUri = () => pathToFileURL(path.join(root, '.ipsec-lint.json')).href;
  const rewrite = async (text: string) => {
    writeFileSync(path.join(root, '.ipsec-lint.json'), text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri(), type: 2 }] });
  };

  before(async () => {
    root = makeTempDir('ipsec-projcfg-');
    mkdirSync(path.join(root, 'gw'));
    writeFileSync(path.join(root, 'gw', 'ipsec.conf'), CONF);
    mkdirSync(path.join(root, 'archive', 'old'), { recursive: true });
    writeFileSync(path.join(root, 'archive', 'old', 'ipsec.conf'), 'conn b\nleft=192.0.2.1\n');
    writeFileSync(path.join(root, '.ipsec-lint.json'), '{ "rules": { "duplicate-key": "off" } }');
    client = new LspTestClient();
    client.connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      messages.push(params.message);
    });
    await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: {} } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('turns a rule off, brings it back when the file changes, and says what it cannot use', async () => {
    const uri = pathToFileURL(path.join(root, 'gw', 'ipsec.conf')).href;
    // A column-0 key shows the file is checked; the duplicate key stays silent.
    await client.open(uri, 'ipsec', `${CONF}auto=add\n`);
    const first = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'column-zero-key'));
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['column-zero-key']);
    await rewrite('{}');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-key'));
    await rewrite('{ "rules": { "column-zero-key": "fatal", "duplicate-key": "off" } }');
    await waitUntil(() => messages.length > 0);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /\.ipsec-lint\.json: rule "column-zero-key" has severity "fatal"; use one of .*; the file is not used until this is fixed$/);
    await rewrite('{ "rules": { "column-zero-key": "off" } }');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0].code === 'duplicate-key');
  });

  it('searches the folders again when the exclude list changes: excluded gateways leave, the others come back', async () => {
    const archived = pathToFileURL(path.join(root, 'archive', 'old', 'ipsec.conf')).href;
    await rewrite('{}');
    await client.waitForDiagnostics(archived, (p) => p.diagnostics.some((d) => d.code === 'column-zero-key'));
    await rewrite('{ "exclude": ["archive"] }');
    await client.waitForDiagnostics(archived, (p) => p.diagnostics.length === 0);
    await rewrite('{}');
    await client.waitForDiagnostics(archived, (p) => p.diagnostics.some((d) => d.code === 'column-zero-key'));
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
