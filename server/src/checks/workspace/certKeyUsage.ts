import path from 'node:path';
import { DIALECT_TRAITS } from '../../knowledge/ipsecConf';
import type { DialectName } from '../../model/dialect';
import { joinNames } from '../../text/joinNames';
import { genericEndAuth } from '../../workspace/authMethods';
import { keyUsageOf, type KeyUsageBit } from '../../workspace/keyUsage';
import { defineWorkspaceRule } from '../workspaceRule';
import { certificateSite, presentedCertificate } from './certificateRefs';
import { bothWays, describeConn } from './peerReport';

/**
 * Whether a daemon checking a peer's certificate refuses it for its key usage; undefined where
 * that is not known (Openswan). charon wants digitalSignature or nonRepudiation; pluto passes a
 * certificate any of the NSS profiles it tries takes, and only an EC key without a signing or key
 * agreement use was seen to fail them all.
 */
function refuses(daemon: DialectName, keyType: string | undefined, usage: ReadonlySet<KeyUsageBit>): boolean | undefined {
  const allows = (bits: readonly KeyUsageBit[]) => bits.some((bit) => usage.has(bit));
  if (daemon === 'strongswan') return !allows(['digitalSignature', 'nonRepudiation']);
  if (daemon === 'libreswan') return keyType === 'ec' && !allows(['digitalSignature', 'nonRepudiation', 'keyAgreement']);
  return undefined;
}

export const certKeyUsage = defineWorkspaceRule({
  code: 'cert-key-usage',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A certificate's key usage forbids the signature its peer checks",
  description:
    "A certificate whose keyUsage extension allows no signature cannot prove its gateway's identity. strongSwan refuses a peer's certificate without digitalSignature or nonRepudiation (\"rejecting certificate without digitalSignature or nonRepudiation keyUsage flags\"), whatever its key. Libreswan checks it with NSS, trying the IPsec profile and then the TLS client and server ones: an EC certificate with `keyEncipherment` alone (copied from an RSA server template) passes none (\"end certificate invalid\"), while an RSA one passes the TLS server profile and is accepted. Seen with strongSwan 5.9.8 and Libreswan 4.10 and 5.2; an extended key usage without serverAuth or clientAuth (`emailProtection` alone) passed both, so it is not reported. Where the peer's daemon is not known, this is a warning when one it may run refuses the certificate. Reissue the certificate with `keyUsage=digitalSignature`.",
  checkPair(pair, model, report) {
    for (const [presenter, verifier] of bothWays(pair)) {
      const auth = genericEndAuth(presenter.conn, 'left');
      if (!auth || (!auth.proves.has('ecdsa') && !auth.proves.has('rsa'))) continue;
      const ref = presentedCertificate(model, presenter);
      const usage = ref?.info && keyUsageOf(ref.info);
      if (!ref?.info || !usage) continue;
      const keyType = ref.info.cert.publicKey.asymmetricKeyType;
      const daemons = verifier.node.dialect.choice ? [verifier.node.dialect.choice.dialect] : verifier.node.dialect.plausible;
      const refusing = daemons.filter((daemon) => refuses(daemon, keyType, usage));
      if (refusing.length === 0) continue;
      const certain = refusing.length === daemons.length;
      const names = joinNames(refusing.map((daemon) => DIALECT_TRAITS[daemon].label));
      const allowed = usage.size === 0 ? 'no use at all' : [...usage].join(', ');
      const peer = certain ? `${describeConn(verifier)} runs ${names}, which refuses it` : `if ${describeConn(verifier)} runs ${names}, it refuses it`;
      report({
        ...certificateSite(ref),
        conn: presenter.conn.name,
        message: `${path.basename(ref.filePath)} may not sign: its key usage allows ${allowed}; ${peer} and authentication fails. Reissue it with keyUsage=digitalSignature`,
        severity: certain ? undefined : 'warning',
      });
    }
  },
});
