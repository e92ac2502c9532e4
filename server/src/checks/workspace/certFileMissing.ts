import { displayPath } from '../../workspace/nodeLayout';
import { defineWorkspaceRule } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';
import { keepsCertificatesInNss } from './nodeCas';

export const certFileMissing = defineWorkspaceRule({
  code: 'cert-file-missing',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A certificate file named by leftcert/rightcert is not there',
  description:
    'File-based daemons (Openswan, strongSwan) load `leftcert`/`rightcert` from `ipsec.d/certs` (or the absolute path given). A missing or unreadable file stops the conn from loading. Values without a file extension are taken as Libreswan NSS nicknames and not checked; so is every value of a gateway written for Libreswan that keeps no file in `ipsec.d/certs` or `ipsec.d/cacerts`, since Libreswan 3.13 and later read certificates from NSS only (when it keeps files there, they are taken to mirror the NSS database).',
  checkNode(node, model, report) {
    // Libreswan reads leftcert= as a nickname in its NSS database; only folders that mirror it say what is missing.
    if (keepsCertificatesInNss(model, node)) return;
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
