import path from 'node:path';
import { defineWorkspaceRule } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';

export const certValidity = defineWorkspaceRule({
  code: 'cert-validity',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A certificate is expired or not yet valid',
  description: 'An expired certificate (or one whose validity starts in the future) is refused during authentication. Renew it, or check the clock of the gateway.',
  checkNode(node, model, report) {
    for (const ref of nodeCertificateRefs(model, node)) {
      if (!ref.info) continue;
      const day = (d: Date): string => d.toISOString().slice(0, 10);
      let problem: string | undefined;
      if (ref.info.notAfter < model.now) problem = `expired on ${day(ref.info.notAfter)}`;
      else if (ref.info.notBefore > model.now) problem = `is not valid before ${day(ref.info.notBefore)}`;
      if (!problem) continue;
      report({
        document: ref.value.document,
        span: ref.value.setting.value?.span ?? ref.value.setting.span,
        message: `certificate ${path.basename(ref.filePath)} ${problem}: authentication with it will fail; install a valid certificate`,
      });
    }
  },
});
