import path from 'node:path';
import { isIssuedBy, isSelfSigned, shortDn, type CertificateInfo } from '../../workspace/certificates';
import { folderOf } from '../../workspace/certPaths';
import { possibleDialects } from '../../workspace/ikeIdentity';
import { MemoSlot } from '../../workspace/memo';
import type { IpsecNode } from '../../workspace/model';
import { displayPath } from '../../workspace/nodeLayout';
import { isPaired, peersOf, type ConnRef } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceModel, type WorkspaceReporter } from '../workspaceRule';
import { caImportFixes } from './caImportFix';
import { certificateSite, nodeCertificateRefs, presentedCertificate, sameSetting, type CertificateRef } from './certificateRefs';
import { loadCas, keepsCertificatesInNss } from './nodeCas';
import { describeConn, peerSite } from './peerReport';

export const caMissing = defineWorkspaceRule({
  code: 'ca-missing',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "No CA certificate in ipsec.d/cacerts issued a conn's certificate",
  description:
    "A gateway accepts its peer's certificate only if the CA that signed it is in its own `ipsec.d/cacerts`; otherwise the tunnel will not come up. Checked by issuer name and signature, not by file name: for two peers in the workspace, each one's `leftcert` against the other's cacerts; for a `rightcert` copy, against the gateway's own cacerts, except where the daemon takes such a pinned certificate without its CA (strongSwan always; Libreswan when it holds no CA at all; seen with strongSwan 5.9.8 and Libreswan 4.10; a notice when only some of the daemons the gateway may run take it). A gateway whose peer is not in the workspace gets a warning when its own certificate's CA is not in its own cacerts, since the peer usually trusts the same CA. Libreswan 3.13 and later read CAs from their NSS database only: a gateway written for Libreswan that keeps no file in `ipsec.d/certs` or `ipsec.d/cacerts` is not judged (when it keeps files there, they are taken to mirror the NSS database). In epSOS the CA is often the country's NCP-B IdV certificate (e.g. `NCPB__<cc>_IdV_1.der`). When another gateway of the workspace already holds a CA that did sign the certificate, the quick fix writes a PEM copy of it into this gateway's cacerts; it names the CA and where the copy comes from, and is never part of fix-all or `--fix`, since trusting a CA is a decision to make on purpose.",
  checkNode(node, model, report) {
    if (keepsCertificatesInNss(model, node)) return;
    let pinned: ReturnType<typeof pinnedCertificateTaken> | undefined;
    for (const ref of nodeCertificateRefs(model, node)) {
      if (ref.side !== 'right' || !issuerMissing(model, ref, node)) continue;
      pinned ??= pinnedCertificateTaken(model, node);
      if (pinned === 'all') continue;
      const aside = pinned === 'some' ? ' (strongSwan, which this gateway may run, takes the certificate rightcert= names without it)' : '';
      report({
        ...certificateSite(ref),
        message: `no CA in ${cacertsOf(node)} issued the peer's certificate ${certText(ref)}: add that CA certificate there or the tunnel will not come up${aside}`,
        severity: pinned === 'some' ? 'info' : undefined,
        fixes: caImportFixes(model, ref.info as CertificateInfo, node),
      });
    }
  },
  checkPair({ a, b }, model, report) {
    checkPeerTrust(model, a, b, report);
    checkPeerTrust(model, b, a, report);
  },
  check(model, report) {
    for (const node of model.nodes) {
      if (keepsCertificatesInNss(model, node)) continue;
      for (const ref of ownCertificatesWithoutCa(model, node)) {
        // With the peer in the workspace the pair check knows better: what counts is the peer's cacerts.
        const users = [...node.effective.values()].filter((conn) => sameSetting(conn.values.get('leftcert'), ref));
        const pairs = peersOf(model.nodes);
        if (users.length > 0 && users.every((conn) => isPaired(pairs, conn))) continue;
        report({
          ...certificateSite(ref),
          message: `no CA in ${cacertsOf(node)} issued this gateway's own certificate ${certText(ref)}: its peers must trust that CA, and they usually trust the same CAs as this gateway`,
          severity: 'warning',
          fixes: caImportFixes(model, ref.info as CertificateInfo, node),
        });
      }
    }
  },
});

const OWN_WITHOUT_CA = new MemoSlot<CertificateRef[]>('own certificates without their CA');

/** The gateway's own certificates that no CA of its own cacerts issued; per node object, usually none. */
function ownCertificatesWithoutCa(model: WorkspaceModel, node: IpsecNode): CertificateRef[] {
  return node.memo.get(OWN_WITHOUT_CA, model, (m) => nodeCertificateRefs(m, node).filter((ref) => ref.side === 'left' && issuerMissing(m, ref, node)));
}

/**
 * Whether the daemons the gateway may run take a peer's certificate that rightcert= names (pins)
 * though no CA in cacerts issued it. Seen with the daemons: strongSwan 5.9.8 does, whatever CAs it
 * holds; Libreswan 4.10 does only when its NSS database holds no CA at all (it then discards the
 * certificate payloads and uses the pinned one), else refuses it (SEC_ERROR_UNKNOWN_ISSUER).
 * Openswan wants the CA (the epSOS guide insists on it), as does a daemon not known.
 */
function pinnedCertificateTaken(model: WorkspaceModel, node: IpsecNode): 'all' | 'some' | 'none' {
  const daemons = possibleDialects(node.dialect);
  const takes = daemons.filter((daemon) => daemon === 'strongswan' || (daemon === 'libreswan' && loadCas(model, node).length === 0));
  if (daemons.length > 0 && takes.length === daemons.length) return 'all';
  return takes.length > 0 ? 'some' : 'none';
}

/** The peer's `leftcert` must chain to a CA in our cacerts, unless we pin its certificate with rightcert=. */
function checkPeerTrust(model: WorkspaceModel, ours: ConnRef, theirs: ConnRef, report: WorkspaceReporter): void {
  if (ours.conn.values.get('rightcert') || keepsCertificatesInNss(model, ours.node)) return;
  const ref = presentedCertificate(model, theirs);
  if (!ref || !issuerMissing(model, ref, ours.node)) return;
  const here = peerSite(ours);
  const there = certificateSite(ref);
  const fixes = caImportFixes(model, ref.info as CertificateInfo, ours.node);
  report({
    ...here,
    message: `no CA in ${cacertsOf(ours.node)} issued the certificate the peer (${describeConn(theirs)}) presents, ${certText(ref)}: this gateway will refuse it; add that CA certificate`,
    related: [{ ...there, message: "the peer's certificate" }],
    fixes,
  });
  report({
    ...there,
    message: `the peer (${describeConn(ours)}) has no CA in ${cacertsOf(ours.node)} that issued this certificate (issuer: ${shortDn((ref.info as CertificateInfo).issuer)}): it will refuse it`,
    related: [{ ...here, message: "the peer's conn" }],
    fixes,
  });
}

/** A readable, not self-signed certificate that no CA of `judge` issued. */
function issuerMissing(model: WorkspaceModel, ref: CertificateRef, judge: IpsecNode): boolean {
  const info = ref.info;
  if (!info || isSelfSigned(info)) return false;
  return !loadCas(model, judge).some((ca) => isIssuedBy(info, ca));
}

function cacertsOf(node: IpsecNode): string {
  return displayPath(folderOf(node, 'cacerts'), node.layout);
}

function certText(ref: CertificateRef): string {
  return `${path.basename(ref.filePath)} (issuer: ${shortDn((ref.info as CertificateInfo).issuer)})`;
}
