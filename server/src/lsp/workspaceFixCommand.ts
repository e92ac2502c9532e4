import { lstatSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection, type TextDocumentEdit, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../checks/finding';
import { describeWorkspaceFixes, workspaceFixes, type FileFixes, type FixableFile } from '../features/workspaceFixAll';
import type { ParsedDocumentCache } from './documentStore';
import type { WorkspaceState } from './workspaceState';

/** The server command (and, through the editor, the IPsec command) that fixes every file at once. */
export const FIX_WORKSPACE_COMMAND = 'ipsec.fixAllInWorkspace';
export const FIX_WORKSPACE_LABEL = 'Fix all safe IPsec problems in the workspace';

export interface WorkspaceFixContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly parsed: ParsedDocumentCache;
  readonly workspace: WorkspaceState;
  /** Everything reported on an open document, as its diagnostics show it. */
  readonly openDocumentFindings: (document: TextDocument) => Promise<Finding[]>;
  /** Whether the client takes versioned `documentChanges`, which it refuses to apply to a document edited meanwhile. */
  readonly clientTakesDocumentChanges: () => boolean;
  /** Whether the client takes `workspace/applyEdit` requests at all. */
  readonly clientAppliesEdits: () => boolean;
  /** Settles once the workspace's indexing has ended (done, or cancelled by the user). */
  readonly whenIndexed: () => Promise<void>;
}

export interface WorkspaceFixOutcome {
  readonly files: number;
  readonly fixed: number;
  readonly applied: boolean;
}

/**
 * Asks the editor to apply, as one refactoring it can undo, the safe fixes of every file: open
 * documents as they are in the editor, the others as on disk. The server writes nothing itself.
 */
export async function fixAllInWorkspace(context: WorkspaceFixContext): Promise<WorkspaceFixOutcome> {
  const { connection, documents, parsed, workspace } = context;
  const tell = (type: MessageType, message: string): void => void connection.sendNotification(ShowMessageNotification.type, { type, message });
  if (!context.clientAppliesEdits()) {
    tell(MessageType.Warning, 'This editor does not apply edits a language server asks for: run ipsec-lint --fix on the workspace instead.');
    return { files: 0, fixed: 0, applied: false };
  }
  // The command promises the whole workspace: it waits for indexing, which yields to requests as it goes.
  await context.whenIndexed();
  const files: FixableFile[] = [];
  for (const document of documents.all()) {
    const doc = parsed.get(document);
    if (doc) files.push({ uri: document.uri, version: document.version, source: doc.source, findings: await context.openDocumentFindings(document) });
  }
  for (const { document, findings } of workspace.closedDocuments()) {
    files.push({ uri: document.uri, version: null, source: document.source, findings });
  }
  const checkedText = new Map(files.map((file) => [file.uri, file.source.text]));
  const fixes = workspaceFixes(files).filter((file) => file.version !== null || safeToEditOnDisk(file.uri, checkedText.get(file.uri)));
  if (fixes.length === 0) {
    tell(MessageType.Info, describeWorkspaceFixes(fixes));
    return { files: 0, fixed: 0, applied: true };
  }
  const edit = context.clientTakesDocumentChanges() ? documentChangesOf(fixes) : changesOf(fixes);
  const { applied } = await connection.workspace.applyEdit({ label: FIX_WORKSPACE_LABEL, edit, metadata: { isRefactoring: true } });
  if (applied) tell(MessageType.Info, describeWorkspaceFixes(fixes));
  else tell(MessageType.Warning, 'The editor did not apply the fixes: a file may have changed meanwhile. Run the command again.');
  return { files: fixes.length, fixed: applied ? fixes.reduce((n, f) => n + f.fixed, 0) : 0, applied };
}

/**
 * A file that is not open is edited only when it is a regular file (not a symbolic link, which
 * may lead out of the repository) that still holds, byte for byte, the text that was checked:
 * text read with invalid UTF-8 would be saved with replacement characters, losing bytes.
 */
function safeToEditOnDisk(uri: string, checked: string | undefined): boolean {
  try {
    const filePath = fileURLToPath(uri);
    const stat = lstatSync(filePath);
    if (!stat.isFile() || checked === undefined) return false;
    return readFileSync(filePath).equals(Buffer.from(checked, 'utf8'));
  } catch {
    return false;
  }
}

function documentChangesOf(fixes: readonly FileFixes[]): WorkspaceEdit {
  const documentChanges: TextDocumentEdit[] = fixes.map((file) => ({
    textDocument: { uri: file.uri, version: file.version },
    edits: file.edits.map((e) => ({ range: e.range, newText: e.newText })),
  }));
  return { documentChanges };
}

function changesOf(fixes: readonly FileFixes[]): WorkspaceEdit {
  return { changes: Object.fromEntries(fixes.map((file) => [file.uri, file.edits.map((e) => ({ range: e.range, newText: e.newText }))])) };
}
