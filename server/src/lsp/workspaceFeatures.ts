import { fileURLToPath } from 'node:url';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, SymbolKind, type CompletionItem, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../checks/finding';
import { connLenses } from '../features/codeLens';
import { completeDocument, type CompletionEntry } from '../features/completion';
import { snippetCompletions } from '../features/completion/snippets';
import { hoverDocument } from '../features/hover';
import { effectiveConnectionAt } from '../features/effectiveConnView';
import { formatDocument } from '../features/formatting';
import { documentHighlights } from '../features/highlights';
import { idLocations, idRenameRange, renameId } from '../features/identityReferences';
import { connDefinition, connReferences, documentLinks, renameConn, workspaceSymbols } from '../features/navigation';
import { racoonDocumentLinks } from '../features/racoonLinks';
import { dialectCommentEdit, type DialectCommentEdit } from '../features/dialectComment';
import { dialectGuessFor, dialectStatusFor } from '../features/dialectStatus';
import { newPeerChoices, newPeerConnection, type NewPeerRequest, type NewPeerResult } from '../features/newPeerConnection';
import { cellsOfNode, summarizeMatrix, type MatrixSummary } from '../features/matrixSlices';
import { buildPeerMatrix, type MatrixCell, type PeerMatrix } from '../features/peerMatrix';
import type { ParsedDocumentCache } from './documentStore';
import { runSafe, type Logger } from './runSafe';
import { fixAllInWorkspace, FIX_WORKSPACE_COMMAND } from './workspaceFixCommand';
import type { ServerSettings } from './settings';
import { normalizeUri, type WorkspaceState } from './workspaceState';

export interface FeatureContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly parsed: ParsedDocumentCache;
  readonly workspace: WorkspaceState;
  readonly log: Logger;
  readonly settingsFor: (uri: string) => Promise<ServerSettings>;
  /** Whether the client declared `completionItem.snippetSupport`; snippets are offered only then. */
  readonly clientSupportsSnippets: () => boolean;
  /** Whether the client takes `window/showDocument` requests. */
  readonly clientShowsDocuments: () => boolean;
  /** Whether the client takes versioned `documentChanges` in a workspace edit. */
  readonly clientTakesDocumentChanges: () => boolean;
  /** Whether the client takes `workspace/applyEdit` requests. */
  readonly clientAppliesEdits: () => boolean;
  /** Settles once the workspace's indexing has ended (done, or cancelled by the user). */
  readonly whenIndexed: () => Promise<void>;
  /** Everything reported on an open document, as its diagnostics show it. */
  readonly openDocumentFindings: (document: TextDocument) => Promise<Finding[]>;
}

/** The server command behind a code lens: show the peer's conn. */
export const SHOW_PEER_COMMAND = 'ipsec.showPeer';

function isRange(value: unknown): value is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const position = (p: unknown): boolean => typeof p === 'object' && p !== null && typeof (p as { line?: unknown }).line === 'number' && typeof (p as { character?: unknown }).character === 'number';
  return typeof value === 'object' && value !== null && position((value as { start?: unknown }).start) && position((value as { end?: unknown }).end);
}

