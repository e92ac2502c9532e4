import { isIssuedBy, type CertificateInfo } from '../../workspace/certificates';
import { folderOf } from '../../workspace/certPaths';
import { canonicalSerial, crlRevokes, crlSignedBy, parseCrl, type Crl, type CrlResult } from '../../workspace/crl';
import { MemoSlot } from '../../workspace/memo';
import type { IpsecNode } from '../../workspace/model';
import { childPath } from '../../workspace/pathOps';
import type { WorkspaceModel } from '../workspaceRule';
import { loadCas } from './nodeCas';

export interface LoadedCrl {
  readonly filePath: string;
  readonly crl: Crl;
}

/** What revokes a certificate on a gateway: a CRL of its crls folder, signed by the CA of its cacerts that issued the certificate. */
export interface Revocation {
  readonly crl: LoadedCrl;
  readonly ca: CertificateInfo;
  readonly since?: Date;
}

/** Parsed once per file content: a caching file source hands out the same bytes until the file changes. */
const parsed = new WeakMap<Buffer, CrlResult>();

const CRLS = new MemoSlot<LoadedCrl[]>('CRLs');

/** The readable CRLs in a gateway's ipsec.d/crls, read once per node object. */
export function loadCrls(model: WorkspaceModel, node: IpsecNode): LoadedCrl[] {
  return node.memo.get(CRLS, model, (m) => {
    const folder = folderOf(node, 'crls');
    const crls: LoadedCrl[] = [];
    for (const name of m.files.list(folder) ?? []) {
      const filePath = childPath(folder, name);
      if (name.startsWith('.') || !m.files.isFile(filePath)) continue;
      const bytes = m.files.readBytes?.(filePath) ?? m.files.readBytesUncached?.(filePath);
      if (!bytes) continue;
      let result = parsed.get(bytes);
      if (!result) {
        result = parseCrl(bytes);
        parsed.set(bytes, result);
      }
      if (result.ok) crls.push({ filePath, crl: result.crl });
    }
    return crls;
  });
}

/** Whether the gateway holds a CRL that revokes this certificate, issued by a CA it trusts for it. */
export function revocationOn(model: WorkspaceModel, node: IpsecNode, cert: CertificateInfo): Revocation | undefined {
  for (const loaded of loadCrls(model, node)) {
    if (!crlRevokes(loaded.crl, cert.cert)) continue;
    const ca = loadCas(model, node).find((candidate) => isIssuedBy(cert, candidate) && crlSignedBy(loaded.crl, candidate.cert));
    if (ca) return { crl: loaded, ca, since: loaded.crl.revoked.get(canonicalSerial(cert.cert.serialNumber)) };
  }
  return undefined;
}

/** Which of the daemons a gateway may run load CRLs from ipsec.d/crls (Libreswan keeps them in NSS). */
export function crlFolderReaders(node: IpsecNode): 'all' | 'some' | 'none' {
  const { choice, plausible } = node.dialect;
  const daemons = choice ? [choice.dialect] : plausible;
  const readers = daemons.filter((daemon) => daemon === 'openswan' || daemon === 'strongswan');
  if (readers.length === 0) return 'none';
  return readers.length === daemons.length ? 'all' : 'some';
}

/** The gateway's CRLs that `ca` signed: one still current at `now` if any, else the one that expired last. */
export function crlFrom(model: WorkspaceModel, node: IpsecNode, ca: CertificateInfo, now: Date): { readonly current?: LoadedCrl; readonly stale?: LoadedCrl } {
  let stale: LoadedCrl | undefined;
  for (const loaded of loadCrls(model, node)) {
    if (!crlSignedBy(loaded.crl, ca.cert)) continue;
    const until = loaded.crl.nextUpdate;
    if (!until || until >= now) return { current: loaded };
    if (!stale || (stale.crl.nextUpdate as Date) < until) stale = loaded;
  }
  return { stale };
}
