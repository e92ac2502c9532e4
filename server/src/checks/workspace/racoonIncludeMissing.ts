import path from 'node:path';
import { hasGlob } from '../../workspace/glob';
import type { FileKind } from '../../model/fileKind';
import { keepsFilesIn, pathOnGateway } from '../../workspace/keptFolders';
import { displayPath } from '../../workspace/nodeLayout';
import { defineWorkspaceRule } from '../workspaceRule';

const KIND_NAMES: Record<FileKind, string> = { ipsec: 'ipsec.conf file', 'ipsec-secrets': 'secrets file', racoon: 'racoon.conf file', 'racoon-psk': 'pre-shared key file', setkey: 'setkey file' };

export const racoonIncludeMissing = defineWorkspaceRule({
  code: 'racoon-include-missing',
  fileKinds: ['racoon'],
  defaultSeverity: 'warning',
  title: 'A racoon.conf include finds no file, or a file of another kind',
  description:
    'racoon expands `include "…"` as a shell glob and refuses the configuration when it matches nothing ("glob found no matches"). A relative name is taken under the `path include` set before it; with none, racoon finds nothing. A pattern that also finds a setkey file, psk.txt or another file that is no racoon.conf (`/etc/racoon/*`) makes racoon read that file as racoon.conf statements, and refuse it. A file is judged missing only from a folder the workspace keeps files in; otherwise the finding is a note that what it holds is not checked.',
  check(model, report) {
    for (const host of model.racoonHosts) {
      for (const include of host.includes) {
        if (include.withoutIncludePath) {
          report({ document: include.document, span: include.span, message: `racoon reads "${include.written}" under path include, which is not set before this line, so it finds nothing and refuses the configuration: write the full path, or set path include first` });
          continue;
        }
        const { pattern, matches } = include;
        for (const { filePath, kind } of include.foreign) {
          const name = displayPath(filePath, host.layout);
          report({ document: include.document, span: include.span, message: `this include reads ${name}, a ${KIND_NAMES[kind]}, as racoon.conf statements, which it is not, so racoon refuses the configuration: narrow the pattern` });
        }
        if (matches.length > 0) continue;
        const where = pathOnGateway(include.written, pattern, host.layout);
        const folder = path.dirname(pattern);
        if (folder.split(path.sep).some(hasGlob) || !keepsFilesIn(model.files, folder)) {
          report({ document: include.document, span: include.span, severity: 'info', message: `${where} is not checked, since the workspace keeps no files in ${path.posix.dirname(where)} (put in place on the host?)` });
          continue;
        }
        report({ document: include.document, span: include.span, message: `no file matches ${where}: racoon finds nothing to include ("glob found no matches") and refuses the configuration` });
      }
    }
  },
});
