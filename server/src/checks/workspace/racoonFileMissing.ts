import path from 'node:path';
import { keepsFilesIn, pathOnGateway } from '../../workspace/keptFolders';
import { resolveRacoonFile } from '../../workspace/racoonHost';
import { defineWorkspaceRule } from '../workspaceRule';

export const racoonFileMissing = defineWorkspaceRule({
  code: 'racoon-file-missing',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A certificate or key named in racoon.conf is not under path certificate',
  description:
    '`certificate_type x509 "cert" "key"`, `ca_type x509 "ca"` and `peers_certfile x509 "file"` name files relative to `path certificate` (by default /etc/racoon/certs). racoon cannot start phase 1 with certificates when one is missing. A file is judged missing only from a folder the workspace keeps files in; otherwise the finding is a note that it cannot be checked.',
  check(model, report) {
    for (const host of model.racoonHosts) {
      for (const remote of host.remotes) {
        for (const file of remote.files) {
          const resolved = resolveRacoonFile(host, file.name);
          if (model.files.isFile(resolved)) continue;
          const written = path.posix.isAbsolute(file.name) ? file.name : path.posix.join(host.certificatePath.written, file.name);
          const where = pathOnGateway(written, resolved, host.layout);
          if (!keepsFilesIn(model.files, path.dirname(resolved))) {
            report({ document: remote.document, span: file.span, severity: 'info', message: `the ${file.role} "${file.name}" is not checked, since the workspace keeps no files in ${path.posix.dirname(where)} (put in place on the host?); add ${where} to have it checked` });
            continue;
          }
          report({ document: remote.document, span: file.span, message: `the ${file.role} "${file.name}" is not at ${where}: copy it there or fix path certificate` });
        }
      }
    }
  },
});
