import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';
import { makeTempDir } from '../tempDir';

describe('ipsec.secrets in the editor', () => {
  it('is judged in the dialect of its gateway, as the CLI does', async () => {
    const root = makeTempDir('ipsec-secrets-lsp-');
    const etc = path.join(root, 'gw', 'etc');
    mkdirSync(etc, { recursive: true });
    writeFileSync(path.join(etc, 'ipsec.conf'), 'config setup\n\tcharondebug="ike 1"\n\nconn a\n\tkeyexchange=ikev2\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=psk\n\tauto=add\n');
    const secretsText = '192.0.2.1 192.0.2.2 : psk "not-shown-anywhere"\n';
    writeFileSync(path.join(etc, 'ipsec.secrets'), secretsText, { mode: 0o600 });
    const client = new LspTestClient();
    try {
      await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: {} } });
      const uri = pathToFileURL(path.join(etc, 'ipsec.secrets')).href;
      await client.open(uri, 'ipsec-secrets', secretsText);
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'secret-type'), 10_000);
      const finding = published.diagnostics.find((d) => d.code === 'secret-type');
      assert.equal(finding?.severity, 1, 'strongSwan stops at a lower-case type: an error once the dialect is known');
      assert.match(JSON.stringify(finding?.message ?? ''), /strongSwan/);
      assert.ok(!JSON.stringify(published).includes('not-shown-anywhere'));
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
