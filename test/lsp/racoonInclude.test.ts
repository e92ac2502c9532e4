import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

const office = (parent: string) => `remote "office" inherit "${parent}" {\n\texchange_mode main;\n}\n`;

const FILES: Record<string, string> = {
  'etc/racoon/racoon.conf': 'remote "base" {\n\tremote_address 192.0.2.1;\n\texchange_mode main;\n}\ninclude "/etc/racoon/racoon.d/*.conf";\n',
  'etc/racoon/racoon.d/racoon-office.conf': office('base'),
};

describe('an open file that racoon.conf includes, over LSP', () => {
  let client: LspTestClient;
  let root: string;

  before(async () => {
    root = writeWorkspace('ipsec-racoon-include-', FILES);
    client = new LspTestClient();
    await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: {} } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('finds a parent in racoon.conf above the include, and names one it does not hold once', async () => {
    const fragment = pathToFileURL(path.join(root, 'etc/racoon/racoon.d/racoon-office.conf')).href;
    await client.open(fragment, 'racoon', office('bsae'));
    const wrong = await client.waitForDiagnostics(fragment, (p) => p.diagnostics.length > 0);
    assert.deepEqual(wrong.diagnostics.map((d) => d.code), ['racoon-host-remote-name']);
    await client.change(fragment, 2, office('base'));
    await client.waitForDiagnostics(fragment, (p) => p.diagnostics.length === 0);
  });
});
