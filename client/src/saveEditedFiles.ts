import type { CodeAction, Command, TextDocument, Uri, WorkspaceEdit } from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const SAVE_EDITED_FILES = 'ipsec.saveEditedFiles';

/** What the middleware needs to know of the open documents. */
export interface OpenDocuments {
  readonly textDocuments: readonly Pick<TextDocument, 'uri' | 'isDirty'>[];
}

/**
 * VS Code saves the files a multi-file refactoring touched (`files.refactoring.autoSave`), but
 * leaves a single other file edited in the background unsaved. Our quick fixes that write to
 * another file (a CA copy, the peer's value, a psk.txt line) are only seen by the cross-file
 * checks once on disk, so they save that file afterwards, as a refactoring would, unless it
 * held unsaved changes of its own before.
 */
export function saveEditedFiles(documents: OpenDocuments): Pick<Middleware, 'provideCodeActions'> {
  return {
    async provideCodeActions(document, range, context, token, next) {
      const actions = await next(document, range, context, token);
      if (!actions) return actions;
      for (const action of actions) {
        if (!isCodeAction(action) || !action.edit || action.command) continue;
        const others = otherFiles(action.edit, document.uri).filter((uri) => !isDirty(documents, uri));
        if (others.length > 0) action.command = { title: 'Save the files the fix edited', command: SAVE_EDITED_FILES, arguments: others.map(String) };
      }
      return actions;
    },
  };
}

/** The command: saves each named document that is open and dirty, when refactorings auto-save. */
export async function saveDocuments(documents: readonly Pick<TextDocument, 'uri' | 'isDirty' | 'save'>[], uris: readonly string[], autoSave: boolean): Promise<void> {
  if (!autoSave) return;
  const wanted = new Set(uris);
  await Promise.all(documents.filter((d) => d.isDirty && wanted.has(d.uri.toString())).map((d) => d.save()));
}

function isCodeAction(action: Command | CodeAction): action is CodeAction {
  return typeof (action as Command).command !== 'string';
}

function otherFiles(edit: WorkspaceEdit, current: Uri): Uri[] {
  return edit.entries().map(([uri]) => uri).filter((uri) => uri.toString() !== current.toString());
}

function isDirty(documents: OpenDocuments, uri: Uri): boolean {
  return documents.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri.toString());
}
