import type { EffectiveConn } from '../../workspace/model';
import { parseSubnets, subnetsWithin } from '../../workspace/subnets';
import { strongswanSourceIp } from '../ipsecConf/values/confread';
import { SIDES, word, type Refusal } from './libreswanRefusal';

// What Libreswan 5's pluto refuses in a conn's addresses and address leases (libreswan-conn-refused): each case seen
// refused by 5.2 or, where marked, read in its source.

/** strongSwan's `leftsourceip=%config` and pools, which 5.x reads as numbers (4.x's addconn refuses them itself: bad-value). */
export function strongswanSourceIps(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const sourceip = conn.values.get(`${side}sourceip`);
    const why = sourceip && strongswanSourceIp(sourceip.value);
    return sourceip && why ? [{ at: sourceip, why: `${side}sourceip=${sourceip.value.trim()}: ${why}`, remedy: 'write the address itself, or drop the line' }] : [];
  });
}

/**
 * strongSwan's words in a subnet, which Libreswan 5's pluto reads as numbers and refuses: `%dynamic`
 * and other `%` words, and a protocol and port in brackets (`10.1.0.0/24[tcp/80]`). An L2TP
 * server's `vhost:%priv,%no` is Libreswan's own (IKEv1 only, judged elsewhere).
 */
export function strongswanSubnets(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const subnet = conn.values.get(`${side}subnet`);
    const written = subnet?.value.trim() ?? '';
    if (!subnet || /^v(host|net):/i.test(written)) return [];
    const element = written.split(/[\s,]+/).find((part) => part.startsWith('%') || part.includes('['));
    if (element === undefined) return [];
    if (element.includes('[')) return [{ at: subnet, why: `${side}subnet=${written}: Libreswan reads addresses and subnets here; a protocol and port in brackets are strongSwan's way`, remedy: `move them to ${side}protoport=` }];
    const dynamic = element.toLowerCase() === '%dynamic' ? " (strongSwan's word for the end's own address)" : '';
    return [{ at: subnet, why: `${side}subnet=${written}: Libreswan reads addresses and subnets here, not ${element}${dynamic}`, remedy: 'write the subnet itself, or leave the line out' }];
  });
}

/**
 * Libreswan 5 wants a `leftsourceip=` inside `leftsubnet=`, or without a subnet the host's own
 * address (from 5.1; Libreswan 4 made the source address the subnet). A subnet or host it cannot
 * read as numbers, and `leftsubnets=` (each subnet a conn of its own), are not judged.
 */
export function sourceIpOutside(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const sourceip = conn.values.get(`${side}sourceip`);
    // strongSwan's %config and pools are reported as such (strongswanSourceIps).
    const sources = sourceip && !strongswanSourceIp(sourceip.value) ? parseSubnets(sourceip.value) : undefined;
    if (!sourceip || !sources || conn.values.has(`${side}subnets`)) return [];
    const subnet = conn.values.get(`${side}subnet`);
    const written = `${side}sourceip=${sourceip.value.trim()}`;
    if (subnet) {
      const blocks = parseSubnets(subnet.value);
      return blocks && !subnetsWithin(sources, blocks) ? [{ at: sourceip, why: `${written} is not within ${side}subnet=${subnet.value.trim()}`, remedy: 'use an address of that subnet' }] : [];
    }
    const host = parseSubnets(conn.values.get(side)?.value ?? '');
    return host?.length === 1 && !subnetsWithin(sources, host) ? [{ at: sourceip, why: `${written} is not the address in ${side}= and there is no ${side}subnet= (Libreswan 4 took the source address as the subnet; 5 does not)`, remedy: `add ${side}subnet= holding it, or drop ${side}sourceip=` }] : [];
  });
}

/** Libreswan 5 offloads whole packets to the NIC only for plain ESP in transport mode ("nic-offload=packet restricted to type=transport"). */
export function packetOffload(conn: EffectiveConn): Refusal[] {
  const at = conn.values.get('nic-offload');
  if (word(conn, 'nic-offload') !== 'packet') return [];
  // phase2=ah and encapsulation=yes are read in connections.c, not seen.
  const clashes = [
    (word(conn, 'type') ?? 'tunnel') !== 'transport' ? `type=${word(conn, 'type') ?? 'tunnel'}${conn.values.has('type') ? '' : ' (the default)'}` : undefined,
    word(conn, 'phase2') === 'ah' ? 'phase2=ah' : undefined,
    word(conn, 'compress') === 'yes' ? 'compress=yes' : undefined,
    word(conn, 'encapsulation') === 'yes' ? 'encapsulation=yes' : undefined,
  ].filter((clash) => clash !== undefined);
  return clashes.length > 0 ? [{ at, why: `nic-offload=packet with ${clashes.join(', ')} (packet offload takes plain ESP in transport mode only)`, remedy: 'use nic-offload=crypto, or type=transport with ESP' }] : [];
}

/**
 * From 5.2, an end that asks for its address (`leftmodecfgclient=yes`, or `leftcat=yes`) while
 * the other end's pool would have it hand addresses out ("leftmodecfgclient=yes does not expect
 * rightaddresspool="); opportunistic conns only log it.
 */
export function clientWithPeerPool(conn: EffectiveConn): Refusal[] {
  if (SIDES.some((side) => word(conn, side)?.startsWith('%opportunistic'))) return [];
  return SIDES.flatMap((side, i) => {
    const other = SIDES[1 - i];
    const pool = conn.values.get(`${other}addresspool`);
    const asks = ['modecfgclient', 'cat'].find((key) => word(conn, `${side}${key}`) === 'yes');
    const meaning = asks === 'cat' ? `${side} translates the address it is given` : `${side} asks for its address`;
    return pool && asks ? [{ at: pool, why: `${side}${asks}=yes (${meaning}) with ${other}addresspool= (${side} hands addresses to ${other})`, remedy: `drop one of them: a client sets ${side}${asks}=yes, its server the pool for its peer` }] : [];
  });
}

/** From 5.2, `narrowing=no` beside an address pool, whose leases narrow the peer's selectors (seen with 5.2, 5.3.2 and 5.4). */
export function noNarrowingWithPool(conn: EffectiveConn): Refusal[] {
  if (word(conn, 'narrowing') !== 'no') return [];
  const pool = SIDES.map((side) => conn.values.get(`${side}addresspool`)).find((value) => value !== undefined);
  return pool ? [{ at: conn.values.get('narrowing'), why: `narrowing=no with ${pool.setting.key.text}= (the address it leases narrows the selectors)`, remedy: 'drop narrowing=no' }] : [];
}
