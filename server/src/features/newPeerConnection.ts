import path from 'node:path';
import type { WorkspaceModel } from '../checks/workspaceRule';
import { isIssuedBy, shortDn } from '../workspace/certificates';
import { folderOf } from '../workspace/certPaths';
import type { IpsecNode } from '../workspace/model';
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
 * peer files (their keys, order and indentation), and says whether the CA of the peer's
 * certificate is in ipsec.d/cacerts. The caller writes the file once the user accepts.
 */
export function newPeerConnection(model: WorkspaceModel, request: NewPeerRequest): NewPeerResult | { error: string } {
  const node = nodeFor(model, request.uri);
  if (!node) return { error: 'Open a file of the gateway (its ipsec.conf or an ipsec.d file) first.' };
  const code = request.countryCode.trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(code)) return { error: 'The connection name must be a short word such as "dk".' };
  if (node.conns.has(code)) return { error: `This gateway already has a conn named "${code}".` };
  const template = peerTemplate(node);
  const values: Record<string, string> = {
    right: request.peerAddress.trim(),
    rightid: request.peerId.trim(),
    ...(request.peerCert ? { rightcert: request.peerCert } : {}),
  };
  const lines = [`conn ${code}`];
  const keys = template?.keys ?? ['right', 'rightid', 'rightcert', 'auto', 'pfs'];
  for (const key of keys) {
    const value = values[key] ?? template?.defaults.get(key) ?? DEFAULT_VALUES[key];
    if (value === undefined || (key === 'rightcert' && !request.peerCert)) continue;
    lines.push(`${template?.indent ?? '\t'}${key}=${/\s/.test(value) ? `"${value}"` : value}`);
  }
  for (const [key, value] of Object.entries(values)) if (!keys.includes(key)) lines.push(`${template?.indent ?? '\t'}${key}=${value}`);
  return {
    filePath: path.join(node.layout.etc, 'ipsec.d', `${code}.conf`),
    text: `${lines.join('\n')}\n`,
    ca: caStatus(model, node, request.peerCert),
  };
}

const DEFAULT_VALUES: Record<string, string> = { auto: 'add', pfs: 'yes' };
const PER_PEER = new Set(['right', 'rightid', 'rightcert', 'rightsubnet', 'rightrsasigkey']);

function peerTemplate(node: IpsecNode): { keys: string[]; defaults: Map<string, string>; indent: string } | undefined {
  for (const document of node.documents) {
    const conns = document.ast.sections.filter((s) => s.kind === 'conn' && s.name?.text !== '%default');
    if (conns.length !== 1 || !conns[0].settings.some((s) => s.key.text === 'rightid')) continue;
    const settings = conns[0].settings.filter((s) => s.equals);
    const indent = settings[0] ? document.source.slice(settings[0].indent) : '\t';
    const defaults = new Map(settings.filter((s) => !PER_PEER.has(s.key.text)).map((s) => [s.key.text, s.value?.text ?? ''] as [string, string]));
    return { keys: settings.map((s) => s.key.text), defaults, indent: indent.length > 0 ? indent : '\t' };
  }
  return undefined;
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

