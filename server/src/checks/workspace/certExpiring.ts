import path from 'node:path';
import { defineWorkspaceRule } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';

const DAY = 24 * 60 * 60 * 1000;

export const certExpiring = defineWorkspaceRule({
  code: 'cert-expiring',
  fileKinds: ['ipsec'],
  defaultSeverity: 'info',
  title: 'A certificate expires soon',
  description: 'The certificate is still valid but expires within `ipsec.certificates.expiryWarningDays` days (30 by default): renew it, and send the new one to the peers that hold a copy.',
  checkNode(node, model, report) {
    for (const ref of nodeCertificateRefs(model, node)) {
      if (!ref.info || ref.info.notAfter < model.now) continue;
      const days = Math.floor((ref.info.notAfter.getTime() - model.now.getTime()) / DAY);
      if (days > model.expiryWarningDays) continue;
      report({
        document: ref.value.document,
        span: ref.value.setting.value?.span ?? ref.value.setting.span,
        message: `certificate ${path.basename(ref.filePath)} expires on ${ref.info.notAfter.toISOString().slice(0, 10)}, in ${days} day(s): renew it in time`,
      });
    }
  },
});
