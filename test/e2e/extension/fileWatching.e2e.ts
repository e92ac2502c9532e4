import { copyFileSync, rmSync } from 'node:fs';
import { suite, suiteTeardown, test } from 'mocha';
import { window, workspace } from 'vscode';
import { diagnosticsWithCode, waitFor, workspaceFile } from './util';

/** examples/ plants mistake 3: Germany's ipsec.d/cacerts lacks the CA of France's certificate. */
const PEER_FILE = 'de/etc/ipsec.d/fr.conf';
const MISSING_CA = 'de/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der';
const CA_SOURCE = 'fr/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der';

export function fileWatchingTests(): void {
  suite('file watching', () => {
    suiteTeardown(() => rmSync(workspaceFile(MISSING_CA).fsPath, { force: true }));

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
  });
}
