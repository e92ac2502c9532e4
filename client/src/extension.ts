import * as path from 'node:path';
import { commands, languages, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions } from 'vscode-languageclient/node';
import { newPeerConnection } from './commands/newPeerConnection';
import { setDialect } from './commands/setDialect';
import { EFFECTIVE_CONNECTION_SCHEME, EffectiveConnectionViews } from './commands/showEffectiveConnection';
import { restartPolicy } from './restartPolicy';
import { SAVE_EDITED_FILES, saveDocuments, saveEditedFiles } from './saveEditedFiles';
import { saveRefactorings } from './saveRefactorings';
import { serverOptions } from './serverLaunch';
import { setkeyForBsdIpsecConf } from './setkeyInIpsecConf';
import { restartWhenTrusted } from './trust';
import { withoutServerSnippets } from './withoutServerSnippets';
import { createDialectStatus } from './views/dialectStatus';
import { GatewaysView } from './views/gatewaysView';
import type { MatrixSummaryData } from './views/gatewayTree';
import type { MatrixCellData } from './views/matrixHtml';
import { PeerMatrixPanel } from './views/peerMatrixPanel';
import { WATCHED_FILES } from './watchedFiles';

const LANGUAGES = ['ipsec', 'ipsec-secrets', 'racoon', 'racoon-psk', 'setkey'];

let client: LanguageClient | undefined;

const refactoringAutoSave = (): boolean => workspace.getConfiguration('files').get<boolean>('refactoring.autoSave', true);

export async function activate(context: ExtensionContext): Promise<void> {
  // Through the same start-up as the `ipsec-language-server` command: the bundle with its code cache.
  const serverModule = context.asAbsolutePath(path.join('bin', 'ipsec-language-server.js'));
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: {
      configurationSection: 'ipsec',
      // Cross-file checks need to hear about peers' files and certificates that are not open, and the settings file.
      fileEvents: workspace.createFileSystemWatcher(WATCHED_FILES),
    },
    initializationOptions: workspace.getConfiguration('ipsec'),
    errorHandler: restartPolicy((message) => void window.showWarningMessage(message)),
    middleware: {
      ...withoutServerSnippets,
      ...saveEditedFiles(workspace),
      ...saveRefactorings({ documents: () => workspace.textDocuments, autoSave: refactoringAutoSave, normalize: (uri) => Uri.parse(uri).toString() }),
    },
  };
  client = new LanguageClient('ipsec', 'IPsec Language Server', serverOptions(serverModule, TransportKind.ipc), clientOptions);
  const running = client;
  const matrix = new PeerMatrixPanel(running);
  const effective = new EffectiveConnectionViews(running);
  const gateways = new GatewaysView({
    summary: () => running.sendRequest<MatrixSummaryData>('ipsec/peerMatrix', { summary: true }),
    ends: (node) => running.sendRequest<MatrixCellData[]>('ipsec/peerMatrix', { node }),
  });
  context.subscriptions.push(
    setkeyForBsdIpsecConf(),
    commands.registerCommand('ipsec.newCountryConnection', () => newPeerConnection(running)),
    commands.registerCommand('ipsec.showPeerMatrix', () => matrix.show()),
    commands.registerCommand('ipsec.setDialect', () => setDialect(running)),
    workspace.registerTextDocumentContentProvider(EFFECTIVE_CONNECTION_SCHEME, effective),
    commands.registerCommand('ipsec.showEffectiveConnection', (row?: unknown) => effective.show(row)),
    commands.registerCommand(SAVE_EDITED_FILES, (...uris: string[]) =>
      saveDocuments(workspace.textDocuments, uris, refactoringAutoSave()),
    ),
    matrix.listenTo((listener) => languages.onDidChangeDiagnostics(listener)),
    gateways.register(),
    gateways.listenTo((listener) => languages.onDidChangeDiagnostics(listener)),
    restartWhenTrusted(workspace, () => running.restart(), (message) => void window.showWarningMessage(message)),
  );
  try {
    await client.start();
    context.subscriptions.push(createDialectStatus(running));
    void gateways.refresh().catch(() => undefined);
  } catch (error) {
    void window.showErrorMessage(`The IPsec language server could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
