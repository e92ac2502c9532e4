import path from 'node:path';
import { nodeRunsLibreswan } from '../../workspace/authMethods';
import type { CertificateInfo } from '../../workspace/certificates';
import type { EffectiveValue, IpsecNode } from '../../workspace/model';
import { sideValue } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceModel } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';
import { bothWays, describeConn, reportBothSides } from './peerReport';

export const peerCertMismatch = defineWorkspaceRule({
  code: 'peer-cert-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "The certificate held for a peer is not the one the peer uses",
  description:
    "Our `rightcert` must be the same certificate as the peer's own `leftcert` (compared by fingerprint, whatever the file names). A stale copy after the peer renewed its certificate is the usual cause. Libreswan takes the certificate the peer sends (when it sends one) and checks it against its CAs, so there the stale copy only misleads: a notice, and a warning when the gateway may or may not run Libreswan.",
  checkPair(pair, model, report) {
    for (const [ours, theirs] of bothWays(pair)) {
      const held = sideValue(ours.conn, 'right', 'cert');
      const used = sideValue(theirs.conn, 'left', 'cert');
      if (!held || !used) continue;
      const heldCert = certificateOf(model, ours.node, held);
      const usedCert = certificateOf(model, theirs.node, used);
      if (!heldCert || !usedCert || heldCert.fingerprint === usedCert.fingerprint) continue;
      const libreswan = nodeRunsLibreswan(ours.node);
      const peerSends = !/^(never|no)$/i.test(sideValue(theirs.conn, 'left', 'sendcert')?.value ?? '');
      const severity = !peerSends || libreswan === 'no' ? undefined : libreswan === 'yes' ? 'info' : 'warning';
      const aside = severity ? ' (Libreswan uses the certificate the peer sends instead, as long as it sends one)' : '';
      reportBothSides(
        report,
        { ref: ours, value: held, message: `rightcert ${path.basename(heldCert.filePath)} is not the certificate the peer uses (${describeConn(theirs)}: ${path.basename(usedCert.filePath)}): copy the peer's current certificate here${aside}` },
        { ref: theirs, value: used, message: `the peer (${describeConn(ours)}) holds a different certificate for this gateway (${path.basename(heldCert.filePath)}): send it this one${aside}` },
        severity,
      );
    }
  },
});

/** The certificate a leftcert/rightcert setting of a node names, when it could be read. */
function certificateOf(model: WorkspaceModel, node: IpsecNode, value: EffectiveValue): CertificateInfo | undefined {
  return nodeCertificateRefs(model, node).find((ref) => ref.value.document === value.document && ref.value.setting.span.start === value.setting.span.start)?.info;
}
