import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { suite, test } from 'mocha';
import { commands, Position, Selection, TabInputWebview, window, workspace, type Tab } from 'vscode';
import { extension, lineOfKey, sleep, waitFor, workspaceFile } from './util';

const allTabs = (): Tab[] => window.tabGroups.all.flatMap((group) => group.tabs);

export function commandTests(): void {
  suite('commands and views', () => {
    test('IPsec: Show Peer Matrix opens the matrix webview panel', async () => {
      await window.showTextDocument(await workspace.openTextDocument(workspaceFile('de/etc/ipsec.d/fr.conf')));
      await waitFor('the extension to be active', () => extension().isActive);
      const isMatrix = (tab: Tab) => tab.input instanceof TabInputWebview && tab.input.viewType.endsWith('ipsec.peerMatrix');
      assert.equal(allTabs().filter(isMatrix).length, 0, 'no matrix before the command');
      await commands.executeCommand('ipsec.showPeerMatrix');
      const tab = await waitFor('a webview tab of type ipsec.peerMatrix', () => allTabs().find(isMatrix));
      assert.equal(tab.label, 'IPsec Peer Matrix');
      assert.ok(tab.isActive, 'the matrix is the active tab of its group');
      await commands.executeCommand('ipsec.showPeerMatrix');
      assert.equal(allTabs().filter(isMatrix).length, 1, 'showing it again reuses the panel');
      await window.tabGroups.close(tab);
    });

    test('IPsec: Show Effective Connection opens a read-only document with %default applied', async () => {
      const peerFile = workspaceFile('de/etc/ipsec.d/fr.conf');
      const defaults = readFileSync(workspaceFile('de/etc/ipsec.d/server.conf').fsPath, 'utf8');
      const editor = await window.showTextDocument(await workspace.openTextDocument(peerFile));
      const header = editor.document.getText().split(/\r?\n/).findIndex((line) => line.startsWith('conn fr'));
      assert.ok(header >= 0, 'fr.conf has its conn fr');
      editor.selection = new Selection(header, 6, header, 6);
      await commands.executeCommand('ipsec.showEffectiveConnection');
      const view = await waitFor('the effective connection view', () => window.activeTextEditor?.document.uri.scheme === 'ipsec-effective' && window.activeTextEditor);
      const text = view.document.getText();
      assert.equal(view.document.languageId, 'ipsec');
      assert.match(text, /^conn fr$/m);
      // Merged: its own settings, and those of conn %default in server.conf, each with its origin.
      assert.match(text, /^\trightid=@ncp\.fr\.example +# fr\.conf:8$/m);
      assert.match(text, new RegExp(`^\\tauthby=rsasig +# %default, server\\.conf:${lineOfKey(defaults, 'authby')}$`, 'm'));
      assert.match(text, new RegExp(`^\\tleftid=@vpn\\.de\\.example +# %default, server\\.conf:${lineOfKey(defaults, 'leftid')}$`, 'm'));
      // Read-only: an edit through the editor changes nothing.
      await view.edit((edit) => edit.insert(new Position(0, 0), 'edited '));
      await sleep(300);
      assert.equal(view.document.getText(), text, 'the view accepted an edit');
      assert.equal(view.document.isDirty, false);
      await commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });
}
