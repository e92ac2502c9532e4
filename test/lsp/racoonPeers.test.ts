import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

const PROPOSAL = '\tproposal {\n\t\tencryption_algorithm 3des;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 2;\n\t}\n';
const conf = (peer: string) => `path pre_shared_key "/etc/racoon/psk.txt";\nremote ${peer} {\n\texchange_mode main;\n${PROPOSAL}}\n`;
const policy = (self: string, peer: string) => `spdadd ${self} ${peer} any -P out ipsec esp/transport//require;\nspdadd ${peer} ${self} any -P in ipsec esp/transport//require;\n`;

const FILES: Record<string, string> = {
  'a/etc/racoon/racoon.conf': conf('192.0.2.41'),
  'a/etc/racoon/psk.txt': '192.0.2.41\tEXAMPLE-ONLY-shared\n',
  'a/etc/racoon/setkey.conf': policy('192.0.2.40', '192.0.2.41'),
  'b/etc/racoon/racoon.conf': conf('192.0.2.40'),
  'b/etc/racoon/psk.txt': '192.0.2.40\tEXAMPLE-ONLY-shared\n',
  'b/etc/racoon/setkey.conf': policy('192.0.2.41', '192.0.2.40'),
};

describe('racoon host pairs over LSP', () => {
  let client: LspTestClient;
  let root: string;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;

  before(async () => {
    root = writeWorkspace('ipsec-racoon-', FILES);
    client = new LspTestClient();
    await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: {} } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it("changing one host's key shows the mismatch on the other host's psk.txt (not open), and undoing it clears it", async () => {
    const pskA = uri('a/etc/racoon/psk.txt');
    await client.open(pskA, 'racoon-psk', '192.0.2.41\tEXAMPLE-ONLY-changed\n');
    const onB = await client.waitForDiagnostics(uri('b/etc/racoon/psk.txt'), (p) => p.diagnostics.some((d) => d.code === 'racoon-peer-psk-mismatch'));
    assert.doesNotMatch(JSON.stringify(onB), /EXAMPLE-ONLY/);
    await client.change(pskA, 2, FILES['a/etc/racoon/psk.txt']);
    await client.waitForDiagnostics(uri('b/etc/racoon/psk.txt'), (p) => !p.diagnostics.some((d) => d.code === 'racoon-peer-psk-mismatch'));
  });

  it('puts a code lens naming the peer host over the remote', async () => {
    const confA = uri('a/etc/racoon/racoon.conf');
    await client.open(confA, 'racoon', FILES['a/etc/racoon/racoon.conf']);
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: confA } })) as Array<{ range: { start: { line: number } }; command: { title: string } }>;
    assert.deepEqual(lenses.map((lens) => `${lens.range.start.line}: ${lens.command.title}`), ['1: peer: b remote 192.0.2.40 ✓']);
  });
});
