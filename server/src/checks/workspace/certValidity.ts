import path from 'node:path';
import { isIssuedBy, isSelfSigned, type CertificateInfo } from '../../workspace/certificates';
import { displayPath } from '../../workspace/nodeLayout';
import { folderOf } from '../../workspace/certPaths';
import { defineWorkspaceRule } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';
import { loadCas } from './nodeCas';

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** Why a certificate is not valid at `now`, or undefined when it is. */
function invalidity(info: CertificateInfo, now: Date): string | undefined {
  if (info.notAfter < now) return `expired on ${day(info.notAfter)}`;
  if (info.notBefore > now) return `is not valid before ${day(info.notBefore)}`;
  return undefined;
}

export const certValidity = defineWorkspaceRule({
  code: 'cert-validity',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A certificate, or the CA that issued it, is expired or not yet valid',
  description:
    'An expired certificate (or one whose validity starts in the future) is refused during authentication, and so is every certificate whose CA in `ipsec.d/cacerts` is expired: the daemons check the whole chain. Renew the certificate or install the CA\'s renewed certificate, or check the clock of the gateway. A CA is judged only when every CA of cacerts that issued the certificate is out of its validity.',
  checkNode(node, model, report) {
    // Usually every CA of cacerts is valid, and then no chain needs looking at.
    const someCaInvalid = loadCas(model, node).some((ca) => invalidity(ca, model.now) !== undefined);
    for (const ref of nodeCertificateRefs(model, node)) {
      if (!ref.info) continue;
      const span = ref.value.setting.value?.span ?? ref.value.setting.span;
      const own = invalidity(ref.info, model.now);
      if (own) {
        report({ document: ref.value.document, span, message: `certificate ${path.basename(ref.filePath)} ${own}: authentication with it will fail; install a valid certificate` });
        continue;
      }
      if (!someCaInvalid || isSelfSigned(ref.info)) continue;
      const info = ref.info;
      const issuers = loadCas(model, node).filter((ca) => isIssuedBy(info, ca));
      const problems = issuers.map((ca) => invalidity(ca, model.now));
      if (issuers.length === 0 || problems.some((problem) => problem === undefined)) continue;
      report({
        document: ref.value.document,
        span,
        message: `the CA that issued ${path.basename(ref.filePath)}, ${path.basename(issuers[0].filePath)} in ${displayPath(folderOf(node, 'cacerts'), node.layout)}, ${problems[0]}: the daemon refuses every certificate it issued; install the CA's renewed certificate`,
      });
    }
  },
});
