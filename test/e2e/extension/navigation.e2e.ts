import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { commands, MarkdownString, Position, window, workspace, type CodeAction, type DocumentHighlight, type Hover, type Location, type WorkspaceEdit } from 'vscode';
import { diagnosticsWithCode, waitFor, workspaceFile } from './util';

/** France's own ID, which Denmark's conn expects (Germany expects another: mistake 2 of examples/). */
const FRANCE_SERVER = 'fr/etc/ipsec.d/server.conf';
const DENMARK_PEER = 'dk/ipsec.d/fr.conf';
const GERMANY_PEER = 'de/etc/ipsec.d/fr.conf';

const relative = (fsPath: string): string => fsPath.slice((process.env.IPSEC_E2E_WORKSPACE ?? '').length + 1);

export function navigationTests(): void {
  suite('addresses and IDs across gateways', () => {
    const leftid = new Position(16, 9);

    test('references, highlights and hover on France\'s leftid reach Denmark\'s rightid', async () => {
      const server = workspaceFile(FRANCE_SERVER);
      await window.showTextDocument(await workspace.openTextDocument(server));
      const locations = await waitFor('references across gateways', async () => {
        const found = await commands.executeCommand<Location[]>('vscode.executeReferenceProvider', server, leftid);
        return found.length > 1 && found;
      });
      assert.deepEqual(locations.map((l) => `${relative(l.uri.fsPath)}:${l.range.start.line + 1}`).sort(), [`${DENMARK_PEER}:8`, `${FRANCE_SERVER}:17`]);
      const highlights = await commands.executeCommand<DocumentHighlight[]>('vscode.executeDocumentHighlights', server, leftid);
      assert.deepEqual(highlights.map((h) => h.range.start.line), [16]);
      const hovers = await commands.executeCommand<Hover[]>('vscode.executeHoverProvider', server, leftid);
      const text = hovers.flatMap((h) => h.contents.map((c) => (c instanceof MarkdownString ? c.value : typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /Written in 2 places in the workspace/);
    });

    test('a rename of it edits both gateways\' files (not applied here)', async () => {
      const server = workspaceFile(FRANCE_SERVER);
      const edit = await commands.executeCommand<WorkspaceEdit>('vscode.executeDocumentRenameProvider', server, leftid, '@gw.fr.example');
      const changed = edit.entries().map(([uri, edits]) => `${relative(uri.fsPath)} ${edits.map((e) => e.newText).join(',')}`).sort();
      assert.deepEqual(changed, [`${DENMARK_PEER} @gw.fr.example`, `${FRANCE_SERVER} @gw.fr.example`]);
    });

    test('Germany\'s stale rightid offers to settle France\'s ID across the workspace, either way', async () => {
      const germany = workspaceFile(GERMANY_PEER);
      await window.showTextDocument(await workspace.openTextDocument(germany));
      const [mismatch] = await waitFor('peer-id-mismatch on Germany\'s conn', () => {
        const found = diagnosticsWithCode(germany, 'peer-id-mismatch');
        return found.length > 0 && found;
      });
      const actions = await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', germany, mismatch.range);
      const titles = actions.map((action) => action.title);
      assert.ok(titles.includes('Expect "@vpn.fr.example" wherever "@ncp.fr.example" is written (1 place in 1 file)'), titles.join(' | '));
      const present = actions.find((action) => action.title.startsWith('Present "@ncp.fr.example" instead'));
      assert.deepEqual(present?.edit?.entries().map(([uri]) => relative(uri.fsPath)).sort(), [DENMARK_PEER, FRANCE_SERVER]);
    });
  });
}