/** Requests that read the workspace model: navigation, hover, lenses, formatting and the custom IPsec requests. */
export function registerWorkspaceFeatures(context: FeatureContext): void {
  const { connection, documents, parsed, workspace, log, settingsFor } = context;

  /** The open document at the URI, parsed, whatever its kind. */
  const parsedAt = (uri: string) => {
    const document = documents.get(uri);
    return document && parsed.get(document);
  };

  /** The open document at the URI, parsed, with the cursor offset. */
  const docAt = (uri: string, position: { line: number; character: number }) => {
    const doc = parsedAt(uri);
    return doc ? { doc, offset: doc.source.offsetAt(position) } : undefined;
  };

  /** The same, only for an ipsec.conf document. */
  const ipsecAt = (uri: string, position: { line: number; character: number }) => {
    const doc = parsedAt(uri);
    if (!doc || doc.kind !== 'ipsec') return undefined;
    return { doc, offset: doc.source.offsetAt(position) };
  };

  connection.onDefinition((params, token) =>
    runSafe(log, 'definition', [], token, () => {
      const at = ipsecAt(params.textDocument.uri, params.position);
      return at ? connDefinition(workspace.model(), at.doc, at.offset) : [];
    }),
  );

  // A conn name (header or also=) first; else an end's address or identity, in any kind of file.
  connection.onReferences((params, token) =>
    runSafe(log, 'references', [], token, () => {
      const at = docAt(params.textDocument.uri, params.position);
      if (!at) return [];
      const model = workspace.model();
      if (at.doc.kind === 'ipsec') {
        const conns = connReferences(model, at.doc, at.offset, params.context.includeDeclaration);
        if (conns.length > 0) return conns;
      }
      return idLocations(model, at.doc, at.offset);
    }),
  );

  connection.onDocumentHighlight((params, token) =>
    runSafe(log, 'documentHighlight', [], token, () => {
      const at = docAt(params.textDocument.uri, params.position);
      return at ? documentHighlights(at.doc, at.offset).map((range) => ({ range })) : [];
    }),
  );

  connection.onPrepareRename((params, token) =>
    runSafe(log, 'prepareRename', null, token, () => {
      const at = docAt(params.textDocument.uri, params.position);
      if (!at) return null;
      if (at.doc.kind === 'ipsec') {
        const refs = connReferences(workspace.model(), at.doc, at.offset, true);
        const here = refs.find((r) => r.uri === params.textDocument.uri && r.range.start.line === params.position.line);
        if (here) return here.range;
      }
      return idRenameRange(at.doc, at.offset) ?? null;
    }),
  );

  connection.onRenameRequest((params, token) =>
    runSafe(log, 'rename', null, token, () => {
      const at = docAt(params.textDocument.uri, params.position);
      if (!at) return null;
      const model = workspace.model();
      const { doc, offset } = at;
      const onConn = doc.kind === 'ipsec' && connReferences(model, doc, offset, true).length > 0 ? doc : undefined;
      const edits = onConn ? renameConn(model, onConn, offset, params.newName) : renameId(model, doc, offset, params.newName);
      if (!edits) return null;
      return { changes: Object.fromEntries([...edits].map(([uri, list]) => [uri, list.map((e) => ({ range: e.range, newText: e.newText }))])) };
    }),
  );

  connection.onDocumentLinks((params, token) =>
    runSafe(log, 'documentLinks', [], token, () => {
      const document = documents.get(params.textDocument.uri);
      const doc = document && parsed.get(document);
      if (!doc || !doc.uri.startsWith('file:')) return [];
      if (doc.kind === 'racoon') return racoonDocumentLinks(workspace.model(), doc);
      return doc.kind === 'ipsec' ? documentLinks(workspace.model(), doc, fileURLToPath(doc.uri)) : [];
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    runSafe(log, 'workspaceSymbol', [], token, () =>
      workspaceSymbols(workspace.model(), params.query).map((s) => ({ name: s.name, kind: s.kind === 'conn' ? SymbolKind.Interface : SymbolKind.Constant, containerName: s.containerName, location: s.location })),
    ),
  );

  connection.onHover((params, token) =>
    runSafe(log, 'hover', null, token, () => {
      const doc = parsedAt(params.textDocument.uri);
      if (!doc) return null;
      const hover = hoverDocument(doc, doc.source.offsetAt(params.position), workspace.model(), normalizeUri(doc.uri));
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
    }),
  );

  const format = async (uri: string, lines?: { start: number; end: number }) => {
    const doc = parsedAt(uri);
    if (!doc) return [];
    const current = await settingsFor(uri);
    const edits = runSafe(log, 'formatting', [], undefined, () => formatDocument(doc, current.format, lines));
    return Array.isArray(edits) ? edits.map((e) => ({ range: e.range, newText: e.newText })) : [];
  };
  connection.onDocumentFormatting((params) => format(params.textDocument.uri));
  connection.onDocumentRangeFormatting((params) => format(params.textDocument.uri, { start: params.range.start.line, end: params.range.end.line }));

  // The code lenses, the Gateways view and the matrix panel all ask after each edit: one build per set of findings,
  // which the workspace replaces together with its model. Only the findings are kept, not the model they came from.
  let lastMatrix: { readonly findings: ReadonlyMap<string, Finding[]>; readonly matrix: PeerMatrix } | undefined;
  // Counted from the server's start time: a restarted server (a workspace newly trusted) never repeats a revision a view has shown.
  let matrixRevision = Date.now();
  const matrix = (): PeerMatrix => {
    const model = workspace.model();
    const findings = workspace.allFindings();
    if (lastMatrix?.findings !== findings) {
      lastMatrix = { findings, matrix: buildPeerMatrix(model, findings) };
      matrixRevision++;
    }
    return lastMatrix.matrix;
  };
  // A document's lenses need only its own conns' cells and their partners': far less than the whole matrix on a large mesh.
  const lensMatrix = (uri: string): PeerMatrix => {
    const model = workspace.model();
    const findings = workspace.allFindings();
    return lastMatrix?.findings === findings ? lastMatrix.matrix : buildPeerMatrix(model, findings, uri);
  };

  connection.onCodeLens((params, token) =>
    runSafe(log, 'codeLens', [], token, () =>
      connLenses(lensMatrix(normalizeUri(params.textDocument.uri)), normalizeUri(params.textDocument.uri)).map((lens) => ({
        range: lens.range,
        // A click opens the peer's conn where the editor can be asked to show a document; elsewhere the lens only tells.
        command: lens.peer && context.clientShowsDocuments() ? { title: lens.title, command: SHOW_PEER_COMMAND, arguments: [lens.peer.uri, lens.peer.range] } : { title: lens.title, command: '' },
      })),
    ),
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command === FIX_WORKSPACE_COMMAND) {
      return fixAllInWorkspace(context).catch((error: unknown) => {
        log(`fixAllInWorkspace failed: ${error instanceof Error ? error.name : 'unknown error'}`);
        return { files: 0, fixed: 0, applied: false };
      });
    }
    const [uri, range] = params.arguments ?? [];
    if (params.command !== SHOW_PEER_COMMAND || typeof uri !== 'string' || !isRange(range)) return null;
    void connection.window.showDocument({ uri, selection: range, takeFocus: true }).catch((error: unknown) => log(`showDocument: ${String(error)}`));
    return null;
  });

  // The whole matrix; or, for a view of a large mesh, a summary per node and then one node's ends.
  connection.onRequest<PeerMatrix | MatrixSummary | MatrixCell[], void>('ipsec/peerMatrix', (params?: { summary?: boolean; node?: string } | null) =>
    runSafe<PeerMatrix | MatrixSummary | MatrixCell[]>(log, 'peerMatrix', { nodes: [], cells: [] }, undefined, () => {
      const whole = matrix();
      if (params?.summary) return summarizeMatrix(whole, matrixRevision);
      if (typeof params?.node === 'string') return cellsOfNode(whole, params.node);
      return whole;
    }),
  );

  connection.onRequest('ipsec/effectiveConnection', (params: { uri: string; position: { line: number; character: number } }) =>
    runSafe(log, 'effectiveConnection', null, undefined, () => {
      const at = ipsecAt(params.uri, params.position);
      return at ? effectiveConnectionAt(workspace.model(), at.doc, at.offset) ?? null : null;
    }),
  );

  connection.onRequest('ipsec/newPeerChoices', (params: { uri: string }) =>
    runSafe(log, 'newPeerChoices', null, undefined, () => newPeerChoices(workspace.model(), params.uri) ?? null),
  );

  connection.onRequest<NewPeerResult | { error: string }, void>('ipsec/newPeerConnection', (params: NewPeerRequest) =>
    runSafe<NewPeerResult | { error: string }>(log, 'newPeerConnection', { error: 'internal error' }, undefined, () => newPeerConnection(workspace.model(), params)),
  );

  connection.onRequest<DialectCommentEdit | { error: string }, void>('ipsec/dialectCommentEdit', (params: { uri: string; dialect: string }) =>
    runSafe<DialectCommentEdit | { error: string }>(log, 'dialectCommentEdit', { error: 'internal error' }, undefined, () => dialectCommentEdit(workspace.model(), normalizeUri(params.uri), params.dialect)),
  );

  connection.onRequest('ipsec/dialect', (params: { uri: string }) =>
    runSafe(log, 'dialect', null, undefined, () => dialectStatusFor(workspace.model(), normalizeUri(params.uri), parsedAt(params.uri)) ?? null),
  );

  connection.onCompletion((params, token) =>
    runSafe(log, 'completion', [], token, () => {
      const doc = parsedAt(params.textDocument.uri);
      if (!doc) return [];
      const model = workspace.model();
      const entries = completeDocument(doc, params.position, model, normalizeUri(doc.uri));
      const plausible = doc.kind === 'ipsec' ? dialectGuessFor(model, normalizeUri(doc.uri), doc)?.plausible : undefined;
      const snippets = context.clientSupportsSnippets() ? snippetCompletions(doc, params.position, plausible) : [];
      return [...entries, ...snippets].map(toCompletionItem);
    }),
  );
}

const COMPLETION_KINDS: Readonly<Record<CompletionEntry['kind'], CompletionItemKind>> = {
  keyword: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
  snippet: CompletionItemKind.Snippet,
};

function toCompletionItem(entry: CompletionEntry): CompletionItem {
  return {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    textEdit: { range: entry.range, newText: entry.insertText },
    filterText: entry.filterText,
    sortText: entry.sortText,
    insertTextFormat: entry.kind === 'snippet' ? InsertTextFormat.Snippet : undefined,
    tags: entry.deprecated ? [CompletionItemTag.Deprecated] : undefined,
    command: entry.suggestNext ? { title: 'Suggest values', command: 'editor.action.triggerSuggest' } : undefined,
  };
}
