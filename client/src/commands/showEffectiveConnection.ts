import { window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Opens the conn under the cursor with %default and also= applied, as a new unsaved document. */
export async function showEffectiveConnection(client: LanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'ipsec') {
    void window.showInformationMessage('Put the cursor on a conn in an ipsec.conf file first.');
    return;
  }
  const result = await client.sendRequest<{ name: string; text: string } | null>('ipsec/effectiveConnection', {
    uri: editor.document.uri.toString(),
    position: editor.selection.active,
  });
  if (!result) {
    void window.showInformationMessage('No conn here that belongs to a gateway in this workspace.');
    return;
  }
  const document = await workspace.openTextDocument({ language: 'ipsec', content: `# effective settings of conn ${result.name} (read-only view)\n${result.text}` });
  await window.showTextDocument(document, { preview: true });
}
