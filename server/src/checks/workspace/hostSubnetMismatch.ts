import { ipVersion } from '../../text/ipLiteral';
import type { EffectiveConn, EffectiveValue } from '../../workspace/model';
import type { ConnRef } from '../../workspace/peers';
import { sideValue } from '../../workspace/peers';
import { isJustHost, parseSubnets, subnetsOverlap } from '../../workspace/subnets';

/** One side of a pair where only one of the two conns names a subnet for the same end. */
export interface HostSubnetMismatch {
  /** The setting that exists (`rightsubnet` here or the peer's `leftsubnet`). */
  readonly subnet: EffectiveValue;
  /** The end that names no subnet, so offers or expects only the host's own address. */
  readonly hostSide: 'ours' | 'theirs';
  readonly host: string;
  /** The host's address lies inside the subnet: strongSwan narrows to it, the others refuse. */
  readonly overlaps: boolean;
}

/** Keys that make a conn's traffic something other than its host or its subnet: virtual IPs, transport mode, Libreswan's lists. */
function hostTrafficUnknown(conn: EffectiveConn): boolean {
  if ((conn.values.get('type')?.value ?? 'tunnel').trim().toLowerCase() !== 'tunnel') return true;
  return ['leftsourceip', 'rightsourceip', 'leftsubnets', 'rightsubnets', 'leftvti', 'rightvti', 'leftaddresspool', 'rightaddresspool'].some((key) => conn.values.has(key));
}

function literalAddress(conn: EffectiveConn, side: 'left' | 'right'): string | undefined {
  const value = sideValue(conn, side, '')?.value.trim();
  return value !== undefined && ipVersion(value) !== 0 ? value : undefined;
}

/**
 * The traffic of one end as the two conns see it, when one of them names a subnet for it and
 * the other none (the end's own address then): our `rightsubnet` against the peer's own address,
 * or our peer's address against the peer's `leftsubnet`. Undefined when they agree, when both
 * or neither name one, or when either conn's traffic is something else (virtual IPs, %-words).
 */
export function hostSubnetMismatch(ours: ConnRef, theirs: ConnRef): HostSubnetMismatch | undefined {
  if (hostTrafficUnknown(ours.conn) || hostTrafficUnknown(theirs.conn)) return undefined;
  const expected = sideValue(ours.conn, 'right', 'subnet');
  const actual = sideValue(theirs.conn, 'left', 'subnet');
  if ((expected === undefined) === (actual === undefined)) return undefined;
  const subnet = (expected ?? actual) as EffectiveValue;
  const host = expected ? literalAddress(theirs.conn, 'left') : literalAddress(ours.conn, 'right');
  if (host === undefined) return undefined;
  const blocks = parseSubnets(subnet.value);
  const hostBlocks = parseSubnets(host);
  if (!blocks || !hostBlocks || isJustHost(subnet.value, host)) return undefined;
  return { subnet, hostSide: expected ? 'theirs' : 'ours', host, overlaps: subnetsOverlap(blocks, hostBlocks) };
}
