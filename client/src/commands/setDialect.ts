import { Position, Range, Uri, window, workspace, WorkspaceEdit, type QuickPickItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type Edit = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } | { error: string };

/** The choices, as `# ipsec-dialect:` spells them. */
export const DIALECT_CHOICES: readonly (QuickPickItem & { value: string })[] = [
  { label: 'Libreswan 5', value: 'libreswan-5' },
  { label: 'Libreswan 4', value: 'libreswan-4' },
  { label: 'Libreswan 3', value: 'libreswan-3', description: 'judged as 4.x, letting by what 3.x took' },
  { label: 'strongSwan 6', value: 'strongswan-6' },
  { label: 'strongSwan 5', value: 'strongswan-5' },
  { label: 'Openswan 2.6', value: 'openswan' },
];

/**
 * Asks which daemon the active file's gateway runs and writes it as a `# ipsec-dialect:` line
 * (the server says where), so every check judges by that daemon. A file that had no unsaved
 * changes is saved again, so the gateway's other files see it too.
 */
export async function setDialect(client: LanguageClient): Promise<void> {
  const document = window.activeTextEditor?.document;
  if (!document) {
    void window.showWarningMessage('Open a file of the gateway (its ipsec.conf or an ipsec.d file) first.');
    return;
  }
  const picked = await window.showQuickPick(DIALECT_CHOICES, { title: 'IPsec: Set Dialect', placeHolder: "The daemon this gateway's files are written for" });
  if (!picked) return;
  const edit = await client.sendRequest<Edit>('ipsec/dialectCommentEdit', { uri: document.uri.toString(), dialect: picked.value });
  if ('error' in edit) {
    void window.showWarningMessage(edit.error);
    return;
  }
  const target = Uri.parse(edit.uri);
  const wasDirty = workspace.textDocuments.some((d) => d.uri.toString() === edit.uri && d.isDirty);
  const change = new WorkspaceEdit();
  change.replace(target, new Range(new Position(edit.range.start.line, edit.range.start.character), new Position(edit.range.end.line, edit.range.end.character)), edit.newText);
  if (!(await workspace.applyEdit(change))) return;
  if (!wasDirty) await workspace.textDocuments.find((d) => d.uri.toString() === edit.uri)?.save();
}
