import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
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
import { cachedCheckDocument } from '../checks/documentFindingsCache';
import { checkDocument } from '../checks/engine';
import type { Finding } from '../checks/finding';
import { foldingRanges } from '../features/folding';
import { outlineOf } from '../features/outline';
import { checkContextOf } from '../workspace/checkContext';
import { collectFixAll } from '../features/fixAll';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokensIpsecConf } from '../features/semanticTokens';
import { fixesOnRequest } from '../features/fixesOnRequest';
import { VERSION } from '../version';
import { fixToCodeAction, isDiagnosticData, severityOf, toDiagnostic, toDocumentSymbol, toFoldingRange } from './convert';
import { ParsedDocumentCache } from './documentStore';
import { runSafe } from './runSafe';
import { ProjectConfigSource } from './projectConfigSource';
import { DEFAULT_SETTINGS, normalizeSettings, withProjectConfig, type ServerSettings } from './settings';
import { normalizeUri, WorkspaceState } from './workspaceState';
import { ClosedFileDiagnostics } from './closedFileDiagnostics';
import { registerWorkspaceFeatures, SHOW_PEER_COMMAND } from './workspaceFeatures';
import { FIX_WORKSPACE_COMMAND } from './workspaceFixCommand';
import { folderPaths, foldersAfter } from './workspaceFolders';

const PUSH_DELAY_MS = 50;
const WORKSPACE_DELAY_MS = 100;
const NODES_PER_INDEXING_STEP = 4;
/** Sent after the workspace model was recomputed; the client refreshes what it shows of it. */
const MODEL_CHANGED = 'ipsec/modelChanged';

