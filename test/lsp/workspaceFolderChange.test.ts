import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';
import { TWO_GATEWAYS } from './twoGateways';

// Denmark expects France under an ID France does not present: a mismatch only once both are searched.
const FILES = { ...TWO_GATEWAYS, 'dk/ipsec.d/fr.conf': TWO_GATEWAYS['dk/ipsec.d/fr.conf'].replace('@vpn.fr.example', '@gw.fr.example') };

describe('workspace folders added and removed while the server runs', () => {
  let client: LspTestClient;
  let root: string;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;
  const folder = (name: string) => ({ uri: uri(name), name });

  before(async () => {
    root = writeWorkspace('ipsec-folders-', FILES);
    client = new LspTestClient();
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri('fr'),
      workspaceFolders: [folder('fr')],
      capabilities: { workspace: { workspaceFolders: true }, textDocument: { publishDiagnostics: {} } },
    });
    await client.connection.sendNotification('initialized', {});
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it("pairs the gateways of a folder the editor adds, and forgets them when it is removed", async () => {
    const onFrServer = uri('fr/etc/ipsec.d/server.conf');
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder('dk')], removed: [] } });
    const flagged = await client.waitForDiagnostics(onFrServer, (p) => p.diagnostics.some((d) => d.code === 'peer-id-mismatch'));
    assert.match(String(flagged.diagnostics.find((d) => d.code === 'peer-id-mismatch')?.message), /expects "@gw\.fr\.example"/);
    await client.waitForDiagnostics(uri('dk/ipsec.d/fr.conf'), (p) => p.diagnostics.some((d) => d.code === 'peer-id-mismatch'));
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder('dk')] } });
    await client.waitForDiagnostics(onFrServer, (p) => p.diagnostics.length === 0);
    await client.waitForDiagnostics(uri('dk/ipsec.d/fr.conf'), (p) => p.diagnostics.length === 0);
  });
});
