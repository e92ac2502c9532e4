import path from 'node:path';
import type { WorkspaceModel } from '../checks/workspaceRule';
import { isIssuedBy, shortDn } from '../workspace/certificates';
import { folderOf } from '../workspace/certPaths';
import type { IpsecNode } from '../workspace/model';
import { draftPeerConn } from '../workspace/peerConnDraft';
import { includeLineFor, readByIncludes } from '../workspace/includeLines';
import type { TextEdit } from '../checks/finding';
import { appendLine } from '../model/appendLine';
import { nodesOf } from './connLookup';

export interface NewPeerRequest {
  /** A document of the node to add the peer to (or any file when the workspace has one node). */
  readonly uri: string;
  readonly countryCode: string;
  readonly peerAddress: string;
  readonly peerId: string;
  /** A file name in the node's ipsec.d/certs. */
  readonly peerCert?: string;
}

export interface NewPeerResult {
  readonly filePath: string;
  readonly text: string;
  readonly ca: { readonly status: 'present' | 'missing' | 'unknown'; readonly detail: string };
  /** When no include line of the gateway reads the new file: the line that would, as an edit of ipsec.conf. */
  readonly include?: { readonly line: string; readonly edit: TextEdit & { readonly uri: string } };
}

export interface NewPeerChoices {
  readonly nodeRoot: string;
  readonly certificates: readonly string[];
}

export function nodeFor(model: WorkspaceModel, uri: string): IpsecNode | undefined {
  return nodesOf(model, uri)[0] ?? (model.nodes.length === 1 ? model.nodes[0] : undefined);
}

/** What the wizard can offer: the certificate files of the node's ipsec.d/certs. */
export function newPeerChoices(model: WorkspaceModel, uri: string): NewPeerChoices | undefined {
  const node = nodeFor(model, uri);
  if (!node) return undefined;
  const certificates = (model.files.list(folderOf(node, 'certs')) ?? []).filter((name) => !name.startsWith('.'));
  return { nodeRoot: node.layout.root, certificates };
}

/**
 * Writes the text of `ipsec.d/<cc>.conf` for a new peer in the style of the node's existing
 * peer files (their keys, order and indentation), says whether the CA of the peer's
 * certificate is in ipsec.d/cacerts and, when no include of ipsec.conf would read the file, the
 * include line to add. The caller writes the file (and the line) once the user accepts.
 */
export function newPeerConnection(model: WorkspaceModel, request: NewPeerRequest): NewPeerResult | { error: string } {
  const node = nodeFor(model, request.uri);
  if (!node) return { error: 'Open a file of the gateway (its ipsec.conf or an ipsec.d file) first.' };
  const code = request.countryCode.trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(code)) return { error: 'The connection name must be a short word such as "dk".' };
  if (node.conns.has(code)) return { error: `This gateway already has a conn named "${code}".` };
  const draft = draftPeerConn(node, code, { right: request.peerAddress.trim(), rightid: request.peerId.trim(), rightcert: request.peerCert });
  const line = readByIncludes(node, draft.filePath) || node.documents.length === 0 ? undefined : includeLineFor(node, path.basename(draft.filePath));
  return {
    ...draft,
    ca: caStatus(model, node, request.peerCert),
    include: line ? { line, edit: appendLine(node.documents[0], line) } : undefined,
  };
}

function caStatus(model: WorkspaceModel, node: IpsecNode, certName: string | undefined): NewPeerResult['ca'] {
  if (!certName) return { status: 'unknown', detail: 'No certificate was chosen.' };
  const loaded = model.certificates.load(path.join(folderOf(node, 'certs'), certName));
  if (!loaded.ok) return { status: 'unknown', detail: `${certName} ${loaded.reason}.` };
  const folder = folderOf(node, 'cacerts');
  for (const name of model.files.list(folder) ?? []) {
    const ca = model.certificates.load(path.join(folder, name));
    if (ca.ok && isIssuedBy(loaded.info, ca.info)) return { status: 'present', detail: `Its CA is ipsec.d/cacerts/${name}.` };
  }
  return { status: 'missing', detail: `No CA in ipsec.d/cacerts issued it (issuer: ${shortDn(loaded.info.issuer)}). Add that CA or the tunnel will not come up.` };
}

