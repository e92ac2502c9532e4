import path from 'node:path';
import { shortDn, type CertificateInfo } from '../../workspace/certificates';
import type { IpsecNode } from '../../workspace/model';
import { displayPath } from '../../workspace/nodeLayout';
import { partnerOf, peersOf, type ConnRef } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceModel, type WorkspaceReporter } from '../workspaceRule';
import { nodeCertificateRefs, presentedCertificate, sameSetting, type CertificateRef } from './certificateRefs';
import { keepsCertificatesInNss } from './nodeCas';
import { crlFolderReaders, revocationOn, type Revocation } from './nodeCrls';
import { describeConn, locate } from './peerReport';

export const certRevoked = defineWorkspaceRule({
  code: 'cert-revoked',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A CRL in ipsec.d/crls revokes a conn's certificate",
  description:
    "Openswan and strongSwan load the certificate revocation lists in `ipsec.d/crls` and refuse a peer whose certificate one of them lists, so the tunnel will not come up. A CRL counts only when a CA in the same gateway's `ipsec.d/cacerts` issued both it (its signature is checked) and the certificate, and the serial number and issuer match; a CRL past its next update still revokes. For two peers in the workspace, each one's `leftcert` is judged against the other's CRLs; a gateway that pins the peer's certificate with `rightcert=` is left alone. Libreswan reads CRLs from its NSS database: a gateway that may run it gets a warning instead of an error, and one known to run it with certificates in NSS is not judged. A gateway's own certificate that its own CRLs revoke gets a warning, unless every peer using it is in the workspace and already refuses it: its peers will refuse it once they hold the same list.",
  checkPair({ a, b }, model, report) {
    checkPeerCertificate(model, a, b, report);
    checkPeerCertificate(model, b, a, report);
  },
  check(model, report) {
    for (const node of model.nodes) {
      for (const ref of nodeCertificateRefs(model, node)) {
        if (ref.side !== 'left' || !ref.info) continue;
        const revocation = revocationOn(model, node, ref.info);
        if (!revocation || everyPeerRefuses(model, node, ref)) continue;
        report({
          document: ref.value.document,
          span: ref.value.setting.value?.span ?? ref.value.setting.span,
          message: `this gateway's own certificate ${path.basename(ref.filePath)} is revoked by ${crlText(node, revocation)}: its peers will refuse it once they hold that list; install a new certificate`,
          severity: 'warning',
        });
      }
    }
  },
});

/** The revocation that makes `judge` refuse a peer's certificate, when its daemon reads ipsec.d/crls. */
function refusal(model: WorkspaceModel, judge: ConnRef, cert: CertificateInfo): { revocation: Revocation; readers: 'all' | 'some' } | undefined {
  if (judge.conn.values.get('rightcert') || keepsCertificatesInNss(model, judge.node)) return undefined;
  const readers = crlFolderReaders(judge.node);
  if (readers === 'none') return undefined;
  const revocation = revocationOn(model, judge.node, cert);
  return revocation && { revocation, readers };
}

function checkPeerCertificate(model: WorkspaceModel, ours: ConnRef, theirs: ConnRef, report: WorkspaceReporter): void {
  const ref = presentedCertificate(model, theirs);
  const found = ref?.info && refusal(model, ours, ref.info);
  if (!ref || !found) return;
  const severity = found.readers === 'some' ? 'warning' : undefined;
  const aside = found.readers === 'some' ? ' (Openswan and strongSwan read that folder; Libreswan reads CRLs from its NSS database)' : '';
  const here = locate(ours, ours.conn.values.get('rightid') ?? ours.conn.values.get('right'));
  const there = { document: ref.value.document, span: ref.value.setting.value?.span ?? ref.value.setting.span };
  const crl = crlText(ours.node, found.revocation);
  report({
    ...here,
    message: `the certificate the peer (${describeConn(theirs)}) presents, ${path.basename(ref.filePath)}, is revoked by ${crl}: this gateway will refuse it${aside}`,
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
  const since = revocation.since ? ` since ${revocation.since.toISOString().slice(0, 10)}` : '';
  return `${file} (issuer: ${shortDn(revocation.ca.subject)}${since})`;
}
