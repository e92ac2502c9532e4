import path from 'node:path';
import { loadCas } from '../../checks/workspace/nodeCas';
import { loadCrls, revocationOn } from '../../checks/workspace/nodeCrls';
import type { WorkspaceModel } from '../../checks/workspaceRule';
import type { ParsedDocument } from '../../model/document';
import { racoonStatements } from '../../parsing/racoon/walk';
import { folderOf, namesCertificateFile, resolveInNode, type CertFolder } from '../../workspace/certPaths';
import { isIssuedBy, isSelfSigned, type CertificateInfo } from '../../workspace/certificates';
import { crlSignedBy } from '../../workspace/crl';
import type { IpsecNode } from '../../workspace/model';
import { displayPath, type NodeLayout } from '../../workspace/nodeLayout';
import { racoonFileOf, resolveRacoonFile, type RacoonHost } from '../../workspace/racoonHost';
import type { HoverResult } from '../connHover';
import { nodesOf } from '../connLookup';
import { describeCertificate, describeUnreadableCertificate, type IssuerStatus } from '../describe/certificate';

/** Keys whose value names a certificate file, and the ipsec.d folder a relative name is found in. */
const CERTIFICATE_KEYS: Readonly<Record<string, CertFolder>> = { leftcert: 'certs', rightcert: 'certs', cacert: 'cacerts' };

/** Where the certificate file is and which CA certificates may have issued it. */
interface CertificateTarget {
  readonly filePath: string;
  readonly shown: string;
  readonly cas: readonly string[];
  /** How the CA candidates are described to the user. */
  readonly caFolder: string;
  readonly layout: NodeLayout;
}

/**
 * Hover on the value of `leftcert=`, `rightcert=` or strongSwan's `cacert=`: the certificate
 * file of the gateway the document belongs to, read from its ipsec.d folders.
 */
export function ipsecCertificateHover(model: WorkspaceModel, document: ParsedDocument<'ipsec'>, offset: number, modelUri: string): HoverResult | undefined {
  const setting = document.ast.sections
    .flatMap((section) => section.settings)
    .find((s) => s.value !== undefined && s.value.span.start <= offset && offset <= s.value.span.end && CERTIFICATE_KEYS[s.key.text] !== undefined);
  const value = setting?.value;
  const node = nodesOf(model, modelUri)[0];
  if (!setting || !value || !node || value.text.length === 0 || value.text.startsWith('%')) return undefined;
  const filePath = resolveInNode(node, value.text, CERTIFICATE_KEYS[setting.key.text]);
  const range = document.source.rangeOf(value.span);
  if (!model.files.isFile(filePath) && !namesCertificateFile(value.text)) {
    return { markdown: `**Certificate nickname** \`${value.text.replace(/`/g, "'")}\`\n\nNot a file name: Libreswan looks the certificate up by this nickname in its NSS database.`, range };
  }
  const cacerts = folderOf(node, 'cacerts');
  const cas = (model.files.list(cacerts) ?? []).map((name) => path.join(cacerts, name)).filter((ca) => ca !== filePath);
  const target = { filePath, shown: displayPath(filePath, node.layout), cas, caFolder: displayPath(cacerts, node.layout), layout: node.layout };
  return { markdown: certificateMarkdown(model, target, (info) => revocationNote(model, node, info)), range };
}

/**
 * Hover on the file names of `certificate_type x509 "cert" "key"`, `ca_type x509 "ca"` and
 * `peers_certfile x509 "cert"` in racoon.conf, found under the host's `path certificate`.
 */
