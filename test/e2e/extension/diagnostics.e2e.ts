import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { commands, DiagnosticSeverity, languages, window, workspace, type CodeAction, type DocumentSymbol } from 'vscode';
import { codeOf, diagnosticsWithCode, target, waitFor, workspaceFile } from './util';

/** Never opened by any test: examples/ plants France's half of the ID mismatch in it. */
const CLOSED_FILE = 'fr/etc/ipsec.d/server.conf';

export function diagnosticsTests(): void {
  suite('diagnostics and their quick fix', () => {
    test('languages.getDiagnostics reports column-zero-key on the column-0 line', async () => {
      const { uri, line } = target();
      await window.showTextDocument(await workspace.openTextDocument(uri));
      const [diagnostic] = await waitFor('a column-zero-key diagnostic', () => {
        const found = diagnosticsWithCode(uri, 'column-zero-key');
        return found.length > 0 && found;
      });
      assert.equal(diagnostic.range.start.line, line - 1);
      assert.equal(diagnostic.range.start.character, 0);
      assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
      assert.equal(diagnostic.source, 'ipsec-lint');
    });

    test('the code action provider offers "Indent with a tab" for it', async () => {
      const { uri } = target();
      const [diagnostic] = diagnosticsWithCode(uri, 'column-zero-key');
      assert.ok(diagnostic, 'the diagnostic is still there');
      const actions = await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
      const titles = actions.map((action) => action.title);
      assert.ok(titles.includes('Indent with a tab'), `actions: ${titles.join(' | ')}`);
    });

    test('a file never opened lists its peer mismatch once (through the workspace pull, not pushed as well)', async () => {
      const closed = workspaceFile(CLOSED_FILE);
      assert.ok(!workspace.textDocuments.some((document) => document.uri.fsPath === closed.fsPath), `${CLOSED_FILE} is not open`);
      await waitFor('peer-id-mismatch on the closed file', () => diagnosticsWithCode(closed, 'peer-id-mismatch').length > 0);
      // languages.getDiagnostics merges every collection: a pushed copy would show up here as a second entry.
      const codes = languages.getDiagnostics(closed).map(codeOf);
      assert.deepEqual(codes, ['peer-id-mismatch']);
    });

    test('document symbols name the conn', async () => {
      const { uri } = target();
      const symbols = await waitFor('document symbols', async () => {
        const found = await commands.executeCommand<DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
        return found?.length ? found : undefined;
      });
      const names = symbols.map((symbol) => symbol.name);
      assert.ok(names.some((name) => name.startsWith('conn ')), `symbols: ${names.join(', ')}`);
    });
  });
}
