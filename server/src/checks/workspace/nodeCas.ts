import { nodeRunsLibreswan } from '../../workspace/authMethods';
import type { CertificateInfo } from '../../workspace/certificates';
import { folderOf } from '../../workspace/certPaths';
import { keepsFilesIn } from '../../workspace/keptFolders';
import { MemoSlot } from '../../workspace/memo';
import type { IpsecNode } from '../../workspace/model';
import { childPath } from '../../workspace/pathOps';
import { privateKeyMatchesAny } from '../../workspace/publicKeys';
import type { WorkspaceModel } from '../workspaceRule';

const CAS = new MemoSlot<CertificateInfo[]>('CA certificates');

/** The readable certificates in a gateway's cacerts, read once per node object (a changed node is a new object). */
export function loadCas(model: WorkspaceModel, node: IpsecNode): CertificateInfo[] {
  return node.memo.get(CAS, model, (m) => {
    const folder = folderOf(node, 'cacerts');
    const cas: CertificateInfo[] = [];
    for (const name of m.files.list(folder) ?? []) {
      const loaded = m.certificates.load(childPath(folder, name));
      if (loaded.ok) cas.push(loaded.info);
    }
    return cas;
  });
}

/** Whether every file in a gateway's cacerts was read as a certificate: only then does what they lack say what the gateway lacks. */
export function readsEveryCaFile(model: WorkspaceModel, node: IpsecNode): boolean {
  return (model.files.list(folderOf(node, 'cacerts'))?.length ?? 0) === loadCas(model, node).length;
}

const UNMARKED = new MemoSlot<CertificateInfo[]>('CA certificates without CA:TRUE');

/** The certificates of a gateway's cacerts without basicConstraints CA:TRUE, which strongSwan discards; usually none. */
export function unmarkedCas(model: WorkspaceModel, node: IpsecNode): CertificateInfo[] {
  return node.memo.get(UNMARKED, model, (m) => loadCas(m, node).filter((ca) => !ca.cert.ca));
}

/**
 * A gateway written for Libreswan (3.13 and later read certificates and CAs from NSS only) that
 * keeps no file in `ipsec.d/certs` or `ipsec.d/cacerts`: its certificates are in the NSS
 * database, out of sight. When it keeps files there, they are taken to mirror the database.
 */
export function keepsCertificatesInNss(model: WorkspaceModel, node: IpsecNode): boolean {
  return nodeRunsLibreswan(node) === 'yes' && !keepsFilesIn(model.files, folderOf(node, 'certs')) && !keepsFilesIn(model.files, folderOf(node, 'cacerts'));
}

const CA_KEY = new MemoSlot<string | null>('private key of a CA');

/**
 * The file in `ipsec.d/private` holding the private key of one of the gateway's CAs, if any: such
 * a gateway can issue its own certificate, as containers do in their start scripts, so a missing
 * certificate or key of its own may be made there. Read only when something is missing.
 */
export function heldCaKey(model: WorkspaceModel, node: IpsecNode): string | undefined {
  const found = node.memo.get(CA_KEY, model, (m) => {
    const cas = loadCas(m, node).map((ca) => ca.cert);
    if (cas.length === 0) return null;
    const folder = folderOf(node, 'private');
    for (const name of m.files.list(folder) ?? []) {
      const bytes = m.files.readBytes?.(childPath(folder, name));
      if (bytes && privateKeyMatchesAny(bytes, undefined, cas) === true) return name;
    }
    return null;
  });
  return found ?? undefined;
}
