import { Position, Range, Uri, WorkspaceEdit, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface Choices {
  nodeRoot: string;
  certificates: string[];
}

interface IncludeEdit {
  line: string;
  edit: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
}

type Draft = { filePath: string; text: string; ca: { status: 'present' | 'missing' | 'unknown'; detail: string }; include?: IncludeEdit } | { error: string };

/**
 * Asks for the peer's details, lets the server draft `ipsec.d/<cc>.conf` in the node's style,
 * and writes it only after the user confirmed every step.
 */
export async function newPeerConnection(client: LanguageClient): Promise<void> {
  const uri = window.activeTextEditor?.document.uri.toString() ?? '';
  const choices = await client.sendRequest<Choices | null>('ipsec/newPeerChoices', { uri });
  if (!choices) {
    void window.showWarningMessage('Open a file of the gateway (its ipsec.conf or an ipsec.d file) first.');
    return;
  }
  const countryCode = await window.showInputBox({ title: 'New epSOS country connection (1/4)', prompt: 'Country code, used as conn name and file name', placeHolder: 'dk', validateInput: (v) => (/^[A-Za-z][A-Za-z0-9-]{0,31}$/.test(v.trim()) ? undefined : 'A short word such as dk') });
  if (!countryCode) return;
  const peerAddress = await window.showInputBox({ title: 'New epSOS country connection (2/4)', prompt: "Peer gateway's address or host name", placeHolder: '198.51.100.7' });
  if (!peerAddress) return;
  const peerId = await window.showInputBox({ title: 'New epSOS country connection (3/4)', prompt: "Peer's ID: the leftid in its own configuration", placeHolder: '@vpn.peer.example' });
  if (!peerId) return;
  const picked = await window.showQuickPick(['(none)', ...choices.certificates], { title: 'New epSOS country connection (4/4)', placeHolder: "Peer's certificate from ipsec.d/certs" });
  if (picked === undefined) return;
  const draft = await client.sendRequest<Draft>('ipsec/newPeerConnection', { uri, countryCode, peerAddress, peerId, peerCert: picked === '(none)' ? undefined : picked });
  if ('error' in draft) {
    void window.showErrorMessage(draft.error);
    return;
  }
  const target = Uri.file(draft.filePath);
  const exists = await workspace.fs.stat(target).then(() => true, () => false);
  if (exists) {
    const answer = await window.showWarningMessage(`${draft.filePath} exists. Replace it?`, { modal: true }, 'Replace');
    if (answer !== 'Replace') return;
  }
  await workspace.fs.writeFile(target, Buffer.from(draft.text, 'utf8'));
  await window.showTextDocument(target);
  const message = `Created ${workspace.asRelativePath(target)}. ${draft.ca.detail}`;
  if (draft.ca.status === 'missing') void window.showWarningMessage(message);
  else void window.showInformationMessage(message);
  if (draft.include) await offerInclude(draft.include);
}

/** The gateway's ipsec.conf would not read the new file: offer its include line, saved only if the user says so. */
async function offerInclude(include: IncludeEdit): Promise<void> {
  const answer = await window.showWarningMessage(`No include of ipsec.conf reads the new file, so the daemon would never load it. Add "${include.line}" to ipsec.conf?`, 'Add include');
  if (answer !== 'Add include') return;
  const { start, end } = include.edit.range;
  const edit = new WorkspaceEdit();
  const uri = Uri.parse(include.edit.uri);
  edit.replace(uri, new Range(new Position(start.line, start.character), new Position(end.line, end.character)), include.edit.newText);
  if (await workspace.applyEdit(edit)) await (await workspace.openTextDocument(uri)).save();
}
