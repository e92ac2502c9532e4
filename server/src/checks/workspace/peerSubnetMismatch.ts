import { sideValue } from '../../workspace/peers';
import { parseSubnets, subnetsOverlap } from '../../workspace/subnets';
import { defineWorkspaceRule } from '../workspaceRule';
import { hostSubnetMismatch } from './hostSubnetMismatch';
import { bothWays, describeConn, locate, reportBothSides } from './peerReport';
import { libreswanNarrows, mayNarrowSelectors } from './strongswanIkev2';

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
    "In a tunnel, our `rightsubnet(s)` must be the peer's own `leftsubnet(s)` and the other way round; otherwise the Child SA's traffic selectors are refused (TS_UNACCEPTABLE or no matching policy). Compared only where both sides set them to addresses: `vhost:`/`vnet:` subnets (any private subnet within `virtual_private`) and %-words such as `%dynamic` are worked out by the daemon at run time. Two strongSwan gateways speaking IKEv2 narrow the selectors to what both sides name, so subnets that overlap (`0.0.0.0/0` against `10.1.0.0/16`) bring the tunnel up for the overlap only: a warning when both gateways may run strongSwan, or where a Libreswan end says `narrowing=yes` (which brought such pairs up with Libreswan 4.10, at least in one direction), an error when the subnets share no address. A conn that names no subnet for an end means that end's own address: our `rightsubnet=10.1.0.0/16` against a peer that names no `leftsubnet` (or the other way round) is compared as a subnet against the host, an error where the host lies outside the subnet (strongSwan 5.9.8 refused it too) and a warning for strongSwan pairs where it lies inside. Not compared for transport mode or virtual IPs (`leftsourceip`, address pools).",
  checkPair(pair, _model, report) {
    // One Libreswan end with narrowing=yes brings such a pair up, at least in one direction (seen with 4.10).
    const libreswanNarrowing = libreswanNarrows(pair.a) || libreswanNarrows(pair.b);
    const narrows = (mayNarrowSelectors(pair.a) && mayNarrowSelectors(pair.b)) || libreswanNarrowing;
    // Where both gateways are known to run strongSwan, what Libreswan and Openswan would do is beside the point.
    const knownStrongswan = [pair.a, pair.b].every((end) => end.node.dialect.choice?.dialect === 'strongswan');
    const refusedElsewhere = knownStrongswan ? '' : `Libreswan${libreswanNarrowing ? ' without narrowing=yes' : ''} and Openswan refuse the traffic selectors, and `;
    const narrowers = libreswanNarrowing ? 'strongSwan and Libreswan with narrowing=yes narrow' : 'strongSwan narrows';
    const narrowing = (to: string, lost: string) => `${refusedElsewhere}${narrowers} ${refusedElsewhere ? 'them' : 'the traffic selectors'} to ${to}, so the rest of the ${lost} is not protected`;
    for (const [ours, theirs] of bothWays(pair)) {
      const oneSided = hostSubnetMismatch(ours, theirs);
      if (oneSided) {
        const overlap = narrows && oneSided.overlaps;
        const consequence = `${overlap ? narrowing('the host', 'subnet') : 'the traffic selectors will not match'}; name the same subnet on both sides, or none on either`;
        const [subnetRef, hostRef] = oneSided.hostSide === 'theirs' ? [ours, theirs] : [theirs, ours];
        const key = oneSided.subnet.setting.key.text;
        const hostHere = oneSided.hostSide === 'theirs' ? `names no leftsubnet=, so it offers only its own address ${oneSided.host}` : `names no rightsubnet=, so it expects only the peer's own address ${oneSided.host}`;
        report({
          ...locate(subnetRef, oneSided.subnet),
          conn: subnetRef.conn.name,
          severity: overlap ? 'warning' : undefined,
          message: `${key}=${oneSided.subnet.value} here, but the peer (${describeConn(hostRef)}) ${hostHere}: ${consequence}`,
          related: [{ ...locate(hostRef, undefined), message: "the peer's conn" }],
        });
        report({
          ...locate(hostRef, undefined),
          conn: hostRef.conn.name,
          severity: overlap ? 'warning' : undefined,
          message: `this conn ${oneSided.hostSide === 'theirs' ? 'names no leftsubnet=, so it offers only this host' : "names no rightsubnet=, so it expects only the peer's host"} (${oneSided.host}), but the peer (${describeConn(subnetRef)}) has ${key}=${oneSided.subnet.value}: ${consequence}`,
          related: [{ ...locate(subnetRef, oneSided.subnet), message: "the peer's subnet" }],
        });
      }
      for (const suffix of ['subnet', 'subnets']) {
        const expected = sideValue(ours.conn, 'right', suffix);
        const actual = sideValue(theirs.conn, 'left', suffix);
        if (!expected || !actual || normalizeSubnets(expected.value) === normalizeSubnets(actual.value)) continue;
        if (isSymbolic(expected.value) || isSymbolic(actual.value)) continue;
        const overlap = narrows && mayOverlap(expected.value, actual.value);
        const consequence = overlap ? narrowing('the overlap', 'traffic') : 'the traffic selectors will not match';
        reportBothSides(
          report,
          { ref: ours, value: expected, adopt: actual.value, message: `right${suffix}=${expected.value} but the peer (${describeConn(theirs)}) protects left${suffix}=${actual.value}: ${consequence}` },
          { ref: theirs, value: actual, adopt: expected.value, message: `left${suffix}=${actual.value} here but the peer (${describeConn(ours)}) expects right${suffix}=${expected.value}: ${consequence}` },
          overlap ? 'warning' : undefined,
        );
      }
    }
  },
});

/**
 * A subnet the daemon works out at run time: `vhost:%priv` and `vnet:` (any subnet within
 * `virtual_private`, as L2TP servers take their clients' private addresses), `%dynamic` and other %-words.
 */
function isSymbolic(value: string): boolean {
  return /(^|[\s,{])(vhost:|vnet:|%)/i.test(value);
}

/** Whether the two lists share an address, or cannot be told apart without the daemon (ports, protocols, names). */
function mayOverlap(a: string, b: string): boolean {
  const left = parseSubnets(a);
  const right = parseSubnets(b);
  return !left || !right || subnetsOverlap(left, right);
}
