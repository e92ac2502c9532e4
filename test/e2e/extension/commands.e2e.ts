import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { suite, test } from 'mocha';
import { commands, languages, Position, Selection, TabInputWebview, window, workspace, type QuickPickItem, type Tab } from 'vscode';
import { codeOf, diagnosticsWithCode, extension, lineOfKey, replaceMethods, sleep, waitFor, workspaceFile } from './util';

const allTabs = (): Tab[] => window.tabGroups.all.flatMap((group) => group.tabs);

export function commandTests(): void {
  suite('commands and views', () => {
    test('IPsec: Set Dialect of This Gateway writes # ipsec-dialect: into ipsec.conf, and the checks follow', async () => {
      const conf = workspaceFile('de/etc/ipsec.conf');
      const original = readFileSync(conf.fsPath, 'utf8');
      await window.showTextDocument(await workspace.openTextDocument(workspaceFile('de/etc/ipsec.d/fr.conf')));
      await waitFor('the extension to be active', () => extension().isActive);
      const offered: string[] = [];
      const restore = replaceMethods(window, {
        showQuickPick: async (items: readonly QuickPickItem[] | Thenable<readonly QuickPickItem[]>) => {
          const list = [...(await items)];
          offered.push(...list.map((item) => item.label));
          return list.find((item) => item.label === 'Libreswan 5');
        },
      });
      try {
        await commands.executeCommand('ipsec.setDialect');
        assert.deepEqual(offered, ['Libreswan 5', 'Libreswan 4', 'Libreswan 3', 'strongSwan 6', 'strongSwan 5', 'Openswan 2.6']);
        const written = await waitFor('the saved comment', () => readFileSync(conf.fsPath, 'utf8').startsWith('# ipsec-dialect: libreswan-5\n') && readFileSync(conf.fsPath, 'utf8'));
        assert.equal(written, `# ipsec-dialect: libreswan-5\n${original}`);
        // Openswan's nat_traversal= is now judged by Libreswan 5, which refuses it.
        await window.showTextDocument(await workspace.openTextDocument(conf));
        await waitFor('unknown-keyword on nat_traversal', () => diagnosticsWithCode(conf, 'unknown-keyword').some((d) => d.message.includes('nat_traversal')));
      } finally {
        restore();
        writeFileSync(conf.fsPath, original);
        await commands.executeCommand('workbench.action.files.revert');
      }
    });

    test('IPsec: Fix All Safe Problems in the Workspace fixes a file that is not open, through the editor, and saves it', async () => {
      const peerFile = workspaceFile('de/etc/ipsec.d/fr.conf');
      const original = readFileSync(peerFile.fsPath, 'utf8');
      const line = lineOfKey(original, 'auto');
      assert.ok(line > 0 && original.split('\n')[line - 1].startsWith('auto='), 'examples/ plants a column-0 auto= in de/etc/ipsec.d/fr.conf');
      await commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor('the extension to be active', () => extension().isActive);
      await waitFor('column-zero-key on the closed fr.conf', () => diagnosticsWithCode(peerFile, 'column-zero-key').length > 0, 15_000);
      // The client's last pull of a document whose tab closed settles first, as it would long before a user runs the command.
      await sleep(1000);
      try {
        const outcome = await commands.executeCommand('ipsec.fixAllInWorkspace');
        assert.deepEqual(outcome, { files: 1, fixed: 1, applied: true }, JSON.stringify(outcome));
        const saved = await waitFor('fr.conf saved with auto= indented', () => {
          const text = readFileSync(peerFile.fsPath, 'utf8');
          return text !== original && text;
        }, 15_000);
        assert.equal(saved, original.replace(/^auto=/m, '\tauto='));
        // Held by VS Code without a tab, fr.conf is pulled by no one but the workspace report: its
        // other findings stay listed, the fixed one goes.
        const remaining = await waitFor('column-zero-key gone from fr.conf, the rest still listed', () => {
          const codes = languages.getDiagnostics(peerFile).map(codeOf).sort();
          return !codes.includes('column-zero-key') && codes.length > 0 && codes;
        }, 15_000);
        assert.deepEqual(remaining, ['ca-missing', 'cert-id-mismatch', 'peer-id-mismatch']);
      } finally {
        // Put the planted mistake back, without leaving an unsaved editor that would ask before closing.
        const open = workspace.textDocuments.find((d) => d.uri.fsPath === peerFile.fsPath);
        if (open?.isDirty) {
          await window.showTextDocument(open);
          await commands.executeCommand('workbench.action.files.revert');
        }
        writeFileSync(peerFile.fsPath, original);
        await commands.executeCommand('workbench.action.closeAllEditors');
      }
      await waitFor('column-zero-key back on fr.conf', () => diagnosticsWithCode(peerFile, 'column-zero-key').length > 0, 15_000);
    });

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
