import { displayPath } from '../../workspace/nodeLayout';
import { resolveRacoonFile } from '../../workspace/racoonHost';
import { defineWorkspaceRule } from '../workspaceRule';

export const racoonFileMissing = defineWorkspaceRule({
  code: 'racoon-file-missing',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A certificate or key named in racoon.conf is not under path certificate',
  description:
    '`certificate_type x509 "cert" "key"`, `ca_type x509 "ca"` and `peers_certfile x509 "file"` name files relative to `path certificate` (by default /etc/racoon/certs). racoon cannot start phase 1 with certificates when one is missing.',
  check(model, report) {
    for (const host of model.racoonHosts) {
      for (const remote of host.remotes) {
        for (const file of remote.files) {
          const resolved = resolveRacoonFile(host, file.name);
          if (model.files.isFile(resolved)) continue;
          report({
            document: host.document,
            span: file.span,
            message: `the ${file.role} "${file.name}" is not at ${displayPath(resolved, host.layout)}: copy it there or fix path certificate`,
          });
        }
      }
    }
  },
});
