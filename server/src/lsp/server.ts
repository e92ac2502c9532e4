import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument } from '../checks/engine';
import { foldingRanges } from '../features/folding';
import { outlineOf } from '../features/outline';
import { suppressionFixes } from '../features/suppressionFixes';
import { VERSION } from '../version';
import { fixToCodeAction, isDiagnosticData, toDiagnostic, toDocumentSymbol, toFoldingRange } from './convert';
import { ParsedDocumentCache } from './documentStore';
import { runSafe } from './runSafe';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';

const PUSH_DELAY_MS = 50;

/** Wires the IPsec core to an LSP connection. Holds no IPsec knowledge of its own. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const parsed = new ParsedDocumentCache();
  const log = (message: string): void => connection.console.error(message);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullSettings = false;
  let usesPullDiagnostics = false;
  const pending = new Map<string, NodeJS.Timeout>();
  const perResource = new Map<string, Promise<ServerSettings>>();

  const settingsFor = async (uri: string): Promise<ServerSettings> => {
    if (!canPullSettings) return settings;
    const cached = perResource.get(uri);
    if (cached) return cached;
    const result = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'ipsec' })
      .then((raw: unknown) => normalizeSettings(raw ?? {}), () => settings);
    perResource.set(uri, result);
    return result;
  };

  const diagnose = (document: TextDocument, current: ServerSettings): Diagnostic[] => {
    const doc = parsed.get(document);
    if (!doc) return [];
    return checkDocument(doc, { rules: current.rules }).map(toDiagnostic);
  };

  const push = (document: TextDocument): void => {
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        void settingsFor(document.uri).then((current) => {
          const latest = documents.get(document.uri);
          if (!latest) return;
          const diagnostics = runSafe(log, 'diagnostics', [], undefined, () => diagnose(latest, current));
          if (Array.isArray(diagnostics)) void connection.sendDiagnostics({ uri: latest.uri, version: latest.version, diagnostics });
        });
      }, PUSH_DELAY_MS),
    );
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullSettings = params.capabilities.workspace?.configuration === true;
    usesPullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    settings = normalizeSettings(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        diagnosticProvider: usesPullDiagnostics ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'ipsec-language-server', version: VERSION },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    if (!canPullSettings) settings = normalizeSettings(change.settings);
    perResource.clear();
    if (usesPullDiagnostics) connection.languages.diagnostics.refresh();
    else documents.all().forEach(push);
  });

  documents.onDidChangeContent((change) => {
    if (!usesPullDiagnostics) push(change.document);
  });
  documents.onDidClose((event) => {
    parsed.delete(event.document.uri);
    clearTimeout(pending.get(event.document.uri));
    if (!usesPullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const current = await settingsFor(document.uri);
    const items = runSafe(log, 'diagnostics', [], token, () => diagnose(document, current));
    return { kind: DocumentDiagnosticReportKind.Full, items: Array.isArray(items) ? items : [] };
  });

  connection.onDocumentSymbol((params, token) =>
    runSafe(log, 'documentSymbol', [], token, () => {
      const document = documents.get(params.textDocument.uri);
      const doc = document && parsed.get(document);
      return doc ? outlineOf(doc).map(toDocumentSymbol) : [];
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe(log, 'foldingRange', [], token, () => {
      const document = documents.get(params.textDocument.uri);
      const doc = document && parsed.get(document);
      return doc ? foldingRanges(doc).map(toFoldingRange) : [];
    }),
  );

  connection.onCodeAction((params: CodeActionParams, token) =>
    runSafe(log, 'codeAction', [], token, () => {
      const document = documents.get(params.textDocument.uri);
      const doc = document && parsed.get(document);
      if (!doc) return [];
      const actions: CodeAction[] = [];
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'ipsec-lint') continue;
        if (isDiagnosticData(diagnostic.data)) {
          for (const fix of diagnostic.data.fixes) actions.push(fixToCodeAction(fix, doc.uri, diagnostic));
        }
        if (typeof diagnostic.code === 'string') {
          for (const fix of suppressionFixes(doc, diagnostic.code, diagnostic.range.start.line)) {
            actions.push(fixToCodeAction(fix, doc.uri, diagnostic));
          }
        }
      }
      return actions;
    }),
  );

  documents.listen(connection);
  connection.listen();
}
