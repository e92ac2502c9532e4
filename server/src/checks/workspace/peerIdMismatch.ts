import { effectiveId, idSatisfies, sideValue } from '../../workspace/peers';
import { defineWorkspaceRule } from '../workspaceRule';
import { bothWays, describeConn, quote, reportBothSides } from './peerReport';

export const peerIdMismatch = defineWorkspaceRule({
  code: 'peer-id-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A conn expects a different ID than the peer's own configuration presents",
  description:
    "One gateway's `rightid` must be exactly the other gateway's `leftid` (after `%default` and `also=`), or authentication fails (AUTHENTICATION_FAILED / no suitable connection). Reported on both files; make the two values equal.",
  checkPair(pair, _model, report) {
    for (const [ours, theirs] of bothWays(pair)) {
      const expected = effectiveId(ours.conn, 'right');
      const presented = effectiveId(theirs.conn, 'left');
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
