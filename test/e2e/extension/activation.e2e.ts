import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { window, workspace } from 'vscode';
import { extension, target, waitFor } from './util';

export function activationTests(): void {
  suite('activation', () => {
    test('ipsec.conf files get languageId ipsec', async () => {
      const document = await workspace.openTextDocument(target().uri);
      assert.equal(document.languageId, 'ipsec');
    });

    test('with an ipsec file open the extension is active (a workspace holding an ipsec.conf starts it)', async () => {
      await window.showTextDocument(await workspace.openTextDocument(target().uri));
      await waitFor('the extension to be active', () => extension().isActive, 30_000);
    });
  });
}
