import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Hover, InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';
import { makeTempDir } from '../tempDir';

const RACOON = 'file:///ws/etc/racoon/racoon.conf';
const SETKEY = 'file:///ws/etc/racoon/setkey.conf';

async function complete(client: LspTestClient, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  return (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[];
}

async function hover(client: LspTestClient, uri: string, line: number, character: number): Promise<string> {
  const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
  const contents = result?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

describe('racoon.conf and setkey editor features over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    const result = (await client.initialize({ textDocument: { publishDiagnostics: {} } })) as InitializeResult;
    assert.deepEqual(result.capabilities.completionProvider?.triggerCharacters, ['=', '/'], '"/" opens the next part of a setkey request');
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('completes racoon statements by block and the values of their arguments', async () => {
    await client.open(RACOON, 'racoon', 'remote anonymous {\n\texch\n\tproposal {\n\t\tdh_group \n\t}\n}\n');
    const statements = await complete(client, RACOON, 1, 5);
    const exchange = statements.find((item) => item.label === 'exchange_mode');
    assert.ok(exchange, statements.map((item) => item.label).join(','));
    assert.ok(!statements.some((item) => item.label === 'sainfo'));
    assert.deepEqual(exchange.textEdit, { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 5 } }, newText: 'exchange_mode ' });
    assert.equal(exchange.command?.command, 'editor.action.triggerSuggest');
    const groups = await complete(client, RACOON, 3, 11);
    assert.ok(groups.some((item) => item.label === 'modp2048') && groups.some((item) => item.label === '14'));
  });

  it('hovers racoon directives and values', async () => {
    await client.open('file:///ws/etc/racoon/hover.conf', 'racoon', 'remote anonymous {\n\texchange_mode aggressive;\n}\n');
    assert.match(await hover(client, 'file:///ws/etc/racoon/hover.conf', 1, 3), /\*\*exchange_mode\*\* \(racoon\.conf\)[\s\S]*Allowed in `remote \{ \}`/);
    assert.match(await hover(client, 'file:///ws/etc/racoon/hover.conf', 1, 18), /\*\*aggressive\*\* in `exchange_mode`/);
  });

  it('formats racoon.conf, the whole document and a range', async () => {
    const uri = 'file:///ws/etc/racoon/format.conf';
    await client.open(uri, 'racoon', 'timer { counter 5; }\nlisten {\n  isakmp 192.0.2.1 [500];   \n}\n');
    const options = { tabSize: 4, insertSpaces: false };
    const all = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options })) as TextEdit[];
    assert.deepEqual(all.map((edit) => edit.newText), ['timer {\n\tcounter 5;\n}', '\tisakmp 192.0.2.1 [500];']);
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } };
    const some = (await client.connection.sendRequest('textDocument/rangeFormatting', { textDocument: { uri }, range, options })) as TextEdit[];
    assert.deepEqual(some.map((edit) => [edit.range.start.line, edit.newText]), [[2, '\tisakmp 192.0.2.1 [500];']]);
  });

  it('completes setkey at grammar positions', async () => {
    await client.open(SETKEY, 'setkey', 'spdadd 10.0.1.0/24 10.0.2.0/24 any -P out ipsec\n\tesp/\n');
    const modes = await complete(client, SETKEY, 1, 5);
    assert.deepEqual(modes.map((item) => item.label), ['transport', 'tunnel']);
    assert.equal(modes[0].textEdit?.newText, 'transport/');
    await client.change(SETKEY, 2, 'add 10.0.0.1 10.0.0.2 esp 0x100 -E \n');
    const ciphers = await complete(client, SETKEY, 0, 36);
    assert.equal(ciphers.find((item) => item.label === 'aes-cbc')?.detail, '128/192/256 bits');
  });

  it('hovers setkey words and never shows a key', async () => {
    const uri = 'file:///ws/etc/racoon/keys.setkey';
    await client.open(uri, 'setkey', 'add 10.0.0.1 10.0.0.2 esp 0x100 -E aes-cbc 0x00112233445566778899aabbccddeeff;\n');
    assert.match(await hover(client, uri, 0, 38), /\*\*aes-cbc\*\*/);
    const key = await hover(client, uri, 0, 50);
    assert.match(key, /128 bits long/);
    assert.doesNotMatch(key, /0011/);
  });

  it('formats setkey statements one per line with indented continuations', async () => {
    const uri = 'file:///ws/etc/racoon/fmt.setkey';
    await client.open(uri, 'setkey', 'flush; spdflush;\nspdadd 10.0.0.1 10.0.0.2 any -P out ipsec\n   esp/transport//require;\n');
    const edits = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } })) as TextEdit[];
    assert.deepEqual(edits.map((edit) => edit.newText), ['flush;\nspdflush;', '\tesp/transport//require;']);
  });
});

describe('certificate and key file names over stdio', () => {
  let client: LspTestClient;
  let root: string;
  const file = (name: string) => path.join(root, name);

  before(async () => {
    root = makeTempDir('ipsec-certs-');
    const files: Record<string, string> = {
      'fr/etc/ipsec.conf': '# ipsec-dialect: openswan\nconfig setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
      'fr/etc/ipsec.d/dk.conf': 'conn dk\n\tleftcert=\n',
      'fr/etc/ipsec.d/certs/fr.pem': 'x',
      'fr/etc/ipsec.d/private/fr.key': 'x',
      'fr/etc/ipsec.secrets': ': RSA \n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(file(name)), { recursive: true });
      writeFileSync(file(name), text);
    }
    client = new LspTestClient();
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
      capabilities: {},
    });
    await client.connection.sendNotification('initialized', {});
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('offers ipsec.d/certs after leftcert= and ipsec.d/private after ": RSA "', async () => {
    const conf = pathToFileURL(file('fr/etc/ipsec.d/dk.conf')).href;
    await client.open(conf, 'ipsec', 'conn dk\n\tleftcert=\n');
    const certs = await complete(client, conf, 1, 10);
    assert.deepEqual(certs.map((item) => [item.label, item.kind]), [['fr.pem', 17]]);
    const secrets = pathToFileURL(file('fr/etc/ipsec.secrets')).href;
    await client.open(secrets, 'ipsec-secrets', ': RSA \n');
    assert.deepEqual((await complete(client, secrets, 0, 6)).map((item) => item.label), ['fr.key']);
  });
});
