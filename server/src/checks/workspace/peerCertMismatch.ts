import path from 'node:path';
import { peersOf, sideValue } from '../../workspace/peers';
import { defineWorkspaceRule } from '../workspaceRule';
import { certificateRefs } from './certificateRefs';
import { bothWays, describeConn, reportBothSides } from './peerReport';

export const peerCertMismatch = defineWorkspaceRule({
  code: 'peer-cert-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "The certificate held for a peer is not the one the peer uses",
  description:
    "Our `rightcert` must be the same certificate as the peer's own `leftcert` (compared by fingerprint, whatever the file names). A stale copy after the peer renewed its certificate is the usual cause.",
  check(model, report) {
    const byValue = new Map(certificateRefs(model).map((ref) => [`${ref.node.confPath}|${ref.value.document.uri}|${ref.value.setting.span.start}`, ref]));
    const find = (confPath: string, uri: string, start: number) => byValue.get(`${confPath}|${uri}|${start}`);
    for (const pair of peersOf(model.nodes)) {
      for (const [ours, theirs] of bothWays(pair)) {
        const held = sideValue(ours.conn, 'right', 'cert');
        const used = sideValue(theirs.conn, 'left', 'cert');
        if (!held || !used) continue;
        const heldCert = find(ours.node.confPath, held.document.uri, held.setting.span.start)?.info;
        const usedCert = find(theirs.node.confPath, used.document.uri, used.setting.span.start)?.info;
        if (!heldCert || !usedCert || heldCert.fingerprint === usedCert.fingerprint) continue;
        reportBothSides(
          report,
          { ref: ours, value: held, message: `rightcert ${path.basename(heldCert.filePath)} is not the certificate the peer uses (${describeConn(theirs)}: ${path.basename(usedCert.filePath)}): copy the peer's current certificate here` },
          { ref: theirs, value: used, message: `the peer (${describeConn(ours)}) holds a different certificate for this gateway (${path.basename(heldCert.filePath)}): send it this one` },
        );
      }
    }
  },
});
