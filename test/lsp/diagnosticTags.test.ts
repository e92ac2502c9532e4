import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DiagnosticTag } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

const FILES: Record<string, string> = {
  'gw/ipsec.conf': '# ipsec-dialect: strongswan-5\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tpfs=yes\n\tauto=add\n',
  'host/racoon/psk.txt': '192.0.2.1 first-key-for-this-peer\n192.0.2.1 second-key-never-read\n',
};

describe('diagnostic tags', () => {
  let root: string;
  let client: LspTestClient;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;
  before(async () => {
    root = writeWorkspace('ipsec-tags-', FILES);
    client = new LspTestClient();
    await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: { tagSupport: { valueSet: [DiagnosticTag.Unnecessary, DiagnosticTag.Deprecated] } } } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('strike through a keyword the daemon ignores, and leave other findings untagged', async () => {
    const conf = uri('gw/ipsec.conf');
    await client.open(conf, 'ipsec', `${FILES['gw/ipsec.conf']}auto=add\n`);
    const published = await client.waitForDiagnostics(conf, (p) => p.diagnostics.some((d) => d.code === 'deprecated-keyword'));
    const tagsOf = (code: string) => published.diagnostics.find((d) => d.code === code)?.tags;
    assert.deepEqual(tagsOf('deprecated-keyword'), [DiagnosticTag.Deprecated]);
    assert.equal(tagsOf('column-zero-key'), undefined);
  });

  it('fade a psk.txt entry that an earlier line shadows', async () => {
    const psk = uri('host/racoon/psk.txt');
    await client.open(psk, 'racoon-psk', FILES['host/racoon/psk.txt']);
    const published = await client.waitForDiagnostics(psk, (p) => p.diagnostics.some((d) => d.code === 'psk-shadowed-entry'));
    const shadowed = published.diagnostics.find((d) => d.code === 'psk-shadowed-entry');
    assert.deepEqual(shadowed?.tags, [DiagnosticTag.Unnecessary]);
    assert.equal(shadowed?.range.start.line, 1);
  });
});
