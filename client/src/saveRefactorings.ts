import type { TextDocument } from 'vscode';
import type { CancellationToken, Middleware, WorkspaceEdit } from 'vscode-languageclient/node';
import { saveDocuments } from './saveEditedFiles';

/** The client applies a server's edit without a token; one that never fires, built here so this module loads without VS Code (tests). */
const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

export interface RefactoringSaveOptions {
  readonly documents: () => readonly Pick<TextDocument, 'uri' | 'isDirty' | 'save'>[];
  /** `files.refactoring.autoSave`. */
  readonly autoSave: () => boolean;
  /** A URI as the server writes it, spelled as VS Code spells it. */
  readonly normalize: (uri: string) => string;
}

/**
 * An edit the server marks as a refactoring (IPsec: Fix All Safe Problems in the Workspace)
 * reaches files that are not open; VS Code leaves them edited but unsaved, so the checks, which
 * read the disk, would not see the change. After such an edit is applied, this saves each file it
 * touched that held no unsaved changes before, when `files.refactoring.autoSave` is on.
 */
export function saveRefactorings(options: RefactoringSaveOptions): Pick<Middleware, 'workspace'> {
  return {
    workspace: {
      async handleApplyEdit(params, next) {
        if (!params.metadata?.isRefactoring || !options.autoSave()) return next(params, NEVER_CANCELLED);
        const dirtyBefore = new Set(options.documents().filter((d) => d.isDirty).map((d) => d.uri.toString()));
        const result = await next(params, NEVER_CANCELLED);
        if (!(result instanceof Error) && result.applied) {
          const touched = editedUris(params.edit).map(options.normalize).filter((uri) => !dirtyBefore.has(uri));
          await saveDocuments(options.documents(), touched, true);
        }
        return result;
      },
    },
  };
}

function editedUris(edit: WorkspaceEdit): string[] {
  const fromChanges = Object.keys(edit.changes ?? {});
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change ? [change.textDocument.uri] : []));
  return [...new Set([...fromChanges, ...fromDocumentChanges])];
}
