import type { CertificateInfo } from '../../workspace/certificates';
import { folderOf } from '../../workspace/certPaths';
import type { IpsecNode } from '../../workspace/model';
import { childPath } from '../../workspace/pathOps';
import type { WorkspaceModel } from '../workspaceRule';

const caCache = new WeakMap<IpsecNode, CertificateInfo[]>();

/** The readable certificates in a gateway's cacerts, read once per node object (a changed node is a new object). */
export function loadCas(model: WorkspaceModel, node: IpsecNode): CertificateInfo[] {
  const known = caCache.get(node);
  if (known) return known;
  const folder = folderOf(node, 'cacerts');
  const cas: CertificateInfo[] = [];
  for (const name of model.files.list(folder) ?? []) {
    const loaded = model.certificates.load(childPath(folder, name));
    if (loaded.ok) cas.push(loaded.info);
  }
  caCache.set(node, cas);
  return cas;
}
