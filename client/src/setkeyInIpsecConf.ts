import { languages, workspace, type Disposable, type TextDocument } from 'vscode';
import { holdsSetkeyCommands } from '../../server/src/model/sniffKind';

/**
 * FreeBSD and NetBSD keep setkey commands in /etc/ipsec.conf, which the ipsec language claims by
 * name: such a file is given the setkey language when it opens, for its colours and its checks.
 */
export function setkeyForBsdIpsecConf(): Disposable {
  const retag = (document: TextDocument): void => {
    if (document.languageId === 'ipsec' && holdsSetkeyCommands(document.getText())) void languages.setTextDocumentLanguage(document, 'setkey');
  };
  workspace.textDocuments.forEach(retag);
  return workspace.onDidOpenTextDocument(retag);
}
