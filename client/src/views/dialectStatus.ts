import { StatusBarAlignment, window, type Disposable, type TextEditor } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const IPSEC_LANGUAGES = new Set(['ipsec', 'ipsec-secrets']);
/** The server's notification that the gateways were recomputed (server/src/lsp/server.ts). */
const MODEL_CHANGED = 'ipsec/modelChanged';

/** A status bar item naming the dialect the active gateway is checked as, and why (tooltip). */
export function createDialectStatus(client: LanguageClient): Disposable {
  const item = window.createStatusBarItem('ipsec.dialect', StatusBarAlignment.Right, 100);
  item.name = 'IPsec dialect';
  // A click sets the dialect for the gateway.
  item.command = 'ipsec.setDialect';
  const update = async (editor: TextEditor | undefined): Promise<void> => {
    if (!editor || !IPSEC_LANGUAGES.has(editor.document.languageId)) {
      item.hide();
      return;
    }
    const status = await client.sendRequest<{ label: string; tooltip: string } | null>('ipsec/dialect', { uri: editor.document.uri.toString() }).catch(() => null);
    if (!status) {
      item.hide();
      return;
    }
    item.text = status.label;
    item.tooltip = status.tooltip;
    item.show();
  };
  const subscription = window.onDidChangeActiveTextEditor((editor) => void update(editor));
  // A file the wizard just wrote joins its gateway only once the server has taken it in: ask again then.
  const modelChanged = client.onNotification(MODEL_CHANGED, () => void update(window.activeTextEditor));
  void update(window.activeTextEditor);
  return { dispose: () => (subscription.dispose(), modelChanged.dispose(), item.dispose()) };
}
