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

  /** Opens the conn under the cursor (or at the place given, a conn row of the Gateways view) with %default and also= applied. */
  async show(at?: unknown): Promise<void> {
    const place = isConnPlace(at) ? at.target : this.cursor();
    if (!place) {
      void window.showInformationMessage('Put the cursor on a conn in an ipsec.conf file first.');
      return;
    }
    const result = await this.client.sendRequest<{ name: string; text: string } | null>('ipsec/effectiveConnection', {
      uri: place.uri,
      position: { line: place.line, character: place.character },
    });
    if (!result) {
      void window.showInformationMessage('No conn here that belongs to a gateway in this workspace.');
      return;
    }
    const uri = Uri.from({ scheme: EFFECTIVE_CONNECTION_SCHEME, path: `/conn ${result.name} (effective)`, query: place.uri });
    const known = this.texts.has(uri.toString());
    this.texts.set(uri.toString(), `# effective settings of conn ${result.name} (read-only view)\n${result.text}`);
    if (known) this.changes.fire(uri);
    const document = await languages.setTextDocumentLanguage(await workspace.openTextDocument(uri), 'ipsec');
    await window.showTextDocument(document, { preview: true });
  }

  private cursor(): { uri: string; line: number; character: number } | undefined {
    const editor = window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'ipsec' || editor.document.uri.scheme === EFFECTIVE_CONNECTION_SCHEME) return undefined;
    return { uri: editor.document.uri.toString(), line: editor.selection.active.line, character: editor.selection.active.character };
  }
}

/** A conn row of the Gateways view, as VS Code hands it to a command of the row's menu. */
interface ConnPlace {
  readonly kind: string;
  readonly target?: { readonly uri: string; readonly line: number; readonly character: number };
}

function isConnPlace(value: unknown): value is ConnPlace & { target: NonNullable<ConnPlace['target']> } {
  const row = value as ConnPlace | undefined;
  return row?.kind === 'conn' && typeof row.target?.uri === 'string';
}
