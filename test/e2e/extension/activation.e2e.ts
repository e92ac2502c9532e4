import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import { Uri, window, workspace } from 'vscode';
import { extension, target, waitFor } from './util';

export function activationTests(): void {
  suite('activation', () => {
    test('ipsec.conf files get languageId ipsec', async () => {
      const document = await workspace.openTextDocument(target().uri);
      assert.equal(document.languageId, 'ipsec');
    });

    test("FreeBSD's /etc/ipsec.conf, which holds setkey commands, is given languageId setkey", async () => {
      const etc = path.join(mkdtempSync(path.join(tmpdir(), 'freebsd-')), 'etc');
      mkdirSync(etc);
      writeFileSync(path.join(etc, 'ipsec.conf'), 'flush;\nspdflush;\nspdadd 10.1.0.0/16 10.2.0.0/16 any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/require;\n');
      const uri = Uri.file(path.join(etc, 'ipsec.conf'));
      await window.showTextDocument(await workspace.openTextDocument(uri));
      await waitFor('the setkey language', () => workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath)?.languageId === 'setkey');
    });

    test('with an ipsec file open the extension is active (a workspace holding an ipsec.conf starts it)', async () => {
      await window.showTextDocument(await workspace.openTextDocument(target().uri));
      await waitFor('the extension to be active', () => extension().isActive, 30_000);
    });
  });
}
