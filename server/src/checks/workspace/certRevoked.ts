import path from 'node:path';
import { shortDn, type CertificateInfo } from '../../workspace/certificates';
import type { CrlReader } from '../../workspace/crl';
import type { IpsecNode } from '../../workspace/model';
import { displayPath } from '../../workspace/nodeLayout';
import { partnerOf, peersOf, type ConnRef } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceModel, type WorkspaceReporter } from '../workspaceRule';
import { certificateSite, nodeCertificateRefs, presentedCertificate, sameSetting, type CertificateRef } from './certificateRefs';
import { keepsCertificatesInNss } from './nodeCas';
import { crlReaders, daemonNames, loadCrls, revocationOn, type Revocation } from './nodeCrls';
import { bothWays, describeConn, peerSite } from './peerReport';

export const certRevoked = defineWorkspaceRule({
  code: 'cert-revoked',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A CRL in ipsec.d/crls revokes a conn's certificate",
  description:
    "Openswan and strongSwan load the certificate revocation lists in `ipsec.d/crls` and refuse a peer whose certificate one of them lists, so the tunnel will not come up. A list counts only when a CA in the same gateway's `ipsec.d/cacerts` issued both it (its signature is checked) and the certificate, the serial number and issuer match, and the daemon finds the list: strongSwan 5 looks lists up by the CA's key ID, so it ignores one without an authority key identifier (seen with strongSwan 5.9.8); Openswan compares authority key IDs when the certificate and the list both carry one, and the issuer's name otherwise. A list past its next update still revokes. For two peers in the workspace, each one's `leftcert` is judged against the other's lists; a gateway that pins the peer's certificate with `rightcert=` is left alone. Libreswan reads CRLs from its NSS database: a gateway known to run it is not judged, and one that may run it or another daemon that ignores the list gets a warning. A gateway's own certificate that its own lists revoke gets a warning, unless every peer using it is in the workspace and already refuses it: its peers will refuse it once they hold the same list.",
  checkPair(pair, model, report) {
    for (const [ours, theirs] of bothWays(pair)) checkPeerCertificate(model, ours, theirs, report);
  },
  check(model, report) {
    for (const node of model.nodes) {
      if (loadCrls(model, node).crls.length === 0) continue;
      for (const ref of nodeCertificateRefs(model, node)) {
        if (ref.side !== 'left' || !ref.info) continue;
        const revocation = revocationOn(model, node, ref.info, 'openswan') ?? revocationOn(model, node, ref.info, 'strongswan');
        if (!revocation || everyPeerRefuses(model, node, ref)) continue;
        report({
          ...certificateSite(ref),
          message: `this gateway's own certificate ${path.basename(ref.filePath)} is revoked by ${crlText(node, revocation)}: its peers will refuse it once they hold that list; install a new certificate`,
          severity: 'warning',
        });
      }
    }
  },
});

interface Refusal {
  readonly revocation: Revocation;
  /** The daemons the gateway may run that refuse the certificate, when not all of them do. */
  readonly onlyBy?: readonly CrlReader[];
}

/** Why `judge` refuses a peer's certificate: a list that the daemons it may run find and that revokes it. */
function refusal(model: WorkspaceModel, judge: ConnRef, cert: CertificateInfo): Refusal | undefined {
  if (loadCrls(model, judge.node).crls.length === 0 || judge.conn.values.get('rightcert') || keepsCertificatesInNss(model, judge.node)) return undefined;
  const { daemons, readers } = crlReaders(judge.node);
  const found = readers.flatMap((daemon) => {
    const revocation = revocationOn(model, judge.node, cert, daemon);
    return revocation ? [{ daemon, revocation }] : [];
  });
  if (found.length === 0) return undefined;
  return { revocation: found[0].revocation, onlyBy: found.length === daemons.length ? undefined : found.map((f) => f.daemon) };
}

function checkPeerCertificate(model: WorkspaceModel, ours: ConnRef, theirs: ConnRef, report: WorkspaceReporter): void {
  // Most gateways hold no CRL at all: nothing to look up.
  if (loadCrls(model, ours.node).crls.length === 0) return;
  const ref = presentedCertificate(model, theirs);
  const found = ref?.info && refusal(model, ours, ref.info);
  if (!ref || !found) return;
  const severity = found.onlyBy ? 'warning' : undefined;
  const aside = found.onlyBy ? ` (${daemonNames(found.onlyBy)} ${found.onlyBy.length > 1 ? 'find' : 'finds'} the list; not every daemon this gateway may run does)` : '';
  const here = peerSite(ours);
  const there = certificateSite(ref);
  const crl = crlText(ours.node, found.revocation);
  report({
    ...here,
    message: `the certificate the peer (${describeConn(theirs)}) presents, ${path.basename(ref.filePath)}, is revoked by ${crl}: this gateway will refuse it; the peer needs a new certificate${aside}`,
    severity,
    related: [{ ...there, message: "the peer's certificate" }],
  });
  report({
    ...there,
    message: `the peer (${describeConn(ours)}) holds ${crl}, which revokes this certificate: it will refuse it; install a new certificate${aside}`,
    severity,
    related: [{ ...here, message: "the peer's conn" }],
  });
}

/** Whether every conn using this own certificate is paired with a peer that refuses it (and says so). */
function everyPeerRefuses(model: WorkspaceModel, node: IpsecNode, ref: CertificateRef): boolean {
  const pairs = peersOf(model.nodes);
  const users = [...node.effective.values()].filter((conn) => sameSetting(conn.values.get('leftcert'), ref));
  return users.length > 0 && users.every((conn) => {
    const partner = partnerOf(pairs, conn);
    return partner !== undefined && ref.info !== undefined && refusal(model, partner, ref.info) !== undefined;
  });
}

function crlText(node: IpsecNode, revocation: Revocation): string {
  const file = displayPath(revocation.crl.filePath, node.layout);
  const since = revocation.since ? `; revoked on ${revocation.since.toISOString().slice(0, 10)}` : '';
  return `${file} (issuer: ${shortDn(revocation.ca.subject)}${since})`;
}
