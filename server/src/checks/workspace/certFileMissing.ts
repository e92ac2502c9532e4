import path from 'node:path';
import { folderOf } from '../../workspace/certPaths';
import type { FileSource } from '../../workspace/fileSource';
import { keepsFilesIn, pathOnGateway } from '../../workspace/keptFolders';
import type { IpsecNode } from '../../workspace/model';
import { defineWorkspaceRule } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';
import { heldCaKey, keepsCertificatesInNss } from './nodeCas';

export const certFileMissing = defineWorkspaceRule({
  code: 'cert-file-missing',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A certificate file named by leftcert/rightcert is not there',
  description:
    'File-based daemons (Openswan, strongSwan) load `leftcert`/`rightcert` from `ipsec.d/certs` (or the absolute path given). A missing or unreadable file stops the conn from loading. A file is judged missing only from a folder the workspace keeps files in: when that folder is absent or empty (for `ipsec.d/certs`: when `ipsec.d/cacerts` is too), as in a repository that keeps no certificates and has them put in place on the gateway, the finding is only a note that the certificate cannot be checked. So it is when `ipsec.d/private` holds the private key of one of the gateway\'s CAs: such a gateway can issue its own certificate when it starts, as containers often do. Values without a file extension are taken as Libreswan NSS nicknames and not checked; so is every value of a gateway written for Libreswan that keeps no file in `ipsec.d/certs` or `ipsec.d/cacerts`, since Libreswan 3.13 and later read certificates from NSS only (when it keeps files there, they are taken to mirror the NSS database).',
  checkNode(node, model, report) {
    // Libreswan reads leftcert= as a nickname in its NSS database; only folders that mirror it say what is missing.
    if (keepsCertificatesInNss(model, node)) return;
    for (const ref of nodeCertificateRefs(model, node)) {
      if (ref.info) continue;
      const where = pathOnGateway(ref.value.value, ref.filePath, ref.node.layout);
      const setting = `${ref.side}cert=${ref.value.value}`;
      const span = ref.value.setting.value?.span ?? ref.value.setting.span;
      if (!ref.reason && !keepsCertificatesBeside(model.files, ref.node, ref.filePath)) {
        const folder = path.posix.dirname(where);
        report({ document: ref.value.document, span, severity: 'info', message: `${setting}: not checked, since the workspace keeps no files in ${folder} (put in place on the gateway?); add ${where} to have it checked` });
        continue;
      }
      const caKey = ref.reason ? undefined : heldCaKey(model, ref.node);
      if (caKey !== undefined) {
        report({ document: ref.value.document, span, severity: 'info', message: `${setting}: ${where} is not in this node, but the gateway holds the private key of its CA (ipsec.d/private/${caKey}), so it may issue this certificate itself when it starts; not checked` });
        continue;
      }
      const problem = ref.reason ? `${where} ${ref.reason}` : `${where} does not exist in this node`;
      report({ document: ref.value.document, span, message: `${setting}: ${problem}; copy the certificate there (DER or PEM)` });
    }
  },
});

/** Whether the workspace keeps the folder this certificate should be in; for ipsec.d/certs, a kept cacerts folder counts too. */
function keepsCertificatesBeside(files: FileSource, node: IpsecNode, filePath: string): boolean {
  const folder = path.dirname(filePath);
  return keepsFilesIn(files, folder) || (folder === folderOf(node, 'certs') && keepsFilesIn(files, folderOf(node, 'cacerts')));
}
