import path from 'node:path';
import { isIssuedBy, shortDn, type CertificateInfo } from '../../workspace/certificates';
import { folderOf } from '../../workspace/certPaths';
import { fileUri } from '../../workspace/loadIpsecNode';
import type { IpsecNode } from '../../workspace/model';
import { createsInside } from '../../workspace/newFileTarget';
import { childPath } from '../../workspace/pathOps';
import type { Fix } from '../finding';
import type { WorkspaceModel } from '../workspaceRule';
import { loadCas } from './nodeCas';

/**
 * Quick fixes for a certificate that no CA of `judge` issued: for each distinct CA that another
 * gateway of the workspace already trusts and that did sign it, a fix that writes a PEM copy
 * into `judge`'s cacerts. Adding a trust anchor is a decision, so these are never preferred and
 * never part of "fix all" or `--fix`.
 */
export function caImportFixes(model: WorkspaceModel, certificate: CertificateInfo, judge: IpsecNode): Fix[] {
  // A cacerts that is a link out of the gateway's folder would have the edit write elsewhere.
  if (!createsInside(model.files, folderOf(judge, 'cacerts'), judge.layout.root)) return [];
  const fixes: Fix[] = [];
  const offered = new Set<string>();
  for (const node of model.nodes) {
    if (node === judge) continue;
    for (const ca of loadCas(model, node)) {
      if (offered.has(ca.fingerprint) || !isIssuedBy(certificate, ca)) continue;
      offered.add(ca.fingerprint);
      fixes.push(importFix(model, ca, node, judge));
    }
  }
  return fixes;
}

function importFix(model: WorkspaceModel, ca: CertificateInfo, holder: IpsecNode, judge: IpsecNode): Fix {
  const folder = folderOf(judge, 'cacerts');
  const name = freeName(model, folder, pemName(ca.filePath));
  const from = path.relative(path.dirname(holder.layout.root), path.dirname(ca.filePath));
  // Named, not "this gateway's": the fix is also offered on the peer's certificate, in the peer's files.
  const to = path.relative(path.dirname(judge.layout.root), childPath(folder, name));
  // The CA's common name first: a quick-fix menu shows one line, and the rest may be cut off.
  return {
    title: `Trust CA "${commonName(ca.subject)}": copy it from ${from} to ${to}`,
    edits: [],
    creates: [{ uri: fileUri(childPath(folder, name)), text: toPem(ca.cert.raw) }],
  };
}

/** The CN of a subject as Node prints it (one `key=value` per line), or the whole subject in short form. */
function commonName(subject: string): string {
  const cn = subject.split('\n').find((part) => part.startsWith('CN='));
  return cn ? cn.slice(3) : shortDn(subject);
}

/** `NCPB__FR_IdV_1.der` → `NCPB__FR_IdV_1.pem`. */
function pemName(filePath: string): string {
  const base = path.basename(filePath);
  const stem = base.replace(/\.(der|pem|crt|cer|cert)$/i, '');
  return `${stem.length > 0 ? stem : 'ca'}.pem`;
}

/** The name itself, or name-1.pem, name-2.pem…: never one the folder already holds. */
function freeName(model: WorkspaceModel, folder: string, wanted: string): string {
  const taken = new Set(model.files.list(folder) ?? []);
  if (!taken.has(wanted)) return wanted;
  const stem = wanted.slice(0, -'.pem'.length);
  for (let n = 1; ; n++) {
    const candidate = `${stem}-${n}.pem`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function toPem(der: Buffer): string {
  const base64 = der.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
