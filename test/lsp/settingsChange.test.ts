import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';
import { makeTempDir } from '../tempDir';

describe('settings changed while the server runs', () => {
  it('a client that is asked for settings (VS Code) gets a changed ipsec.dialect applied to the gateways', async () => {
    const root = makeTempDir('ipsec-settings-');
    const etc = path.join(root, 'gw', 'etc');
    mkdirSync(etc, { recursive: true });
    const conf = path.join(etc, 'ipsec.conf');
    const text = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n';
    writeFileSync(conf, text);
    let configured: Record<string, unknown> = {};
    const client = new LspTestClient();
    client.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => configured));
    try {
      await client.initializeWorkspace(root, { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } });
      const uri = pathToFileURL(conf).href;
      await client.open(uri, 'ipsec', text);
      const dialect = async (): Promise<string> => ((await client.connection.sendRequest('ipsec/dialect', { uri })) as { label?: string } | null)?.label ?? '';
      const before = await dialect();
      assert.match(before, /dialect\?/, `no evidence and no setting: undecided (${before})`);
      configured = { dialect: 'strongswan' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const deadline = Date.now() + 10_000;
      let after = before;
      while (!/strongSwan/.test(after) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        after = await dialect();
      }
      assert.match(after, /strongSwan/, `the setting reached the gateway model: ${after}`);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
