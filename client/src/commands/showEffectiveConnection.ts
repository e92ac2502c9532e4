import { EventEmitter, languages, Uri, window, workspace, type TextDocumentContentProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Documents of this scheme are served by EffectiveConnectionViews: read-only, never sent to the server. */
export const EFFECTIVE_CONNECTION_SCHEME = 'ipsec-effective';

/** The read-only views of effective conns, one per gateway file and conn name, refreshed when shown again. */
export class EffectiveConnectionViews implements TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changes = new EventEmitter<Uri>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly client: LanguageClient) {}

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens the conn under the cursor with %default and also= applied. */
  async show(): Promise<void> {
    const editor = window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'ipsec' || editor.document.uri.scheme === EFFECTIVE_CONNECTION_SCHEME) {
      void window.showInformationMessage('Put the cursor on a conn in an ipsec.conf file first.');
      return;
    }
    const result = await this.client.sendRequest<{ name: string; text: string } | null>('ipsec/effectiveConnection', {
      uri: editor.document.uri.toString(),
      position: editor.selection.active,
    });
    if (!result) {
      void window.showInformationMessage('No conn here that belongs to a gateway in this workspace.');
      return;
    }
    const uri = Uri.from({ scheme: EFFECTIVE_CONNECTION_SCHEME, path: `/conn ${result.name} (effective)`, query: editor.document.uri.toString() });
    const known = this.texts.has(uri.toString());
    this.texts.set(uri.toString(), `# effective settings of conn ${result.name} (read-only view)\n${result.text}`);
    if (known) this.changes.fire(uri);
    const document = await languages.setTextDocumentLanguage(await workspace.openTextDocument(uri), 'ipsec');
    await window.showTextDocument(document, { preview: true });
  }
}
