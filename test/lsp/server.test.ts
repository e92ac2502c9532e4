import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FoldingRange, InitializeResult } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';

const CONF = 'file:///ws/etc/ipsec.d/dk.conf';
const BROKEN = 'conn dk\n\tright=192.0.2.7\nauto=add\n';

describe('language server over stdio (push diagnostics)', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize({ textDocument: { publishDiagnostics: {} } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('publishes diagnostics with code, link and source for an opened file', async () => {
    await client.open(CONF, 'ipsec', BROKEN);
    const published = await client.waitForDiagnostics(CONF, (p) => p.diagnostics.length > 0);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.code, 'column-zero-key');
    assert.equal(diagnostic.source, 'ipsec-lint');
    assert.equal(diagnostic.severity, 1);
    assert.match(diagnostic.codeDescription?.href ?? '', /rules\.md#column-zero-key$/);
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
  });

  it('clears diagnostics when the edit fixes the file', async () => {
    await client.change(CONF, 2, 'conn dk\n\tright=192.0.2.7\n\tauto=add\n');
    await client.waitForDiagnostics(CONF, (p) => p.version === 2 && p.diagnostics.length === 0);
  });

  it('offers the quick fix and suppression comments for a diagnostic', async () => {
    await client.change(CONF, 3, BROKEN);
    const published = await client.waitForDiagnostics(CONF, (p) => p.version === 3 && p.diagnostics.length === 1);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: CONF },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Fix all auto-fixable problems', 'Indent with a tab', 'Disable column-zero-key for this line', 'Disable column-zero-key for this file']);
    assert.deepEqual(actions[1].edit?.changes?.[CONF], [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '\t' }]);
    const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: CONF },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(fixAll.map((a) => a.kind), ['source.fixAll']);
  });

  it('answers document symbols and folding ranges', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: CONF } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, 'conn dk');
    assert.deepEqual(symbols[0].children?.map((c) => c.name), ['right', 'auto']);
    const folds = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: CONF } })) as FoldingRange[];
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[0, 2]]);
  });

  it('formats an ipsec.conf document', async () => {
    const uri = 'file:///ws/etc/ipsec.d/fmt.conf';
    await client.open(uri, 'ipsec', 'conn a\n    left = 192.0.2.1  \n');
    const edits = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } })) as Array<{ newText: string }>;
    assert.deepEqual(edits.map((e) => e.newText), ['\tleft=192.0.2.1']);
  });

  it('completes keys and hovers keywords', async () => {
    const uri = 'file:///ws/etc/ipsec.d/complete.conf';
    await client.open(uri, 'ipsec', 'conn a\n\tau\n\trightid=@peer.example\n');
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 3 } })) as Array<{ label: string }>;
    assert.ok(items.some((i) => i.label === 'auto'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /\*\*rightid\*\*/);
  });

  it('answers empty for unknown documents instead of failing', async () => {
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.conf' } });
    assert.deepEqual(symbols, []);
  });

  it('detects the kind from the file name when the language id is plain text', async () => {
    const uri = 'file:///ws/etc/ipsec.secrets';
    await client.open(uri, 'plaintext', '@a @b : PSK\n');
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.equal(published.diagnostics[0].code, 'secrets-missing-secret');
  });
});

describe('language server over stdio (pull diagnostics and settings)', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    const result = (await client.initialize({ textDocument: { diagnostic: {} } }, { ipsec: { rules: { 'column-zero-key': 'warning' } } })) as InitializeResult;
    assert.ok(result.capabilities.diagnosticProvider);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('answers textDocument/diagnostic with the configured severity', async () => {
    await client.open(CONF, 'ipsec', BROKEN);
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: CONF } })) as DocumentDiagnosticReport & { items: Diagnostic[] };
    assert.equal(report.kind, 'full');
    assert.equal(report.items[0].code, 'column-zero-key');
    assert.equal(report.items[0].severity, 2);
  });
});
