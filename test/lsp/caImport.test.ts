import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClientCapabilities, CodeAction, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { fixturePath } from '../helpers';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

const HEAD = '# ipsec-dialect: libreswan-4\n';
const CONFS: Record<string, string> = {
  'fr/etc/ipsec.conf': `${HEAD}conn dk\n\tleft=192.0.2.10\n\tleftid=@sake.irisa.fr\n\tleftcert=fr.der\n\tright=198.51.100.20\n\trightid=@test01.epsos.netic.dk\n`,
  'dk/etc/ipsec.conf': `${HEAD}conn fr\n\tleft=198.51.100.20\n\tleftid=@test01.epsos.netic.dk\n\tleftcert=dk.der\n\tright=192.0.2.10\n\trightid=@sake.irisa.fr\n`,
};
/** DK does not trust France's CA, which France's own cacerts holds. */
const PKI: Record<string, string> = {
  'fr/etc/ipsec.d/certs/fr.der': '_ih_VPNGateway_0.der',
  'fr/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der': 'NCPB__FR_IdV_1.der',
  'fr/etc/ipsec.d/cacerts/NCPB__DK_IdV_1.der': 'NCPB__DK_IdV_1.der',
  'dk/etc/ipsec.d/certs/dk.der': '_dk_VPNGateway_0.der',
  'dk/etc/ipsec.d/cacerts/NCPB__DK_IdV_1.der': 'NCPB__DK_IdV_1.der',
};
const CAN_CREATE: ClientCapabilities = { textDocument: { publishDiagnostics: {} }, workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } };

function makeWorkspace(): string {
  const pki = Object.fromEntries(Object.entries(PKI).map(([name, fixture]) => [name, readFileSync(fixturePath('seeds', 'pki', fixture))]));
  return writeWorkspace('ipsec-ca-', { ...CONFS, ...pki });
}

async function caActions(client: LspTestClient, uri: string): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
  const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'ca-missing'));
  const diagnostic = published.diagnostics.find((d) => d.code === 'ca-missing') as Diagnostic;
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
  return { diagnostic, actions: actions.filter((a) => a.title.startsWith('Trust CA')) };
}

describe('quick fix that adds a missing CA, over LSP', () => {
  let client: LspTestClient;
  let root: string;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;

  before(async () => {
    root = makeWorkspace();
    client = new LspTestClient();
    await client.initializeWorkspace(root, CAN_CREATE);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it("creates DK's copy of France's CA as PEM, and the finding clears once the file exists", async () => {
    const dk = uri('dk/etc/ipsec.conf');
    await client.open(dk, 'ipsec', CONFS['dk/etc/ipsec.conf']);
    const { actions } = await caActions(client, dk);
    assert.equal(actions.length, 1);
    assert.notEqual(actions[0].isPreferred, true);
    const changes = actions[0].edit?.documentChanges ?? [];
    const create = changes[0] as CreateFile;
    const target = uri('dk/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.pem');
    assert.deepEqual(create, { kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: false } });
    const text = ((changes[1] as TextDocumentEdit).edits[0] as TextEdit).newText;
    assert.equal(new X509Certificate(text).fingerprint256, new X509Certificate(readFileSync(fixturePath('seeds', 'pki', 'NCPB__FR_IdV_1.der'))).fingerprint256);
    assert.equal(existsSync(fileURLToPath(target)), false, 'the server writes nothing itself');

    // What the editor does when the user picks the fix, then the watcher's notice.
    writeFileSync(fileURLToPath(target), text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: target, type: 1 }] });
    await client.waitForDiagnostics(dk, (p) => !p.diagnostics.some((d) => d.code === 'ca-missing'));
    await client.waitForDiagnostics(uri('fr/etc/ipsec.conf'), (p) => !p.diagnostics.some((d) => d.code === 'ca-missing'));
  });
});

describe('the same fix for an editor that cannot create files', () => {
  it('is not offered', async () => {
    const root = makeWorkspace();
    const client = new LspTestClient();
    await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: {} } });
    const dk = pathToFileURL(path.join(root, 'dk/etc/ipsec.conf')).href;
    await client.open(dk, 'ipsec', CONFS['dk/etc/ipsec.conf']);
    const { actions } = await caActions(client, dk);
    assert.deepEqual(actions, []);
    assert.equal(await client.shutdown(), 0);
  });
});
