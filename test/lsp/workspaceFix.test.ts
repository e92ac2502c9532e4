import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ApplyWorkspaceEditParams, ClientCapabilities, ShowMessageParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

const FILES: Record<string, string> = {
  'fr/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  'fr/etc/ipsec.d/server.conf': 'conn %default\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n',
  // Closed: its column-0 key is fixed through the editor.
  'fr/etc/ipsec.d/dk.conf': 'conn dk\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\nauto=add\n',
  'dk/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  'dk/ipsec.d/server.conf': 'conn %default\n\tleft=198.51.100.20\n\tleftid=@vpn.dk.example\n',
  'dk/ipsec.d/fr.conf': 'conn fr\n\tright=192.0.2.10\n\trightid=@vpn.fr.example\n\tauto=add\n',
};

/** The open document's unsaved text: a column-0 key the editor holds but the disk does not. */
const OPEN_TEXT = 'conn fr\n\tright=192.0.2.10\nrightid=@vpn.fr.example\n\tauto=add\n';

function applied(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'ipsec', 1, text), [...edits]);
}

describe('IPsec: Fix All Safe Problems in the Workspace (ipsec.fixAllInWorkspace)', () => {
  let client: LspTestClient;
  let root: string;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;
  const requests: ApplyWorkspaceEditParams[] = [];
  const messages: ShowMessageParams[] = [];
  let answer = true;

  before(async () => {
    root = writeWorkspace('ipsec-fix-workspace-', FILES);
    // A conn file reached through a symbolic link, and one that is not valid UTF-8: both have a
    // column-0 key, and neither may be edited through the editor (the CLI's --fix leaves them too).
    mkdirSync(path.join(root, 'dk/shared'));
    writeFileSync(path.join(root, 'dk/shared/linked.conf'), 'conn linked\n\tright=203.0.113.1\nauto=add\n');
    symlinkSync('../shared/linked.conf', path.join(root, 'dk/ipsec.d/linked.conf'));
    writeFileSync(path.join(root, 'dk/ipsec.d/latin1.conf'), Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nconn latin1\n\tright=203.0.113.2\nauto=add\n')]));
    client = new LspTestClient();
    client.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      requests.push(params);
      return { applied: answer };
    });
    client.connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      messages.push(params);
    });
    await client.initializeWorkspace(root, { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } }, textDocument: { publishDiagnostics: {} } });
    await client.open(uri('dk/ipsec.d/fr.conf'), 'ipsec', FILES['dk/ipsec.d/fr.conf']);
    await client.change(uri('dk/ipsec.d/fr.conf'), 2, OPEN_TEXT);
    await client.waitForDiagnostics(uri('dk/ipsec.d/fr.conf'), (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'column-zero-key'));
    // The two files the command must leave alone are reported like any other.
    for (const name of ['dk/ipsec.d/linked.conf', 'dk/ipsec.d/latin1.conf']) await client.waitForDiagnostics(uri(name), (p) => p.diagnostics.some((d) => d.code === 'column-zero-key'));
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('asks the editor to apply every file\'s safe fixes as one refactoring: open documents at their version, the others as on disk', async () => {
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'ipsec.fixAllInWorkspace', arguments: [] });
    assert.deepEqual(result, { files: 2, fixed: 2, applied: true });
    assert.equal(requests.length, 1);
    const [request] = requests;
    assert.equal(request.label, 'Fix all safe IPsec problems in the workspace');
    assert.deepEqual(request.metadata, { isRefactoring: true });
    const changes = (request.edit.documentChanges ?? []) as TextDocumentEdit[];
    assert.deepEqual(changes.map((c) => [path.relative(root, new URL(c.textDocument.uri).pathname), c.textDocument.version]).sort(), [
      ['dk/ipsec.d/fr.conf', 2],
      ['fr/etc/ipsec.d/dk.conf', null],
    ]);
    const edited = (name: string) => changes.find((c) => c.textDocument.uri === uri(name))!.edits as TextEdit[];
    assert.equal(applied(OPEN_TEXT, edited('dk/ipsec.d/fr.conf')), FILES['dk/ipsec.d/fr.conf']);
    assert.equal(applied(FILES['fr/etc/ipsec.d/dk.conf'], edited('fr/etc/ipsec.d/dk.conf')), 'conn dk\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\n\tauto=add\n');
    assert.deepEqual(messages.at(-1), { type: 3, message: 'Fixed 2 problem(s) in 2 file(s).' });
    // The server wrote nothing itself.
    assert.equal(readFileSync(path.join(root, 'fr/etc/ipsec.d/dk.conf'), 'utf8'), FILES['fr/etc/ipsec.d/dk.conf']);
  });

  it('says so when the editor does not apply them', async () => {
    answer = false;
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'ipsec.fixAllInWorkspace', arguments: [] });
    answer = true;
    assert.deepEqual(result, { files: 2, fixed: 0, applied: false });
    assert.equal(messages.at(-1)?.type, 2);
    assert.match(messages.at(-1)?.message ?? '', /did not apply the fixes/);
  });

  it('sends nothing to apply when nothing has a safe fix, and says so', async () => {
    await client.change(uri('dk/ipsec.d/fr.conf'), 3, FILES['dk/ipsec.d/fr.conf']);
    writeFileSync(path.join(root, 'fr/etc/ipsec.d/dk.conf'), 'conn dk\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\n\tauto=add\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('fr/etc/ipsec.d/dk.conf'), type: 2 }] });
    await client.waitForDiagnostics(uri('fr/etc/ipsec.d/dk.conf'), (p) => !p.diagnostics.some((d) => d.code === 'column-zero-key'));
    const before = requests.length;
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'ipsec.fixAllInWorkspace', arguments: [] });
    assert.deepEqual(result, { files: 0, fixed: 0, applied: true });
    assert.equal(requests.length, before);
    assert.deepEqual(messages.at(-1), { type: 3, message: 'Nothing to fix: no problem in the workspace has a fix that is safe without a look.' });
  });
});

