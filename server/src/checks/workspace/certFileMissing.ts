import { displayPath } from '../../workspace/nodeLayout';
import { defineWorkspaceRule } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';

export const certFileMissing = defineWorkspaceRule({
  code: 'cert-file-missing',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A certificate file named by leftcert/rightcert is not there',
  description:
    'File-based daemons (Openswan, strongSwan) load `leftcert`/`rightcert` from `ipsec.d/certs` (or the absolute path given). A missing or unreadable file stops the conn from loading. Values without a file extension are taken as Libreswan NSS nicknames and not checked.',
  checkNode(node, model, report) {
    for (const ref of nodeCertificateRefs(model, node)) {
      if (ref.info) continue;
      const where = displayPath(ref.filePath, ref.node.layout);
      const problem = ref.reason ? `${where} ${ref.reason}` : `${where} does not exist in this node`;
      report({
        document: ref.value.document,
        span: ref.value.setting.value?.span ?? ref.value.setting.span,
        message: `${ref.side}cert=${ref.value.value}: ${problem}; copy the certificate there (DER or PEM)`,
      });
    }
  },
});
