import { normalizeDn } from '../../workspace/certificates';
import { effectiveId, idSatisfies, sideValue, type ConnRef } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceModel } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';
import { bothWays, describeConn, quote, reportBothSides } from './peerReport';

export const peerIdMismatch = defineWorkspaceRule({
  code: 'peer-id-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A conn expects a different ID than the peer's own configuration presents",
  description:
    "One gateway's `rightid` must be exactly the other gateway's `leftid` (after `%default` and `also=`), or authentication fails (AUTHENTICATION_FAILED / no suitable connection). A gateway with `leftcert` and no `leftid` presents its certificate's subject DN, which a DN in `rightid` must then name. Reported on both files; make the two values equal.",
  checkPair(pair, model, report) {
    for (const [ours, theirs] of bothWays(pair)) {
      const expected = effectiveId(ours.conn, 'right');
      const presented = effectiveId(theirs.conn, 'left') ?? subjectPresented(model, theirs, expected);
      if (!expected || !presented || idSatisfies(expected, presented)) continue;
      reportBothSides(
        report,
        {
          ref: ours,
          value: sideValue(ours.conn, 'right', 'id'),
          adopt: sideValue(theirs.conn, 'left', 'id')?.value ?? presented,
          message: `rightid ${quote(expected, '(unset)')} is not the peer's own leftid ${quote(presented, '(unset)')} (${describeConn(theirs)}): authentication will fail; use the same ID on both sides`,
        },
        {
          ref: theirs,
          value: sideValue(theirs.conn, 'left', 'id'),
          adopt: sideValue(ours.conn, 'right', 'id')?.value ?? expected,
          message: `this gateway presents leftid ${quote(presented, '(unset)')}, but its peer (${describeConn(ours)}) expects ${quote(expected, '(unset)')}: authentication will fail`,
        },
      );
    }
  },
});

/**
 * Without leftid a gateway with a certificate presents the certificate's subject: compared when
 * the expected ID is a DN too, since a name or address against a DN is not decided here.
 */
function subjectPresented(model: WorkspaceModel, ref: ConnRef, expected: string | undefined): string | undefined {
  if (!expected || !expected.includes('=') || expected.includes('*') || sideValue(ref.conn, 'left', 'id')) return undefined;
  const leftcert = sideValue(ref.conn, 'left', 'cert');
  const cert = leftcert && nodeCertificateRefs(model, ref.node).find((r) => r.side === 'left' && r.value.document.uri === leftcert.document.uri && r.value.setting.span.start === leftcert.setting.span.start)?.info;
  if (!cert) return undefined;
  return normalizeDn(cert.subject) === normalizeDn(expected) ? expected : cert.subject.split('\n').join(', ');
}