/** Runs the command once on a new server over `files`, as a client with the given capabilities; what it was asked and told. */
async function runCommandOn(prefix: string, files: Record<string, string>, capabilities: ClientCapabilities) {
  const root = writeWorkspace(prefix, files);
  const client = new LspTestClient();
  const requests: ApplyWorkspaceEditParams[] = [];
  const messages: ShowMessageParams[] = [];
  client.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
    requests.push(params);
    return { applied: true };
  });
  client.connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
    messages.push(params);
  });
  try {
    await client.initializeWorkspace(root, capabilities);
    // Sent at once: for a larger workspace, before the indexing that `initialized` starts is done.
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'ipsec.fixAllInWorkspace', arguments: [] });
    return { root, result, requests, messages };
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
}

describe('the same command for other clients and moments', () => {
  it('sends plain changes by URI to a client without versioned document changes', async () => {
    const { root, result, requests } = await runCommandOn('ipsec-fix-changes-', { 'gw/ipsec.conf': 'conn a\n\tleft=192.0.2.1\nright=192.0.2.2\n\tauto=add\n' }, { workspace: { applyEdit: true } });
    assert.deepEqual(result, { files: 1, fixed: 1, applied: true });
    const target = pathToFileURL(path.join(root, 'gw/ipsec.conf')).href;
    assert.deepEqual(Object.keys(requests[0].edit.changes ?? {}), [target]);
    assert.equal(applied(readFileSync(path.join(root, 'gw/ipsec.conf'), 'utf8'), requests[0].edit.changes![target]), 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n');
  });

  it('asks nothing of a client that applies no edits, and points at ipsec-lint --fix', async () => {
    const { result, requests, messages } = await runCommandOn('ipsec-fix-none-', { 'gw/ipsec.conf': 'conn a\n\tleft=192.0.2.1\nright=192.0.2.2\n' }, {});
    assert.deepEqual(result, { files: 0, fixed: 0, applied: false });
    assert.equal(requests.length, 0);
    assert.match(messages.at(-1)?.message ?? '', /run ipsec-lint --fix on the workspace instead/);
  });

  it('waits for the indexing to end, then covers every gateway', async () => {
    // More gateways than one indexing step takes in, each with a column-0 key in a closed file.
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`gw${i}/ipsec.conf`] = `conn c${i}\n\tleft=192.0.2.${i + 1}\nright=198.51.100.${i + 1}\n\tauto=add\n`;
    const { result, requests } = await runCommandOn('ipsec-fix-indexing-', files, { workspace: { applyEdit: true } });
    assert.deepEqual(result, { files: 12, fixed: 12, applied: true });
    assert.equal(Object.keys(requests[0].edit.changes ?? {}).length, 12);
  });
});
