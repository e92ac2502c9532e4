import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Command, ShowDocumentParams } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

const FILES: Record<string, string> = {
  'fr/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  'fr/etc/ipsec.d/dk.conf': 'conn dk\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\n\tauto=add\n',
  'dk/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  'dk/ipsec.d/fr.conf': '# France\n\nconn fr\n\tleft=198.51.100.20\n\tleftid=@vpn.dk.example\n\tright=192.0.2.10\n\trightid=@vpn.fr.example\n\tauto=add\n',
};

async function lensCommand(client: LspTestClient, uri: string): Promise<Command> {
  const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as Array<{ command: Command }>;
  assert.equal(lenses.length, 1);
  return lenses[0].command;
}

describe('a code lens takes the editor to the peer conn', () => {
  let root: string;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;
  const clients: LspTestClient[] = [];
  before(() => {
    root = writeWorkspace('ipsec-lens-', FILES);
  });
  after(async () => {
    for (const client of clients) assert.equal(await client.shutdown(), 0);
  });

  it('asks the editor to show the peer conn when the lens is clicked', async () => {
    const client = new LspTestClient();
    clients.push(client);
    const shown: ShowDocumentParams[] = [];
    client.connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      shown.push(params);
      return { success: true };
    });
    const result = (await client.initializeWorkspace(root, { window: { showDocument: { support: true } } })) as { capabilities: { executeCommandProvider?: { commands: string[] } } };
    assert.deepEqual(result.capabilities.executeCommandProvider?.commands, ['ipsec.showPeer', 'ipsec.fixAllInWorkspace']);
    const command = await lensCommand(client, uri('fr/etc/ipsec.d/dk.conf'));
    assert.equal(command.title, 'peer: dk conn fr ✓');
    assert.equal(command.command, 'ipsec.showPeer');
    await client.connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: command.arguments });
    const deadline = Date.now() + 5000;
    while (shown.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(shown, [{ uri: uri('dk/ipsec.d/fr.conf'), selection: { start: { line: 2, character: 5 }, end: { line: 2, character: 7 } }, takeFocus: true }]);
  });

  it('leaves the lens as plain text for an editor that cannot be asked to show a document, and ignores odd arguments', async () => {
    const client = new LspTestClient();
    clients.push(client);
    await client.initializeWorkspace(root, {});
    assert.equal((await lensCommand(client, uri('fr/etc/ipsec.d/dk.conf'))).command, '');
    await client.connection.sendRequest('workspace/executeCommand', { command: 'ipsec.showPeer', arguments: ['file:///x', 'not a range'] });
    assert.equal(client.stderr.includes('Error'), false, client.stderr);
  });
});
