import path from 'node:path';
import { pinnedBeforeModelledLibreswan } from '../../model/dialect';
import { libreswanEndAuth, nodeRunsLibreswan, type AuthMethod } from '../../workspace/authMethods';
import { mayBeLoaded } from '../../workspace/autoStarts';
import { libreswanIkeVersion } from '../../workspace/libreswanIkeVersion';
import { defineWorkspaceRule } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';

/** The signature a certificate's key can make, from its key type. */
function keyMethod(keyType: string | undefined): AuthMethod | undefined {
  if (keyType === 'rsa' || keyType === 'rsa-pss') return 'rsa';
  if (keyType === 'ec') return 'ecdsa';
  return undefined;
}

const KEY_NAME: Partial<Record<AuthMethod, string>> = { rsa: 'an RSA key', ecdsa: 'an EC key' };

export const certKeyTypeAuthby = defineWorkspaceRule({
  code: 'cert-key-type-authby',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "Libreswan would sign with a method the gateway's own key cannot do",
  description:
    "Libreswan 4 and 5 pick the one method a gateway signs with from `leftauth=`, else from `authby=` in the order RSA, ECDSA, PSK, whatever key `leftcert` holds. With an EC certificate and `authby` unset (the default is `rsasig,ecdsa`), `rsasig` or `rsasig,ecdsa`, pluto tries an RSA signature with the EC key and authentication fails (NSS SEC_ERROR_INVALID_KEY, a zero-length signature); IKEv1 signs with RSA only. Use `authby=ecdsa` (or `leftauth=ecdsa` with `rightauth=`) for EC keys, and an RSA method for RSA keys. strongSwan signs with the key's own type, so for gateways that may run either this is a warning.",
  checkNode(node, model, report) {
    const libreswan = nodeRunsLibreswan(node);
    // How a 3.x release picked the method it signs with is not modelled.
    if (libreswan === 'no' || pinnedBeforeModelledLibreswan(node.dialect)) return;
    const ownCerts = new Map(nodeCertificateRefs(model, node).filter((ref) => ref.side === 'left' && ref.info).map((ref) => [`${ref.value.document.uri}:${ref.value.setting.span.start}`, ref]));
    for (const conn of node.effective.values()) {
      if (!mayBeLoaded(node, conn)) continue;
      const leftcert = conn.values.get('leftcert');
      const ref = leftcert && ownCerts.get(`${leftcert.document.uri}:${leftcert.setting.span.start}`);
      const key = keyMethod(ref?.info?.cert.publicKey.asymmetricKeyType);
      if (!ref || !leftcert || !key) continue;
      const auth = libreswanEndAuth(conn, 'left');
      const method = auth && [...auth.proves][0];
      if (!auth || (method !== 'rsa' && method !== 'ecdsa') || method === key) continue;
      const ikev1 = libreswanIkeVersion(conn) === 1;
      const chosenBy = auth.setting ? `${auth.setting.setting.key.text}=${auth.setting.value}` : 'authby unset (rsasig,ecdsa)';
      const why = ikev1 ? 'IKEv1 in Libreswan signs with RSA only' : `with ${chosenBy} Libreswan signs with ${method === 'rsa' ? 'RSA' : 'ECDSA'}`;
      const cure = key === 'ecdsa' ? (ikev1 ? 'use IKEv2 with authby=ecdsa, or an RSA certificate' : 'set authby=ecdsa (or leftauth=ecdsa with rightauth=)') : 'set authby=rsasig';
      const prefix = libreswan === 'maybe' ? 'if this gateway runs Libreswan: ' : '';
      const at = auth.setting ?? leftcert;
      report({
        document: at.document,
        span: at.setting.value?.span ?? at.setting.span,
        conn: conn.name,
        message: `${prefix}conn ${conn.name}: ${path.basename(ref.filePath)} holds ${KEY_NAME[key]}, but ${why}: authentication will fail; ${cure}`,
        severity: libreswan === 'maybe' ? 'warning' : undefined,
      });
    }
  },
});
