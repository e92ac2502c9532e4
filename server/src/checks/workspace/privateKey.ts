import path from 'node:path';
import { nodeRunsLibreswan } from '../../workspace/authMethods';
import { resolveInNode } from '../../workspace/certPaths';
import { keepsFilesIn, pathOnGateway } from '../../workspace/keptFolders';
import { privateKeyMatchesAny } from '../../workspace/publicKeys';
import { defineWorkspaceRule } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';
import { heldCaKey } from './nodeCas';

/** A passphrase the daemons take as written: not `%prompt`, not `0x`/`0s` encoded, no escapes. */
function isLiteralPassphrase(text: string): boolean {
  return !text.startsWith('%') && !/^0[xs]/i.test(text) && !text.includes('\\');
}

export const privateKeyMissing = defineWorkspaceRule({
  code: 'private-key-missing',
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'A `: RSA keyfile` entry names a key that is not there, that its passphrase does not open, or that does not belong to leftcert',
  description:
    'File-based daemons (Openswan, strongSwan) read the private key named in `ipsec.secrets` (`: RSA vpn-server.key "passphrase"`) from `ipsec.d/private`. A missing key stops authentication (judged only in a folder the workspace keeps files in: a repository that keeps no keys gets a note that the key cannot be checked, and so does a gateway that holds its CA\'s private key, which can make its own key and certificate when it starts); so does a key that is not the one of the gateway\'s own `leftcert`, or an encrypted key whose passphrase in the entry does not decrypt it (often a template\'s placeholder such as `password` left in). Libreswan ignores such lines and takes keys from its NSS database, so a gateway written for Libreswan is not checked, and one that may run it gets a warning. The passphrase is used only to open the key here and is never shown.',
  checkNode(node, model, report) {
    const libreswan = nodeRunsLibreswan(node);
    if (libreswan === 'yes') return;
    const severity = libreswan === 'maybe' ? 'warning' : undefined;
    const aside = libreswan === 'maybe' ? ' (Libreswan would ignore this line and use its NSS database)' : '';
    const ownCerts = nodeCertificateRefs(model, node).filter((ref) => ref.side === 'left' && ref.info);
    for (const document of node.secrets) {
      for (const entry of document.ast.entries) {
        const type = entry.secretType?.text.toUpperCase();
        const file = entry.secretTokens[0];
        if ((type !== 'RSA' && type !== 'ECDSA') || !file || entry.block || file.text.startsWith('%') || !/\.(key|pem|der)$/i.test(file.text)) continue;
        const keyPath = resolveInNode(node, file.text, 'private');
        const bytes = model.files.readBytes?.(keyPath);
        if (!bytes) {
          const where = pathOnGateway(file.text, keyPath, node.layout);
          const kept = keepsFilesIn(model.files, path.dirname(keyPath));
          const caKey = kept ? heldCaKey(model, node) : undefined;
          if (!kept) {
            report({ document, span: file.span, severity: 'info', message: `${where}: not checked, since the workspace keeps no files in ${path.posix.dirname(where)} (keys are often kept out of repositories); add the key there to have it checked against leftcert` });
          } else if (caKey !== undefined) {
            report({ document, span: file.span, severity: 'info', message: `${where} is not in this node, but the gateway holds the private key of its CA (${caKey}), so it may make this key itself when it starts; not checked` });
          } else {
            report({ document, span: file.span, message: `${where} does not exist in this node: copy the gateway's private key there${aside}`, severity });
          }
          continue;
        }
        const passphrase = entry.secretTokens[1]?.text;
        const certificates = ownCerts.flatMap((ref) => (ref.info ? [ref.info.cert] : []));
        const matching = privateKeyMatchesAny(bytes, passphrase && isLiteralPassphrase(passphrase) ? passphrase : undefined, certificates);
        // %prompt, an encoded passphrase, or a format we cannot open: the daemon may still manage, so say nothing.
        if (matching === 'wrong-passphrase') {
          const secret = entry.secretTokens[1];
          report({ document, span: secret?.span ?? file.span, message: `the passphrase given here does not decrypt ${path.basename(keyPath)}: the daemon cannot load the gateway's private key and authentication fails; write the key's own passphrase (a template's placeholder left in?)${aside}`, severity });
        } else if (matching === false && certificates.length > 0) {
          report({ document, span: file.span, message: `the key ${path.basename(keyPath)} does not belong to this gateway's certificate (leftcert): use the key the certificate was issued for${aside}`, severity });
        }
      }
    }
  },
});