export function racoonCertificateHover(model: WorkspaceModel, document: ParsedDocument<'racoon'>, offset: number, modelUri: string): HoverResult | undefined {
  const host = racoonFileOf(model.racoonHosts, modelUri)?.host;
  if (!host) return undefined;
  for (const { statement } of racoonStatements(document.ast)) {
    if (offset < statement.span.start || offset > statement.span.end) continue;
    const [keyword, type, ...rest] = statement.head;
    if (!keyword || type?.text !== 'x509' || !FILE_STATEMENTS.has(keyword.text)) continue;
    const strings = rest.filter((token) => token.kind === 'string');
    const index = strings.findIndex((token) => token.span.start <= offset && offset <= token.span.end);
    if (index < 0) continue;
    const filePath = resolveRacoonFile(host, strings[index].text);
    const shown = displayPath(filePath, host.layout);
    const range = document.source.rangeOf(strings[index].span);
    if (keyword.text === 'certificate_type' && index === 1) return { markdown: privateKeyMarkdown(model, shown, filePath), range };
    const cas = caFilesOf(host).filter((ca) => ca !== filePath);
    return { markdown: certificateMarkdown(model, { filePath, shown, cas, caFolder: 'the `ca_type` files of this racoon.conf', layout: host.layout }), range };
  }
  return undefined;
}

const FILE_STATEMENTS: ReadonlySet<string> = new Set(['certificate_type', 'ca_type', 'peers_certfile']);

function caFilesOf(host: RacoonHost): string[] {
  return host.remotes.flatMap((remote) => remote.files.filter((file) => file.role === 'CA certificate').map((file) => resolveRacoonFile(host, file.name)));
}

function certificateMarkdown(model: WorkspaceModel, target: CertificateTarget, revocation?: (info: CertificateInfo) => string | undefined): string {
  if (!model.files.isFile(target.filePath)) return describeUnreadableCertificate(target.shown, 'does not exist');
  const loaded = model.certificates.load(target.filePath);
  if (!loaded.ok) return describeUnreadableCertificate(target.shown, loaded.reason);
  return describeCertificate(target.shown, loaded.info, model.now, issuerOf(model, loaded.info, target), revocation?.(loaded.info));
}

/** What the gateway's ipsec.d/crls says of the certificate: revoked, or not listed by its CA's list. */
function revocationNote(model: WorkspaceModel, node: IpsecNode, info: CertificateInfo): string | undefined {
  const revoked = revocationOn(model, node, info, 'openswan') ?? revocationOn(model, node, info, 'strongswan');
  if (revoked) {
    const since = revoked.since ? ` since ${revoked.since.toISOString().slice(0, 10)}` : '';
    return `**Revoked**${since}: \`${displayPath(revoked.crl.filePath, node.layout)}\` lists it: Openswan and strongSwan on this gateway refuse it (Libreswan reads CRLs from its NSS database).`;
  }
  const ca = loadCas(model, node).find((candidate) => isIssuedBy(info, candidate));
  const list = ca && loadCrls(model, node).crls.find((loaded) => crlSignedBy(loaded.crl, ca.cert));
  if (!list) return undefined;
  const next = list.crl.nextUpdate ? `, next update ${list.crl.nextUpdate.toISOString().slice(0, 10)}` : '';
  return `Not revoked by its CA's list \`${displayPath(list.filePath, node.layout)}\`${next}.`;
}

function issuerOf(model: WorkspaceModel, info: CertificateInfo, target: CertificateTarget): IssuerStatus {
  if (isSelfSigned(info)) return { kind: 'self-signed' };
  for (const caPath of target.cas) {
    const ca = model.certificates.load(caPath);
    if (ca.ok && isIssuedBy(info, ca.info)) return { kind: 'found', caPath: displayPath(caPath, target.layout), folder: target.caFolder };
  }
  return { kind: 'missing', folder: target.caFolder };
}

function privateKeyMarkdown(model: WorkspaceModel, shown: string, filePath: string): string {
  const state = model.files.isFile(filePath) ? 'The file exists in this host.' : 'This file does not exist in this host, so racoon cannot sign with it.';
  return `**Private key** \`${shown.replace(/`/g, "'")}\`\n\nThe key racoon signs with for this certificate. ${state} Its contents are never shown.`;
}
