import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { commands, DiagnosticSeverity, window, workspace, type CodeAction, type DocumentSymbol } from 'vscode';
import { diagnosticsWithCode, target, waitFor } from './util';

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