/** Wires the IPsec core to an LSP connection. Holds no IPsec knowledge of its own. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const parsed = new ParsedDocumentCache();
  const log = (message: string): void => connection.console.error(message);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullSettings = false;
  let usesPullDiagnostics = false;
  let snippetSupport = false;
  let showsDocuments = false;
  let canCreateFiles = false;
  let takesDocumentChanges = false;
  let appliesEdits = false;
  const pending = new Map<string, NodeJS.Timeout>();
  const perResource = new Map<string, Promise<ServerSettings>>();
  const workspace = new WorkspaceState();
  const projectConfig = new ProjectConfigSource();
  let configNotes: string[] = [];
  /** What a client that cannot be asked last sent: initializationOptions, then each change's settings. */
  let sentSettings: unknown;
  let workspaceFolders: string[] = [];
  /** Whether the client tells of folders added to the workspace and removed from it. */
  let followsFolders = false;
  let workspaceTimer: NodeJS.Timeout | undefined;
  // A notification, not a request: a client that cannot show messages must not take the server down.
  const tellUser = (type: MessageType, message: string): void => void connection.sendNotification(ShowMessageNotification.type, { type, message });
  const isOpen = (uri: string): boolean => documents.all().some((d) => normalizeUri(d.uri) === uri);
  const closedFiles = new ClosedFileDiagnostics((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }));

  /** Re-checks the cross-file rules and shows the result on open and closed files alike. */
  const refreshWorkspace = (): void => {
    clearTimeout(workspaceTimer);
    workspaceTimer = setTimeout(() => void refreshNow().catch((error: unknown) => log(`workspace: ${error instanceof Error ? error.name : 'unknown error'}`)), WORKSPACE_DELAY_MS);
  };
  const refreshNow = async (): Promise<void> => {
    // A client that pulls gets open documents in the workspace report too: one it holds without
    // showing it (a file another file's fix edited) is pulled on its own by no one.
    const openSettings = usesPullDiagnostics ? await Promise.all(documents.all().map(async (d) => [d.uri, await settingsFor(d.uri)] as const)) : [];
    runSafe(log, 'workspace', undefined, undefined, () => {
      const current = new Map<string, Diagnostic[]>();
      const versions = new Map<string, number>();
      for (const [uri, list] of workspace.closedFileFindings()) if (!isOpen(uri)) current.set(uri, list.map(toDiagnostic));
      for (const [uri, resourceSettings] of openSettings) {
        const document = documents.get(uri);
        if (!document) continue;
        current.set(normalizeUri(uri), diagnose(document, resourceSettings));
        versions.set(normalizeUri(uri), document.version);
      }
      closedFiles.update(current, versions);
      if (usesPullDiagnostics) connection.languages.diagnostics.refresh();
      else documents.all().forEach(push);
      // The gateways may have changed (a new file joined one): views such as the dialect status ask again.
      void connection.sendNotification(MODEL_CHANGED);
    });
  };

  /** The client's settings over the repository's .ipsec-lint.json. */
  const resolveSettings = (raw: unknown): ServerSettings => withProjectConfig(normalizeSettings(raw ?? {}), projectConfig.current);

  const pullSettings = (): Promise<ServerSettings> =>
    connection.workspace.getConfiguration('ipsec').then(
      (raw: unknown) => resolveSettings(raw),
      () => settings,
    );

  const settingsFor = async (uri: string): Promise<ServerSettings> => {
    if (!canPullSettings) return settings;
    const cached = perResource.get(uri);
    if (cached) return cached;
    const result = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'ipsec' })
      .then((raw: unknown) => resolveSettings(raw), () => settings);
    perResource.set(uri, result);
    return result;
  };

  /** Everything reported on an open document: its own findings, in its gateway's dialect, and its peers'. */
  const findingsOf = (document: TextDocument, current: ServerSettings): Finding[] => {
    const doc = parsed.get(document);
    if (!doc) return [];
    const context = checkContextOf(workspace.model(), normalizeUri(document.uri), doc);
    // Kept with the parsed version: the editor's pull and the workspace report ask for the same one.
    const own = cachedCheckDocument(doc, current.rules, context);
    return [...own, ...workspace.findingsFor(document.uri)];
  };
  const diagnose = (document: TextDocument, current: ServerSettings): Diagnostic[] => findingsOf(document, current).map(toDiagnostic);

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
    snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    showsDocuments = params.capabilities.window?.showDocument?.support === true;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    takesDocumentChanges = workspaceEdit?.documentChanges === true;
    appliesEdits = params.capabilities.workspace?.applyEdit === true;
    canCreateFiles = takesDocumentChanges && (workspaceEdit?.resourceOperations ?? []).includes('create');
    workspaceFolders = folderPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []));
    followsFolders = params.capabilities.workspace?.workspaceFolders === true;
    configNotes = projectConfig.load(workspaceFolders);
    sentSettings = params.initializationOptions;
    settings = resolveSettings(sentSettings);
    workspace.setOptions({ rules: settings.rules }, settings.dialect, settings.rootDirectory, settings.certificates.expiryWarningDays);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] }, full: true },
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['=', '/'] },
        documentFormattingProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [SHOW_PEER_COMMAND, FIX_WORKSPACE_COMMAND] },
        documentRangeFormattingProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        diagnosticProvider: usesPullDiagnostics ? { interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ipsec-language-server', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    for (const note of configNotes) tellUser(MessageType.Warning, note);
    // Index after answering initialize, with progress, so the first requests are never blocked.
    setImmediate(() => void indexWorkspace());
    // A folder added to the workspace (another country's repository) is searched; a removed one's gateways leave.
    if (followsFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        workspaceFolders = foldersAfter(workspaceFolders, event);
        for (const note of projectConfig.load(workspaceFolders)) tellUser(MessageType.Warning, note);
        workspace.forgetDiscovered();
        void indexWorkspace();
        void applySettings();
      });
    }
  });

  /** Which search the last indexing made (exclude and cap), and which indexing is the current one. */
  let searchedWith: string | undefined;
  let indexing = 0;
  /** Settles when indexing ends (done or cancelled); an indexing that starts after that gets a new one. */
  let indexed = settlement();
  const whenIndexed = async (): Promise<void> => {
    for (;;) {
      const current = indexed;
      await current.promise;
      if (current === indexed) return;
    }
  };
  const searchKey = (): string => JSON.stringify(settings.index);

  const indexWorkspace = async (): Promise<void> => {
    const run = ++indexing;
    if (indexed.settled) indexed = settlement();
    try {
      await indexRun(run);
    } finally {
      if (run === indexing) indexed.settle();
    }
  };
  const indexRun = async (run: number): Promise<void> => {
    searchedWith = searchKey();
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Indexing IPsec gateways', 0, `${workspaceFolders.length} folder(s)`, true);
    const found = runSafe(log, 'indexing', { files: 0, truncated: false, nodes: 0 }, undefined, () => workspace.discover(workspaceFolders, settings.index));
    // Said in the log, not in a message: a link kept on purpose would otherwise nag at every start.
    if ('linksOutNote' in found && found.linksOutNote) log(`IPsec: ${found.linksOutNote}`);
    if (!('files' in found) || found.truncated) {
      tellUser(MessageType.Warning, `IPsec: the workspace has more files than ipsec.index.maxFiles (${settings.index.maxFiles}); the rest are not checked across files.`);
    }
    const total = 'nodes' in found ? found.nodes : 0;
    let left = total;
    // A few gateways per turn of the event loop: requests (the open file's diagnostics first) go in between.
    while (left > 0 && run === indexing && !progress?.token.isCancellationRequested) {
      const step = runSafe(log, 'indexing', 0, undefined, () => workspace.indexNext(NODES_PER_INDEXING_STEP));
      left = typeof step === 'number' ? step : 0;
      progress?.report(Math.round((100 * (total - left)) / Math.max(total, 1)), `${total - left} of ${total} gateways`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (run !== indexing) return progress?.done();
    if (left > 0) tellUser(MessageType.Info, `IPsec: indexing stopped; ${left} of ${total} gateways are not checked across files until the window is reloaded.`);
    const notReadNote = runSafe(log, 'indexing', undefined, undefined, () => workspace.notReadNote());
    if (typeof notReadNote === 'string') tellUser(MessageType.Warning, `IPsec: ${notReadNote}`);
    progress?.done();
    refreshWorkspace();
  };

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) workspace.fileChanged(change.uri, change.type === 3, change.type === 1);
    refreshWorkspace();
    if (params.changes.some((change) => projectConfig.concerns(change.uri))) {
      for (const note of projectConfig.load(workspaceFolders)) tellUser(MessageType.Warning, note);
      void applySettings();
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (change.settings !== undefined && change.settings !== null) sentSettings = change.settings;
    void applySettings();
  });

  const applySettings = async (): Promise<void> => {
    // A client that answers workspace/configuration sends no values with the change: ask for them.
    settings = canPullSettings ? await pullSettings() : resolveSettings(sentSettings);
    workspace.setOptions({ rules: settings.rules }, settings.dialect, settings.rootDirectory, settings.certificates.expiryWarningDays);
    // Another exclude list (the editor's or .ipsec-lint.json's) or cap: search the folders again.
    if (searchedWith !== undefined && searchedWith !== searchKey()) {
      workspace.forgetDiscovered();
      void indexWorkspace();
    }
    refreshWorkspace();
    perResource.clear();
    if (usesPullDiagnostics) connection.languages.diagnostics.refresh();
    else documents.all().forEach(push);
  };

  documents.onDidChangeContent((change) => {
    workspace.opened(change.document.uri, change.document.getText());
    const uri = normalizeUri(change.document.uri);
    closedFiles.opened(uri);
    if (!usesPullDiagnostics) push(change.document);
    refreshWorkspace();
  });
  documents.onDidClose((event) => {
    workspace.closed(event.document.uri);
    closedFiles.closed(normalizeUri(event.document.uri));
    refreshWorkspace();
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

  connection.languages.diagnostics.onWorkspace((params, token, _progress, partial) =>
    closedFiles.pull(params.previousResultIds, token, partial).catch((error: unknown) => {
      log(`workspace diagnostics: ${error instanceof Error ? error.message : String(error)}`);
      return { items: [] };
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe(log, 'documentSymbol', [], token, () => {
      const document = documents.get(params.textDocument.uri);
      const doc = document && parsed.get(document);
      return doc ? outlineOf(doc).map(toDocumentSymbol) : [];
    }),
  );

  connection.languages.semanticTokens.on((params, token) =>
    runSafe(log, 'semanticTokens', { data: [] }, token, () => {
      const document = documents.get(params.textDocument.uri);
      const doc = document && parsed.get(document);
      return { data: doc?.kind === 'ipsec' ? semanticTokensIpsecConf(doc) : [] };
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
      const only = params.context.only;
      if (!only || only.some((kind) => CodeActionKind.SourceFixAll.startsWith(kind) || kind.startsWith(CodeActionKind.SourceFixAll))) {
        const edits = collectFixAll(checkDocument(doc, { rules: settings.rules }), doc.uri, doc.source);
        if (edits.length > 0) {
          actions.push({ title: 'Fix all auto-fixable problems', kind: CodeActionKind.SourceFixAll, edit: { changes: { [params.textDocument.uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } } });
        }
        if (only) return actions;
      }
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'ipsec-lint') continue;
        if (isDiagnosticData(diagnostic.data)) {
          for (const fix of diagnostic.data.fixes) {
            if (!fix.creates || canCreateFiles) actions.push(fixToCodeAction(fix, doc.uri, diagnostic));
          }
        }
        if (typeof diagnostic.code === 'string') {
          const related = (diagnostic.relatedInformation ?? []).map((r) => ({ uri: normalizeUri(r.location.uri), range: r.location.range }));
          const asked = { code: diagnostic.code, severity: severityOf(diagnostic), range: diagnostic.range, related };
          for (const fix of fixesOnRequest(workspace.model(), doc, normalizeUri(doc.uri), asked)) actions.push(fixToCodeAction(fix, doc.uri, diagnostic));
        }
      }
      return actions;
    }),
  );

  registerWorkspaceFeatures({
    connection,
    documents,
    parsed,
    workspace,
    log,
    settingsFor,
    clientSupportsSnippets: () => snippetSupport,
    clientShowsDocuments: () => showsDocuments,
    clientTakesDocumentChanges: () => takesDocumentChanges,
    clientAppliesEdits: () => appliesEdits,
    whenIndexed,
    openDocumentFindings: async (document) => findingsOf(document, await settingsFor(document.uri)),
  });

  documents.listen(connection);
  connection.listen();
}

/** A promise settled from outside, and whether it is. */
function settlement(): { readonly promise: Promise<void>; readonly settled: boolean; settle(): void } {
  let settle!: () => void;
  let settled = false;
  const promise = new Promise<void>((resolve) => (settle = resolve));
  return {
    promise,
    get settled() {
      return settled;
    },
    settle() {
      settled = true;
      settle();
    },
  };
}
