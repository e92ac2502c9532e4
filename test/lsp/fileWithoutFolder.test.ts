import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

/** A strongSwan gateway, which skips the Libreswan keyword in the conn file; `also=common` is in ipsec.conf. */
const GATEWAY = {
  'de/etc/ipsec.conf': '# ipsec-dialect: strongswan-5\nconfig setup\n\tcharondebug="ike 1"\n\nconn common\n\tleft=192.0.2.10\n\tleftid=@vpn.de.example\n\tauthby=secret\n\ninclude /etc/ipsec.d/*.conf\n',
  'de/etc/ipsec.d/fr.conf': 'conn fr\n\talso=comon\n\tright=198.51.100.20\n\trightid=@vpn.fr.example\n\tnat-ikev1-method=drafts\n\tauto=add\n',
};

describe('a file opened without a workspace folder', () => {
  let client: LspTestClient;
  let root: string;

  before(async () => {
    root = writeWorkspace('ipsec-no-folder-', GATEWAY);
    client = new LspTestClient();
    // No folder: the editor opened one file, as `code /etc/ipsec.d/fr.conf` does.
    await client.initialize({ textDocument: { publishDiagnostics: {} } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it("is judged in its gateway, found around it: the gateway's daemon and the conns of ipsec.conf", async () => {
    const filePath = path.join(root, 'de/etc/ipsec.d/fr.conf');
    const uri = pathToFileURL(filePath).href;
    const text = readFileSync(filePath, 'utf8');
    await client.open(uri, 'ipsec', text);
    const pulled = async (): Promise<string[]> => {
      const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport & { items: Diagnostic[] };
      return report.items.map((d) => `${d.range.start.line + 1} ${String(d.code)}`).sort();
    };
    // The typo in also= is found only against ipsec.conf's conns, the keyword only for strongSwan.
    assert.deepEqual(await pulled(), ['2 also-undefined', '5 unknown-keyword']);
    await client.change(uri, 2, text.replace('comon', 'common'));
    assert.deepEqual(await pulled(), ['5 unknown-keyword']);
  });
});
