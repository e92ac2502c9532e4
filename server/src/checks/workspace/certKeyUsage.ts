import path from 'node:path';
import { genericEndAuth, nodeRunsLibreswan } from '../../workspace/authMethods';
import { keyUsageOf, type KeyUsageBit } from '../../workspace/keyUsage';
import { defineWorkspaceRule } from '../workspaceRule';
import { certificateSite, presentedCertificate } from './certificateRefs';
import { bothWays, describeConn } from './peerReport';

/** Key usages under which one of the NSS profiles pluto tries (IPsec, TLS client, TLS server) lets an EC key authenticate. */
const EC_SIGNING: readonly KeyUsageBit[] = ['digitalSignature', 'nonRepudiation', 'keyAgreement'];

export const certKeyUsage = defineWorkspaceRule({
  code: 'cert-key-usage',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A certificate's key usage forbids the signature a Libreswan peer checks",
  description:
    "Libreswan verifies a peer's certificate with NSS, trying its IPsec profile and then the TLS client and server ones. A certificate with an EC key whose keyUsage extension allows none of digitalSignature, nonRepudiation or keyAgreement (`keyEncipherment` alone, copied from an RSA server template) passes none of them: pluto logs \"end certificate invalid\" or finds no certificate to check the signature with, and authentication fails. Seen with Libreswan 4.10 and 5.2. The same key usage on an RSA certificate passed, as did an extended key usage without serverAuth or clientAuth (`emailProtection` alone), so neither is reported; nor is a certificate checked by strongSwan. Reissue the certificate with `keyUsage=digitalSignature`. Where the peer may not run Libreswan, this is a warning.",
  checkPair(pair, model, report) {
    for (const [presenter, verifier] of bothWays(pair)) {
      const libreswan = nodeRunsLibreswan(verifier.node);
      if (libreswan === 'no') continue;
      const auth = genericEndAuth(presenter.conn, 'left');
      if (!auth || (!auth.proves.has('ecdsa') && !auth.proves.has('rsa'))) continue;
      const ref = presentedCertificate(model, presenter);
      const info = ref?.info;
      if (!ref || !info || info.cert.publicKey.asymmetricKeyType !== 'ec') continue;
      const usage = keyUsageOf(info);
      if (!usage || EC_SIGNING.some((bit) => usage.has(bit))) continue;
      const allowed = usage.size === 0 ? 'no use at all' : [...usage].join(', ');
      const peer = libreswan === 'maybe' ? `if ${describeConn(verifier)} runs Libreswan, its NSS` : `${describeConn(verifier)} runs Libreswan, whose NSS`;
      report({
        ...certificateSite(ref),
        conn: presenter.conn.name,
        message: `${path.basename(ref.filePath)} holds an EC key, but its key usage allows ${allowed}, no signature: ${peer} refuses the certificate and authentication fails; reissue it with keyUsage=digitalSignature`,
        severity: libreswan === 'maybe' ? 'warning' : undefined,
      });
    }
  },
});
