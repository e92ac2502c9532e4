import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MAX_CHECKED_LENGTH } from '../../server/src/model/sizeLimits';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

const REMOTE = 'remote 198.18.0.1 {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha256;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group modp2048;\n\t}\n}\n';
const SMALL = `path pre_shared_key "/etc/racoon/psk.txt";\n${REMOTE}`;
/** Well-formed racoon.conf, but larger than a file that is checked. */
const HUGE = SMALL + '# padding\n'.repeat(Math.ceil(MAX_CHECKED_LENGTH / 10));

describe('a document too large to check, over LSP', () => {
  let client: LspTestClient;
  let uri: string;

  before(async () => {
    const root = writeWorkspace('ipsec-large-', { 'gw/etc/racoon/racoon.conf': SMALL, 'gw/etc/racoon/psk.txt': '198.18.0.1\tEXAMPLE-ONLY-0123456789abcdef\n' });
    uri = pathToFileURL(path.join(root, 'gw/etc/racoon/racoon.conf')).href;
    client = new LspTestClient();
    await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: {} } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('gets one file-too-large warning, no formatting edit that would empty it, and is checked again once it is small', async () => {
    await client.open(uri, 'racoon', HUGE);
    const shown = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'file-too-large'), 30_000);
    assert.deepEqual(
      shown.diagnostics.map((d) => [d.code, d.severity]),
      [['file-too-large', 2]],
    );
    const edits = await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 8, insertSpaces: false } });
    assert.ok(edits === null || (Array.isArray(edits) && edits.length === 0), 'no formatting edits');
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });

    await client.change(uri, 2, SMALL.replace('exchange_mode main;', 'exchange_mode mian;'));
    const small = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0 && p.diagnostics.every((d) => d.code !== 'file-too-large'), 30_000);
    assert.deepEqual([...new Set(small.diagnostics.map((d) => d.code))], ['racoon-bad-value']);
  });
});

describe('a file on disk too large to check, over LSP', () => {
  it('is named in one warning once the workspace is indexed', async () => {
    const root = writeWorkspace('ipsec-large-disk-', { 'gw/etc/racoon/racoon.conf': SMALL, 'gw/etc/racoon/psk.txt': '198.18.0.1\tEXAMPLE-ONLY-0123456789abcdef\n' });
    writeFileSync(path.join(root, 'gw/etc/racoon/setkey.conf'), `# ${'x'.repeat(MAX_CHECKED_LENGTH)}\n`);
    const client = new LspTestClient();
    const messages: string[] = [];
    client.connection.onNotification('window/showMessage', (params: { message: string }) => {
      messages.push(params.message);
    });
    try {
      await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: {} } });
      const deadline = Date.now() + 20_000;
      while (!messages.some((m) => m.includes('not read')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const warning = messages.find((m) => m.includes('not read'));
      assert.ok(warning, `expected a message naming the file, got ${JSON.stringify(messages)}`);
      assert.match(warning, /^IPsec: 1 file\(s\) were not read, each being over 8 MB .*setkey\.conf\. The checks across files leave them out\.$/);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
