import path from 'node:path';
import { DIALECT_TRAITS } from '../../knowledge/ipsecConf';
import type { DialectName } from '../../model/dialect';
import { joinNames } from '../../text/joinNames';
import { provesWithSignature } from '../../workspace/authMethods';
import { possibleDialects } from '../../workspace/ikeIdentity';
import { keyUsageOf, type KeyUsageBit } from '../../workspace/keyUsage';
import { MemoSlot } from '../../workspace/memo';
import type { IpsecNode } from '../../workspace/model';
import { isPaired, peersOf } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceModel, type WorkspaceReporter } from '../workspaceRule';
import { certificateSite, nodeCertificateRefs, presentedCertificate, sameSetting, type CertificateRef } from './certificateRefs';
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

function describeUsage(usage: ReadonlySet<KeyUsageBit>): string {
  return usage.size === 0 ? 'no use at all' : [...usage].join(', ');
}

interface RefusedPeerCertificate {
  readonly ref: CertificateRef;
  readonly usage: ReadonlySet<KeyUsageBit>;
}

const REFUSED_PEER_CERTIFICATES = new MemoSlot<readonly RefusedPeerCertificate[]>('peer certificates strongSwan refuses for their key usage');

/**
 * The peer certificates (`rightcert=`) a gateway that may run strongSwan keeps and would refuse.
 * charon checks the key usage of whatever certificate holds the key it verifies with, a pinned
 * one included; what pluto does with a pinned certificate was not seen, so only strongSwan counts.
 */
function refusedPeerCertificates(model: WorkspaceModel, node: IpsecNode): readonly RefusedPeerCertificate[] {
  return node.memo.get(REFUSED_PEER_CERTIFICATES, model, (m) =>
    nodeCertificateRefs(m, node).flatMap((ref) => {
      const usage = ref.side === 'right' && ref.info ? keyUsageOf(ref.info) : undefined;
      return usage && refuses('strongswan', ref.info?.cert.publicKey.asymmetricKeyType, usage) ? [{ ref, usage }] : [];
    }),
  );
}

/** Gateways whose peer is not in the workspace: the peer's certificate they keep, as their own daemon checks it. */
function checkKeptPeerCertificates(model: WorkspaceModel, report: WorkspaceReporter): void {
  for (const node of model.nodes) {
    const daemons = possibleDialects(node.dialect);
    if (!daemons.includes('strongswan')) continue;
    const refused = refusedPeerCertificates(model, node);
    if (refused.length === 0) continue;
    const pairs = peersOf(model.nodes);
    for (const { ref, usage } of refused) {
      const users = [...node.effective.values()].filter((conn) => sameSetting(conn.values.get('rightcert'), ref));
      // With the peer in the workspace, the pair check judges the certificate the peer presents.
      if (users.length === 0 || users.some((conn) => isPaired(pairs, conn))) continue;
      const signed = users.filter((conn) => provesWithSignature(conn, 'right'));
      if (signed.length === 0) continue;
      const certain = daemons.length === 1;
      const who = certain ? 'this gateway runs strongSwan, which refuses it' : 'if this gateway runs strongSwan, it refuses it';
      report({
        ...certificateSite(ref),
        conn: signed[0].name,
        message: `${path.basename(ref.filePath)}, the peer's certificate of conn ${signed[0].name}, may not sign: its key usage allows ${describeUsage(usage)}; ${who} and authentication fails. The peer needs it reissued with keyUsage=digitalSignature`,
        severity: certain ? undefined : 'warning',
      });
    }
  }
}

export const certKeyUsage = defineWorkspaceRule({
  code: 'cert-key-usage',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A certificate's key usage forbids the signature its peer checks",
  description:
    "A certificate whose keyUsage extension allows no signature cannot prove its gateway's identity. strongSwan refuses a peer's certificate without digitalSignature or nonRepudiation (\"rejecting certificate without digitalSignature or nonRepudiation keyUsage flags\"), whatever its key. Libreswan checks it with NSS, trying the IPsec profile and then the TLS client and server ones: an EC certificate with `keyEncipherment` alone (copied from an RSA server template) passes none (\"end certificate invalid\"), while an RSA one passes the TLS server profile and is accepted. Seen with strongSwan 5.9.8 and Libreswan 4.10 and 5.2; an extended key usage without serverAuth or clientAuth (`emailProtection` alone) passed both, so it is not reported. Where the peer's daemon is not known, this is a warning when one it may run refuses the certificate. A gateway whose peer is not in the workspace is judged on the peer's certificate it keeps (`rightcert=`), when it runs strongSwan, which checks a pinned certificate too. Reissue the certificate with `keyUsage=digitalSignature`.",
  check: (model, report) => checkKeptPeerCertificates(model, report),
  checkPair(pair, model, report) {
    for (const [presenter, verifier] of bothWays(pair)) {
      if (!provesWithSignature(presenter.conn, 'left')) continue;
      const ref = presentedCertificate(model, presenter);
      const usage = ref?.info && keyUsageOf(ref.info);
      if (!ref?.info || !usage) continue;
      const keyType = ref.info.cert.publicKey.asymmetricKeyType;
      const daemons = possibleDialects(verifier.node.dialect);
      const refusing = daemons.filter((daemon) => refuses(daemon, keyType, usage));
      if (refusing.length === 0) continue;
      const certain = refusing.length === daemons.length;
      const names = joinNames(refusing.map((daemon) => DIALECT_TRAITS[daemon].label));
      const allowed = describeUsage(usage);
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
