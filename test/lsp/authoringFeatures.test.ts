import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { fixturePath } from '../helpers';
import { LspTestClient } from './lspClient';
import { makeTempDir } from '../tempDir';

const PSK_MARKER = 'MARKER-LSP-PSK-2718';
const PASSPHRASE_MARKER = 'MARKER-LSP-PASS-3141';

const FILES: Record<string, string> = {
  'fr/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\n\tnat_traversal=yes\ninclude /etc/ipsec.d/*.conf\n',
  'fr/etc/ipsec.d/dk.conf': 'conn dk\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n\tleftcert=gateway.der\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\n\tauto=add\n',
  'fr/etc/ipsec.secrets': `@vpn.fr.example @vpn.dk.example : PSK "${PSK_MARKER}"\n: RSA vpn.key "${PASSPHRASE_MARKER}"\n`,
  'dk/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\nconn fr\n\tleft=198.51.100.20\n\tleftid=@vpn.dk.example\n\tright=192.0.2.10\n\trightid=@wrong.fr.example\n\tauto=add\n',
  'h/etc/racoon/racoon.conf': 'remote 192.0.2.2 {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group modp2048;\n\t}\n}\n',
  'h/etc/racoon/psk.txt': `192.0.2.9\t${PSK_MARKER}\n`,
};

async function hoverText(client: LspTestClient, uri: string, line: number, character: number): Promise<string> {
  const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
  const contents = result?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

async function complete(client: LspTestClient, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  return (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[];
}

/** A server on a fresh copy of FILES (and a certificate), indexed before the first test. */
async function startOn(snippetSupport: boolean): Promise<{ client: LspTestClient; root: string; uri: (name: string) => string; modelChanges: () => number }> {
  const root = makeTempDir('ipsec-authoring-');
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  mkdirSync(path.join(root, 'fr/etc/ipsec.d/certs'), { recursive: true });
  copyFileSync(fixturePath('certs', 'gateway.der'), path.join(root, 'fr/etc/ipsec.d/certs/gateway.der'));
  const client = new LspTestClient();
  let changes = 0;
  client.connection.onNotification('ipsec/modelChanged', () => {
    changes++;
  });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
    capabilities: { textDocument: { publishDiagnostics: {}, completion: { completionItem: { snippetSupport } } } },
  });
  await client.connection.sendNotification('initialized', {});
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;
  // Indexing is done once the closed peer file shows the cross-file mismatch.
  await client.waitForDiagnostics(uri('fr/etc/ipsec.d/dk.conf'), (p) => p.diagnostics.some((d) => d.code === 'peer-id-mismatch'), 10_000);
  return { client, root, uri, modelChanges: () => changes };
}

