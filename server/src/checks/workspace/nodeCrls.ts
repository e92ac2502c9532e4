import type { DialectName } from '../../model/dialect';
import { isIssuedBy, type CertificateInfo } from '../../workspace/certificates';
import { folderOf } from '../../workspace/certPaths';
import { canonicalSerial, crlFoundFor, crlRevokes, crlSignedBy, parseCrl, type Crl, type CrlReader, type CrlResult } from '../../workspace/crl';
import { possibleDialects } from '../../workspace/ikeIdentity';
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

/** A gateway's lists, and how many files of its crls folder could not be read as one (too large, unreadable, not understood). */
export interface NodeCrls {
  readonly crls: readonly LoadedCrl[];
  readonly unread: number;
}

const CRLS = new MemoSlot<NodeCrls>('CRLs');

/** The CRLs in a gateway's ipsec.d/crls, read once per node object. */
export function loadCrls(model: WorkspaceModel, node: IpsecNode): NodeCrls {
  return node.memo.get(CRLS, model, (m) => {
    const folder = folderOf(node, 'crls');
    const crls: LoadedCrl[] = [];
    let unread = 0;
    for (const name of m.files.list(folder) ?? []) {
      const filePath = childPath(folder, name);
      if (name.startsWith('.') || !m.files.isFile(filePath)) continue;
      const bytes = m.files.readBytes?.(filePath) ?? m.files.readBytesUncached?.(filePath);
      let result = bytes && parsed.get(bytes);
      if (bytes && !result) {
        result = parseCrl(bytes);
        parsed.set(bytes, result);
      }
      if (result?.ok) crls.push({ filePath, crl: result.crl });
      else unread++;
    }
    return { crls, unread };
  });
}

/** The CA of the gateway's cacerts that issued the certificate and signed the list. */
function signingCa(model: WorkspaceModel, node: IpsecNode, cert: CertificateInfo, crl: Crl): CertificateInfo | undefined {
  return loadCas(model, node).find((ca) => isIssuedBy(cert, ca) && crlSignedBy(crl, ca.cert));
}

/** The list that makes the daemon on this gateway take the certificate as revoked, if any. */
export function revocationOn(model: WorkspaceModel, node: IpsecNode, cert: CertificateInfo, daemon: CrlReader): Revocation | undefined {
  for (const loaded of loadCrls(model, node).crls) {
    if (!crlRevokes(loaded.crl, cert.cert)) continue;
    const ca = signingCa(model, node, cert, loaded.crl);
    if (ca && crlFoundFor(loaded.crl, cert.cert, ca.cert, daemon)) return { crl: loaded, ca, since: loaded.crl.revoked.get(canonicalSerial(cert.cert.serialNumber)) };
  }
  return undefined;
}

/** The lists of `ca` the gateway holds for the certificate, as the daemon sees them at `now`. */
export interface CrlsOfCa {
  /** One the daemon finds and that is still current. */
  readonly current?: LoadedCrl;
  /** The one that expired last, of those the daemon finds. */
  readonly stale?: LoadedCrl;
  /** Current ones the daemon does not find (strongSwan: no authority key ID). */
  readonly unfound?: LoadedCrl;
  /** Files of the crls folder that could not be read as a list: one of them may be the CA's. */
  readonly unread: number;
}

export function crlsOfCa(model: WorkspaceModel, node: IpsecNode, ca: CertificateInfo, cert: CertificateInfo, now: Date, daemon: CrlReader): CrlsOfCa {
  let stale: LoadedCrl | undefined;
  let unfound: LoadedCrl | undefined;
  const { crls, unread } = loadCrls(model, node);
  for (const loaded of crls) {
    if (!crlSignedBy(loaded.crl, ca.cert)) continue;
    const until = loaded.crl.nextUpdate;
    const isCurrent = !until || until >= now;
    // Where strongSwan has a list with some key ID, say less: the ID may be one it also looks up.
    const found = daemon === 'strongswan' ? loaded.crl.authorityKeyId !== undefined : crlFoundFor(loaded.crl, cert.cert, ca.cert, daemon);
    if (!found) {
      if (isCurrent) unfound = loaded;
      continue;
    }
    if (isCurrent) return { current: loaded, unread };
    if (!stale || (stale.crl.nextUpdate as Date) < (until as Date)) stale = loaded;
  }
  return { stale, unfound, unread };
}

/** The daemons a gateway may run, and those of them that read ipsec.d/crls (Libreswan keeps CRLs in NSS). */
export function crlReaders(node: IpsecNode): { readonly daemons: readonly DialectName[]; readonly readers: readonly CrlReader[] } {
  const daemons = possibleDialects(node.dialect);
  return { daemons, readers: daemons.filter((daemon): daemon is CrlReader => daemon === 'openswan' || daemon === 'strongswan') };
}

const DAEMON_NAMES: Record<CrlReader, string> = { openswan: 'Openswan', strongswan: 'strongSwan' };

/** "Openswan" or "Openswan and strongSwan". */
export function daemonNames(daemons: readonly CrlReader[]): string {
  return daemons.map((daemon) => DAEMON_NAMES[daemon]).join(' and ');
}
