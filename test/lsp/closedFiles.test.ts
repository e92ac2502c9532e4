import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, WorkspaceDiagnosticRequest, type InitializeResult, type PublishDiagnosticsParams, type WorkspaceDiagnosticReportPartialResult } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

const FILES: Record<string, string> = {
  'fr/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  'fr/etc/ipsec.d/server.conf': 'conn %default\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n',
  // Closed all along: its own column-0 key and the peer's ID complaint must both be listed.
  'fr/etc/ipsec.d/dk.conf': 'conn dk\n\tright=198.51.100.20\n\trightid=@gw.dk.example\nauto=add\n',
  'dk/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  'dk/ipsec.d/server.conf': 'conn %default\n\tleft=198.51.100.20\n\tleftid=@vpn.dk.example\n',
  'dk/ipsec.d/fr.conf': 'conn fr\n\tright=192.0.2.10\n\trightid=@vpn.fr.example\n\tauto=add\n',
};

describe('files that are not open show their own findings and the cross-file ones', () => {
  let client: LspTestClient;
  let root: string;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;

  before(async () => {
    root = writeWorkspace('ipsec-closed-', FILES);
    client = new LspTestClient();
    await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: {} } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('lists a closed file\'s column-0 key with the peer mismatch, and re-sends it only when it changes', async () => {
    const dkConf = uri('fr/etc/ipsec.d/dk.conf');
    const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code).sort();
    await client.open(uri('dk/ipsec.d/fr.conf'), 'ipsec', FILES['dk/ipsec.d/fr.conf']);
    const first = await client.waitForDiagnostics(dkConf, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(first), ['column-zero-key', 'peer-id-mismatch']);
    const sentBefore = client.published.filter((p) => p.uri === dkConf).length;
    // An edit elsewhere that changes nothing for dk.conf sends it nothing.
    await client.change(uri('dk/ipsec.d/fr.conf'), 2, `${FILES['dk/ipsec.d/fr.conf']}# note\n`);
    await client.waitForDiagnostics(uri('dk/ipsec.d/fr.conf'), (p) => p.version === 2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(client.published.filter((p) => p.uri === dkConf).length, sentBefore);
    // The peer takes the ID dk.conf expects: only the column-0 key is left.
    await client.open(uri('dk/ipsec.d/server.conf'), 'ipsec', FILES['dk/ipsec.d/server.conf'].replace('@vpn.dk.example', '@gw.dk.example'));
    const after = await client.waitForDiagnostics(dkConf, (p) => !p.diagnostics.some((d) => d.code === 'peer-id-mismatch'));
    assert.deepEqual(codes(after), ['column-zero-key']);
  });

  it('hands a file over to the editor\'s own diagnostics when it opens, and back when it closes', async () => {
    const dkConf = uri('fr/etc/ipsec.d/dk.conf');
    await client.open(dkConf, 'ipsec', FILES['fr/etc/ipsec.d/dk.conf']);
    await client.waitForDiagnostics(dkConf, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'column-zero-key'));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: dkConf } });
    await client.waitForDiagnostics(dkConf, (p) => p.version === undefined && p.diagnostics.some((d) => d.code === 'column-zero-key'));
  });
});

describe('a client that pulls workspace diagnostics gets closed files there, as they change, and no pushes', () => {
  let client: LspTestClient;
  let root: string;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;
  const parts: WorkspaceDiagnosticReportPartialResult[] = [];
  const cancel = new CancellationTokenSource();
  let pulling: Promise<unknown>;

  /** Waits until a partial result holds a report for the uri that satisfies the predicate. */
  const waitForPart = async (target: string, predicate: (codes: string[]) => boolean): Promise<string[]> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      for (const part of [...parts].reverse()) {
        const item = part.items.find((i) => i.uri === target);
        if (item?.kind !== 'full') continue;
        const codes = item.items.map((d) => String(d.code)).sort();
        if (predicate(codes)) return codes;
        break;
      }
      if (Date.now() > deadline) throw new Error(`no matching workspace report for ${target}: ${JSON.stringify(parts)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  before(async () => {
    root = writeWorkspace('ipsec-pulled-', FILES);
    client = new LspTestClient();
    client.connection.onRequest('workspace/diagnostic/refresh', () => null);
    client.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, 'closed-files', (part) => void parts.push(part));
    const result = (await client.initializeWorkspace(root, { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } })) as InitializeResult;
    const provider = result.capabilities.diagnosticProvider;
    assert.ok(provider && 'workspaceDiagnostics' in provider && provider.workspaceDiagnostics);
    pulling = client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken: 'closed-files' }, cancel.token);
  });
  after(async () => {
    cancel.cancel();
    assert.deepEqual(await pulling, { items: [] });
    assert.equal(await client.shutdown(), 0);
  });

  it('reports a closed file once indexed, then again when a peer\'s edit changes what it shows', async () => {
    const dkConf = uri('fr/etc/ipsec.d/dk.conf');
    assert.deepEqual(await waitForPart(dkConf, (codes) => codes.length > 0), ['column-zero-key', 'peer-id-mismatch']);
    await client.open(uri('dk/ipsec.d/server.conf'), 'ipsec', FILES['dk/ipsec.d/server.conf'].replace('@vpn.dk.example', '@gw.dk.example'));
    assert.deepEqual(await waitForPart(dkConf, (codes) => !codes.includes('peer-id-mismatch')), ['column-zero-key']);
    assert.equal(client.published.filter((p) => p.uri === dkConf).length, 0, 'nothing pushed for a closed file');
  });

  it('reports an open document there too, at its version: one the editor holds without showing it is pulled by no one else', async () => {
    // As VS Code loads a file a fix in another file edited: opened, changed, never pulled on its own.
    const frConf = uri('dk/ipsec.d/fr.conf');
    await client.open(frConf, 'ipsec', FILES['dk/ipsec.d/fr.conf']);
    await client.change(frConf, 2, FILES['dk/ipsec.d/fr.conf'].replace('\tauto=add', 'auto=add'));
    assert.deepEqual(await waitForPart(frConf, (codes) => codes.includes('column-zero-key')), ['column-zero-key']);
    const report = parts.flatMap((part) => part.items).filter((item) => item.uri === frConf).at(-1);
    assert.equal(report?.version, 2);
    await client.change(frConf, 3, FILES['dk/ipsec.d/fr.conf']);
    assert.deepEqual(await waitForPart(frConf, (codes) => codes.length === 0), []);
    assert.equal(client.published.filter((p) => p.uri === frConf).length, 0, 'an open document is never pushed to a client that pulls');
  });
});
