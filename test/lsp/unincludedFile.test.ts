import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

const FILES: Record<string, string> = {
  'gw/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\n',
  'gw/etc/ipsec.d/it.conf': 'conn it\n\tleft=192.0.2.1\n\tright=198.51.100.7\n\tauto=start\n',
};

describe('a conn file no include reads, over LSP', () => {
  let client: LspTestClient;
  let root: string;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;

  before(async () => {
    root = writeWorkspace('ipsec-unincluded-', FILES);
    client = new LspTestClient();
    await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: {} }});
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('is reported on the file, its quick fix edits ipsec.conf, and the warning goes once that edit is in', async () => {
    const itConf = uri('gw/etc/ipsec.d/it.conf');
    await client.open(itConf, 'ipsec', FILES['gw/etc/ipsec.d/it.conf']);
    const published = await client.waitForDiagnostics(itConf, (p) => p.diagnostics.some((d) => d.code === 'conn-file-not-included'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'conn-file-not-included');
    assert.ok(diagnostic);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: itConf }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith('Add "include /etc/ipsec.d/*.conf"'));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const edits: TextEdit[] = fix.edit?.changes?.[uri('gw/etc/ipsec.conf')] ?? [];
    assert.deepEqual(edits.map((e) => e.newText), ['include /etc/ipsec.d/*.conf\n']);
    assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), [uri('gw/etc/ipsec.conf')]);
    await client.open(uri('gw/etc/ipsec.conf'), 'ipsec', `${FILES['gw/etc/ipsec.conf']}include /etc/ipsec.d/*.conf\n`);
    await client.waitForDiagnostics(itConf, (p) => !p.diagnostics.some((d) => d.code === 'conn-file-not-included'));
  });
});