describe('authoring features over stdio', () => {
  let server: Awaited<ReturnType<typeof startOn>>;
  before(async () => {
    server = await startOn(true);
  });
  after(async () => {
    assert.equal(await server.client.shutdown(), 0);
    rmSync(server.root, { recursive: true, force: true });
  });

  it('hovers a leftcert with the certificate facts', async () => {
    const { client, uri } = server;
    await client.open(uri('fr/etc/ipsec.d/dk.conf'), 'ipsec', FILES['fr/etc/ipsec.d/dk.conf']);
    const text = await hoverText(client, uri('fr/etc/ipsec.d/dk.conf'), 3, 12);
    assert.match(text, /\*\*Certificate\*\* `\/etc\/ipsec\.d\/certs\/gateway\.der`/);
    assert.match(text, /Subject: `O=ipsec-lint tests, CN=gw\.test\.example`/);
    assert.match(text, /SHA-256 fingerprint: `[0-9A-F:]{95}`/);
    assert.match(text, /No CA in \/etc\/ipsec\.d\/cacerts issued it/);
  });

  it('hovers ipsec.secrets and psk.txt without ever sending a secret', async () => {
    const { client, uri } = server;
    const secrets = uri('fr/etc/ipsec.secrets');
    await client.open(secrets, 'ipsec-secrets', FILES['fr/etc/ipsec.secrets']);
    const psk = uri('h/etc/racoon/psk.txt');
    await client.open(psk, 'racoon-psk', FILES['h/etc/racoon/psk.txt']);
    const texts: string[] = [];
    for (const [target, text] of [[secrets, FILES['fr/etc/ipsec.secrets']], [psk, FILES['h/etc/racoon/psk.txt']]] as const) {
      const lines = text.split('\n');
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= lines[line].length; character++) texts.push(await hoverText(client, target, line, character));
      }
    }
    assert.ok(texts.some((t) => /Named by conn dk \(rightid\)/.test(t)));
    assert.ok(texts.some((t) => /\*\*The pre-shared key\*\* \(not shown\)/.test(t)));
    assert.ok(texts.some((t) => /\*\*Pre-shared key\*\* \(not shown\)/.test(t)));
    for (const text of texts) assert.ok(!text.includes('MARKER'), text);
  });

  it('offers the psk.txt entry and a closing brace as quick fixes', async () => {
    const { client, uri } = server;
    const racoon = uri('h/etc/racoon/racoon.conf');
    await client.open(racoon, 'racoon', `${FILES['h/etc/racoon/racoon.conf']}sainfo anonymous {\n\tpfs_group 2;\n`);
    const published = await client.waitForDiagnostics(racoon, (p) => p.diagnostics.some((d) => d.code === 'racoon-psk-missing') && p.diagnostics.some((d) => d.code === 'racoon-unbalanced-brace'));
    const actionsFor = async (code: string): Promise<CodeAction[]> => {
      const diagnostic = published.diagnostics.find((d) => d.code === code) as Diagnostic;
      return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: racoon }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    };
    const [addEntry] = await actionsFor('racoon-psk-missing');
    assert.equal(addEntry.title, 'Add a line for 192.0.2.2 to psk.txt (with a placeholder key)');
    assert.deepEqual(addEntry.edit?.changes?.[uri('h/etc/racoon/psk.txt')]?.map((e) => e.newText), ['192.0.2.2\tREPLACE-WITH-SHARED-KEY\n']);
    const [close] = await actionsFor('racoon-unbalanced-brace');
    assert.equal(close.title, 'Close the block with `}`');
    assert.deepEqual(close.edit?.changes?.[racoon]?.map((e) => e.newText), ['\n}']);
  });

  it('offers a new random pre-shared key for a short one, made when asked and never in the diagnostic', async () => {
    const { client, uri } = server;
    const secrets = uri('w/etc/ipsec.secrets');
    await client.open(secrets, 'ipsec-secrets', '@w @v : PSK "MARKER"\n');
    const published = await client.waitForDiagnostics(secrets, (p) => p.diagnostics.some((d) => d.code === 'weak-psk'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'weak-psk') as Diagnostic;
    assert.doesNotMatch(JSON.stringify(published), /0x[0-9a-f]{64}/, 'no key is sent with the diagnostic');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: secrets }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const replace = actions.find((a) => a.title.startsWith('Replace with a new random key'));
    assert.ok(replace, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(replace.isPreferred, false);
    assert.match(replace.edit?.changes?.[secrets]?.[0].newText ?? '', /^0x[0-9a-f]{64}$/);
  });

  it("offers to pin the gateway's daemon from a notice that only the dialect makes uncertain", async () => {
    const { client, uri, root } = server;
    const text = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tfragmentation=force\n\tauto=add\n';
    mkdirSync(path.join(root, 'u/etc'), { recursive: true });
    writeFileSync(path.join(root, 'u/etc/ipsec.conf'), text);
    const conf = uri('u/etc/ipsec.conf');
    await client.open(conf, 'ipsec', text);
    const published = await client.waitForDiagnostics(conf, (p) => p.diagnostics.some((d) => d.code === 'unknown-keyword'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'unknown-keyword') as Diagnostic;
    assert.equal(diagnostic.severity, 3);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: conf }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const pin = actions.find((a) => a.title === 'This gateway runs Libreswan: write "# ipsec-dialect: libreswan"');
    assert.ok(pin, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(Object.values(pin.edit?.changes ?? {}).flat().map((e) => e.newText), ['# ipsec-dialect: libreswan\n']);
  });

  it('offers snippets in completion, as snippets, where they fit', async () => {
    const { client, uri } = server;
    const conf = uri('fr/etc/ipsec.d/new.conf');
    await client.open(conf, 'ipsec', 'conn x\n\tleft=192.0.2.1\n\n');
    const atColumnZero = await complete(client, conf, 2, 0);
    const country = atColumnZero.find((item) => item.label === 'conn country');
    assert.equal(country?.insertTextFormat, 2);
    assert.equal(country?.kind, 15);
    assert.match(country?.textEdit?.newText ?? '', /^conn \$\{1:dk\}\n\tright=\$\{2:198\.51\.100\.7\}/);
    assert.ok(!(await complete(client, conf, 1, 1)).some((item) => item.kind === 15), 'no snippet inside a conn');
    // fr's gateway says nat_traversal=yes, so it runs Openswan: no strongSwan or Libreswan road-warrior server.
    assert.deepEqual(atColumnZero.filter((item) => item.label.startsWith('conn roadwarrior')), []);
    const loose = uri('elsewhere/ipsec.conf');
    await client.open(loose, 'ipsec', 'config setup\n\tcharondebug="ike 1"\n\n');
    assert.deepEqual((await complete(client, loose, 2, 0)).filter((item) => item.label.startsWith('conn roadwarrior')).map((item) => item.label), ['conn roadwarrior-eap']);
    const setkey = uri('h/etc/racoon/setkey.conf');
    await client.open(setkey, 'setkey', 'flush;\n\n');
    assert.deepEqual((await complete(client, setkey, 1, 0)).filter((item) => item.kind === 15).map((item) => item.label), ['spdadd transport', 'spdadd tunnel', 'spdadd gateways']);
  });

  it('shows the dialect of the gateway for a file written and opened before the watcher reports it', async () => {
    const { client, uri, root, modelChanges } = server;
    const before = modelChanges();
    writeFileSync(path.join(root, 'fr/etc/ipsec.d/se.conf'), 'conn se\n\tright=203.0.113.9\n\trightid=@vpn.se.example\n\tauto=add\n');
    await client.open(uri('fr/etc/ipsec.d/se.conf'), 'ipsec', 'conn se\n\tright=203.0.113.9\n\trightid=@vpn.se.example\n\tauto=add\n');
    const status = (await client.connection.sendRequest('ipsec/dialect', { uri: uri('fr/etc/ipsec.d/se.conf') })) as { label: string };
    assert.equal(status.label, 'IPsec: Openswan');
    const deadline = Date.now() + 5000;
    while (modelChanges() === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(modelChanges() > before, 'the client is told to ask again');
    const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'se' })) as Array<{ name: string }>;
    assert.ok(symbols.some((s) => s.name === 'se'), 'the new file is part of its gateway');
  });

  it('names the gateway of each peer matrix reason', async () => {
    const matrix = (await server.client.connection.sendRequest('ipsec/peerMatrix')) as { cells: Array<{ node: string; conn: string; reasons: Array<{ node: string; code: string }> }> };
    const frToDk = matrix.cells.find((c) => c.node === 'fr' && c.conn === 'dk');
    const reasons = frToDk?.reasons.map((r) => `${r.node} ${r.code}`) ?? [];
    assert.ok(reasons.includes('fr peer-id-mismatch') && reasons.includes('dk peer-id-mismatch'), reasons.join(', '));
    assert.equal(reasons[0].split(' ')[0], 'fr', "the row's own end first");
  });
});

describe('snippets and a client without snippet support', () => {
  it('offers no snippet', async () => {
    const server = await startOn(false);
    try {
      const conf = server.uri('fr/etc/ipsec.d/other.conf');
      await server.client.open(conf, 'ipsec', '\n');
      assert.deepEqual((await complete(server.client, conf, 0, 0)).filter((item) => item.kind === 15), []);
    } finally {
      assert.equal(await server.client.shutdown(), 0);
      rmSync(server.root, { recursive: true, force: true });
    }
  });
});
