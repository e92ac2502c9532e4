import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { suite, suiteTeardown, test } from 'mocha';
import { commands, window, workspace, type CodeAction } from 'vscode';
import { diagnosticsWithCode, waitFor, workspaceFile } from './util';

/** examples/ plants mistake 3: Germany's ipsec.d/cacerts lacks the CA of France's certificate. */
const PEER_FILE = 'de/etc/ipsec.d/fr.conf';
const MISSING_CA = 'de/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der';
const CA_SOURCE = 'fr/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der';
const CA_COPY = 'de/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.pem';

export function fileWatchingTests(): void {
  suite('file watching', () => {
    suiteTeardown(() => {
      rmSync(workspaceFile(MISSING_CA).fsPath, { force: true });
      rmSync(workspaceFile(CA_COPY).fsPath, { force: true });
    });

    test('copying the missing CA into ipsec.d/cacerts (outside VS Code) clears ca-missing on the peer file', async () => {
      const peer = workspaceFile(PEER_FILE);
      await window.showTextDocument(await workspace.openTextDocument(peer));
      await waitFor('ca-missing on the peer file', () => diagnosticsWithCode(peer, 'ca-missing').length > 0);
      copyFileSync(workspaceFile(CA_SOURCE).fsPath, workspaceFile(MISSING_CA).fsPath);
      await waitFor('ca-missing to go away', () => diagnosticsWithCode(peer, 'ca-missing').length === 0);
    });

    test('deleting it again brings ca-missing back', async () => {
      const peer = workspaceFile(PEER_FILE);
      rmSync(workspaceFile(MISSING_CA).fsPath);
      await waitFor('ca-missing to come back', () => diagnosticsWithCode(peer, 'ca-missing').length > 0);
    });

    test('the quick fix "Trust CA …" writes a PEM copy of the CA France holds, saved, and ca-missing clears', async () => {
      const peer = workspaceFile(PEER_FILE);
      const [diagnostic] = await waitFor('ca-missing on the peer file', () => {
        const found = diagnosticsWithCode(peer, 'ca-missing');
        return found.length > 0 && found;
      });
      const actions = await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', peer, diagnostic.range);
      const trust = actions.find((action) => action.title.startsWith('Trust CA'));
      assert.ok(trust?.edit && trust.command, `actions: ${actions.map((action) => action.title).join(' | ')}`);
      assert.match(trust.title, /^Trust CA "NCPB FR IdV 1 \(example CA\)": copy it from \S+\/ipsec\.d\/cacerts to de\/etc\/ipsec\.d\/cacerts\/NCPB__FR_IdV_1\.pem$/);
      // What the workbench does when the fix is picked: the edit, then the action's command.
      assert.ok(await workspace.applyEdit(trust.edit));
      await commands.executeCommand(trust.command.command, ...(trust.command.arguments ?? []));
      await waitFor('ca-missing to go away', () => diagnosticsWithCode(peer, 'ca-missing').length === 0);
      const copy = workspaceFile(CA_COPY).fsPath;
      assert.ok(existsSync(copy));
      assert.match(readFileSync(copy, 'utf8'), /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    });
  });
}
