import path from 'node:path';
import { mayBeLoaded } from '../../workspace/autoStarts';
import { uriPath } from '../../workspace/loadIpsecNode';
import { genericEndAuth, nodeRunsLibreswan } from '../../workspace/authMethods';
import { folderOf } from '../../workspace/certPaths';
import { appendLine } from '../../model/appendLine';
import type { IpsecNode } from '../../workspace/model';
import { childPath } from '../../workspace/pathOps';
import { privateKeyMatchesAny } from '../../workspace/publicKeys';
import type { Fix } from '../finding';
import { defineWorkspaceRule, type WorkspaceModel } from '../workspaceRule';
import { nodeCertificateRefs, type CertificateRef } from './certificateRefs';

/** Secret types that are no private key of the gateway's own. */
const NOT_A_KEY = new Set(['PSK', 'EAP', 'XAUTH', 'NTLM']);

/** Whether some entry of the gateway's secrets gives a private key (a file, a smartcard PIN, PKCS#12…). */
function hasKeyEntry(node: IpsecNode): boolean {
  return node.secrets.some((document) => document.ast.entries.some((entry) => entry.secretType !== undefined && !NOT_A_KEY.has(entry.secretType.text.toUpperCase())));
}

/** The entry type ipsec.secrets gives a key of the certificate's kind. */
function entryType(ref: CertificateRef): 'RSA' | 'ECDSA' {
  return ref.info?.cert.publicKey.asymmetricKeyType === 'ec' ? 'ECDSA' : 'RSA';
}

/** `: RSA name` for an unencrypted key in ipsec.d/private that is the certificate's, when there is one. */
function addEntryFix(node: IpsecNode, model: WorkspaceModel, ref: CertificateRef): Fix[] {
  const cert = ref.info?.cert;
  const secrets = node.secrets[0];
  if (!cert || !secrets) return [];
  const folder = folderOf(node, 'private');
  const name = (model.files.list(folder) ?? []).find((candidate) => {
    const bytes = model.files.readBytes?.(childPath(folder, candidate));
    return bytes !== undefined && privateKeyMatchesAny(bytes, undefined, [cert]) === true;
  });
  if (!name) return [];
  const line = `: ${entryType(ref)} ${name}`;
  return [{ title: `Add "${line}" to ipsec.secrets`, edits: [appendLine(secrets, line)] }];
}

export const privateKeyEntryMissing = defineWorkspaceRule({
  code: 'private-key-entry-missing',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "ipsec.secrets gives no private key for the gateway's own certificate",
  description:
    "Openswan's pluto and strongSwan's charon (configured through ipsec.conf) load the gateway's private key only from an entry of ipsec.secrets (`: RSA vpn-server.key \"passphrase\"`, `: ECDSA …`, a smartcard `: PIN …`); without one, a conn that signs with its `leftcert` cannot authenticate. Checked when the gateway's ipsec.secrets is in the workspace and none of its includes points at files the workspace lacks. Libreswan keeps keys in its NSS database, so gateways written for it are not checked, and those that may run it get a warning. When `ipsec.d/private` holds an unencrypted key that belongs to the certificate, the quick fix adds its entry.",
  checkNode(node, model, report) {
    const libreswan = nodeRunsLibreswan(node);
    if (libreswan === 'yes' || node.secrets.length === 0 || hasKeyEntry(node) || node.unmatchedIncludes.secrets.length > 0) return;
    const signing = nodeCertificateRefs(model, node).filter((ref) => {
      const conn = node.effective.get(ref.connName);
      if (ref.side !== 'left' || !ref.info || !conn || !mayBeLoaded(node, conn)) return false;
      const proves = genericEndAuth(conn, 'left')?.proves;
      return proves !== undefined && (proves.has('rsa') || proves.has('ecdsa')) && !proves.has('psk');
    });
    for (const ref of signing) {
      report({
        document: ref.value.document,
        span: ref.value.setting.value?.span ?? ref.value.setting.span,
        message: `no entry of ${path.basename(uriPath(node.secrets[0].uri))} gives the private key of ${path.basename(ref.filePath)}: the daemon cannot sign with it and authentication fails; add ": ${entryType(ref)} <key file in ipsec.d/private> \\"passphrase\\""${libreswan === 'maybe' ? ' (Libreswan would use its NSS database instead)' : ''}`,
        severity: libreswan === 'maybe' ? 'warning' : undefined,
        fixes: addEntryFix(node, model, ref),
      });
    }
  },
});
