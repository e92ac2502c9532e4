import { ipVersion, isPrivateAddress } from '../../text/ipLiteral';
import { concreteAddress, sideValue } from '../../workspace/peers';
import { defineWorkspaceRule } from '../workspaceRule';
import { bothWays, describeConn, reportBothSides } from './peerReport';

export const peerAddressMismatch = defineWorkspaceRule({
  code: 'peer-address-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A conn points at an address the peer does not use",
  description:
    "`right=` must be the address the peer has as its own `left=`, or IKE packets go to the wrong host. Addresses are compared as addresses, so `2001:DB8::1` and `2001:db8:0::1` agree; a host name is not compared, since only DNS knows its address. `%any` and `%defaultroute` are not compared, nor a private address against a public one (the peer is then behind NAT). Reported on both files. Besides using either side's value, the editor offers to settle the address across the workspace: every place that sends to the old address takes the gateway's, or the gateway takes the expected one and every place that writes its current address follows.",
  checkPair(pair, _model, report) {
    for (const [ours, theirs] of bothWays(pair)) {
      const target = concreteAddress(sideValue(ours.conn, 'right', '')?.value);
      const actual = concreteAddress(sideValue(theirs.conn, 'left', '')?.value);
      if (!target || !actual || target === actual) continue;
      // A host name may resolve to the peer's address: only DNS can tell.
      if (ipVersion(target) === 0 || ipVersion(actual) === 0) continue;
      // A private address on one side and a public one on the other is what NAT looks like.
      if (isPrivateAddress(target) !== isPrivateAddress(actual)) continue;
      reportBothSides(
        report,
        {
          ref: ours,
          value: sideValue(ours.conn, 'right', ''),
          adopt: actual,
          message: `right=${target} but the peer (${describeConn(theirs)}) has left=${actual}: IKE goes to the wrong address; use the peer's address`,
        },
        {
          ref: theirs,
          value: sideValue(theirs.conn, 'left', ''),
          adopt: target,
          message: `this gateway's left=${actual}, but its peer (${describeConn(ours)}) sends to right=${target}`,
        },
      );
    }
  },
});
