import path from 'node:path';
import { isIssuedBy, isSelfSigned, shortDn, type CertificateInfo } from '../../workspace/certificates';
import { folderOf } from '../../workspace/certPaths';
import type { IpsecNode } from '../../workspace/model';
import { displayPath } from '../../workspace/nodeLayout';
import { defineWorkspaceRule, type WorkspaceModel } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';

export const caMissing = defineWorkspaceRule({
  code: 'ca-missing',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "No CA certificate in ipsec.d/cacerts issued a conn's certificate",
  description:
    "The gateway accepts a peer's certificate only if the CA that signed it is in its own `ipsec.d/cacerts`; otherwise the tunnel will not come up. Checked by issuer name and signature, not by file name. In epSOS the CA is often the country's NCP-B IdV certificate (e.g. `NCPB__<cc>_IdV_1.der`).",
  checkNode(node, model, report) {
    for (const ref of nodeCertificateRefs(model, node)) {
      if (!ref.info || isSelfSigned(ref.info)) continue;
      const cas = loadCas(model, ref.node);
      if (cas.some((ca) => isIssuedBy(ref.info as CertificateInfo, ca))) continue;
      const whose = ref.side === 'right' ? "the peer's certificate" : 'this gateway\'s own certificate';
      report({
        document: ref.value.document,
        span: ref.value.setting.value?.span ?? ref.value.setting.span,
        message: `no CA in ${displayPath(folderOf(ref.node, 'cacerts'), ref.node.layout)} issued ${whose} ${path.basename(ref.filePath)} (issuer: ${shortDn(ref.info.issuer)}): add that CA certificate there or the tunnel will not come up`,
      });
    }
  },
});

const caCache = new WeakMap<IpsecNode, CertificateInfo[]>();

/** The CA certificates of a node, read once per node object (a changed node is a new object). */
function loadCas(model: WorkspaceModel, node: IpsecNode): CertificateInfo[] {
  const known = caCache.get(node);
  if (known) return known;
  const cas = readCas(model, node);
  caCache.set(node, cas);
  return cas;
}

function readCas(model: WorkspaceModel, node: IpsecNode): CertificateInfo[] {
  const folder = folderOf(node, 'cacerts');
  const cas: CertificateInfo[] = [];
  for (const name of model.files.list(folder) ?? []) {
    const loaded = model.certificates.load(path.join(folder, name));
    if (loaded.ok) cas.push(loaded.info);
  }
  return cas;
}
