import { nodeRunsLibreswan } from '../../workspace/authMethods';
import type { CertificateInfo } from '../../workspace/certificates';
import { folderOf } from '../../workspace/certPaths';
import { keepsFilesIn } from '../../workspace/keptFolders';
import { MemoSlot } from '../../workspace/memo';
import type { IpsecNode } from '../../workspace/model';
import { childPath } from '../../workspace/pathOps';
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

/**
 * A gateway written for Libreswan (3.13 and later read certificates and CAs from NSS only) that
 * keeps no file in `ipsec.d/certs` or `ipsec.d/cacerts`: its certificates are in the NSS
 * database, out of sight. When it keeps files there, they are taken to mirror the database.
 */
export function keepsCertificatesInNss(model: WorkspaceModel, node: IpsecNode): boolean {
  return nodeRunsLibreswan(node) === 'yes' && !keepsFilesIn(model.files, folderOf(node, 'certs')) && !keepsFilesIn(model.files, folderOf(node, 'cacerts'));
}
