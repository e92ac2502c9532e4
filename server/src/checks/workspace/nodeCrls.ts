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

