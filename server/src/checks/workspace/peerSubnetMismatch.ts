import { sideValue } from '../../workspace/peers';
import { defineWorkspaceRule } from '../workspaceRule';
import { bothWays, describeConn, reportBothSides } from './peerReport';

/** A subnet list in one comparable form: `{a, b}` or `a,b`, order and spacing ignored. */
export function normalizeSubnets(value: string): string {
  return value
    .replace(/^\{|\}$/g, '')
    .split(/[\s,]+/)
    .filter((s) => s.length > 0)
    .map((s) => s.toLowerCase())
    .sort()
    .join(',');
}

export const peerSubnetMismatch = defineWorkspaceRule({
  code: 'peer-subnet-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The protected subnets do not mirror each other',
  description:
    "In a tunnel, our `rightsubnet(s)` must be the peer's own `leftsubnet(s)` and the other way round; otherwise the Child SA's traffic selectors are refused (TS_UNACCEPTABLE or no matching policy). Compared only where both sides set them.",
  checkPair(pair, _model, report) {
    for (const [ours, theirs] of bothWays(pair)) {
      for (const suffix of ['subnet', 'subnets']) {
        const expected = sideValue(ours.conn, 'right', suffix);
        const actual = sideValue(theirs.conn, 'left', suffix);
        if (!expected || !actual || normalizeSubnets(expected.value) === normalizeSubnets(actual.value)) continue;
        reportBothSides(
          report,
          { ref: ours, value: expected, adopt: actual.value, message: `right${suffix}=${expected.value} but the peer (${describeConn(theirs)}) protects left${suffix}=${actual.value}: the traffic selectors will not match` },
          { ref: theirs, value: actual, adopt: expected.value, message: `left${suffix}=${actual.value} here but the peer (${describeConn(ours)}) expects right${suffix}=${expected.value}: the traffic selectors will not match` },
        );
      }
    }
  },
});
