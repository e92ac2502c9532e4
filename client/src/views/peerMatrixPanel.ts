import { randomBytes } from 'node:crypto';
import { Position, Range, Selection, Uri, ViewColumn, window, type Disposable, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MatrixChanges } from './matrixChanges';
import { renderMatrixHtml, type MatrixData } from './matrixHtml';

/** The peer matrix webview: one panel, refreshed when diagnostics change the matrix. */
export class PeerMatrixPanel {
  private panel: WebviewPanel | undefined;
  private readonly changes = new MatrixChanges();

  constructor(private readonly client: LanguageClient) {}

  async show(): Promise<void> {
    if (!this.panel) {
      this.panel = window.createWebviewPanel('ipsec.peerMatrix', 'IPsec Peer Matrix', ViewColumn.Beside, { enableScripts: true });
      this.changes.forget();
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { uri: string; line: number }) => void this.reveal(message));
    }
    this.panel.reveal();
    await this.refresh();
  }

  async refresh(): Promise<void> {
    if (!this.panel) return;
    const matrix = await this.client.sendRequest<MatrixData>('ipsec/peerMatrix');
    if (!this.panel || !this.changes.differs(matrix)) return;
    this.panel.webview.html = renderMatrixHtml(matrix, randomBytes(16).toString('hex'), this.panel.webview.cspSource);
  }

  private async reveal(message: { uri: string; line: number }): Promise<void> {
    const editor = await window.showTextDocument(Uri.parse(message.uri), { viewColumn: ViewColumn.One });
    const position = new Position(message.line, 0);
    editor.selection = new Selection(position, position);
    editor.revealRange(new Range(position, position));
  }

  listenTo(onChange: (listener: () => void) => Disposable): Disposable {
    let timer: NodeJS.Timeout | undefined;
    return onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.refresh(), 300);
    });
  }
}
