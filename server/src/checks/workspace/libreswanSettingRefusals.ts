import { lookupKeyword } from '../../knowledge/ipsecConf';
import { CHECKED_WHEN_NEGOTIATING } from '../../knowledge/ipsecConf/libreswan5Addconn';
import { inRange } from '../../knowledge/ipsecConf/versions';
import { durationSeconds, hasSpelledOutUnit } from '../../text/durationSeconds';
import { ipVersion } from '../../text/ipLiteral';
import type { EffectiveConn } from '../../workspace/model';
import { parseSubnets, subnetsWithin } from '../../workspace/subnets';
import { strongswanSourceIp } from '../ipsecConf/values/confread';
import { strictMarkProblem } from '../ipsecConf/values/libreswanMark';
import { plutoDurationProblem, plutoReadsDuration } from '../ipsecConf/values/plutoDurations';
import { checkValue } from '../ipsecConf/values/checkValue';
import { checkDuration } from '../ipsecConf/values/scalars';
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

/** An end's numeric `leftsourceip=` addresses, unless strongSwan's forms (reported by strongswanSourceIps) or `leftsubnets=` (each subnet a conn of its own) leave them unjudged. */
function judgedSourceIp(conn: EffectiveConn, side: string) {
  const sourceip = conn.values.get(`${side}sourceip`);
  const sources = sourceip && !strongswanSourceIp(sourceip.value) ? parseSubnets(sourceip.value) : undefined;
  return sourceip && sources && !conn.values.has(`${side}subnets`) ? { sourceip, sources, written: `${side}sourceip=${sourceip.value.trim()}` } : undefined;
}

/**
 * Libreswan 5 wants a `leftsourceip=` inside `leftsubnet=`, and without a subnet the host's own
 * address (5.1 on; 5.0 takes none at all, see sourceIpWithoutSubnet; Libreswan 4 made the source
 * address the subnet). A subnet or host it cannot read as numbers is not judged.
 */
export function sourceIpOutside(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const judged = judgedSourceIp(conn, side);
    if (!judged) return [];
    const { sourceip, sources, written } = judged;
    const subnet = conn.values.get(`${side}subnet`);
    if (subnet) {
      const blocks = parseSubnets(subnet.value);
      return blocks && !subnetsWithin(sources, blocks) ? [{ at: sourceip, why: `${written} is not within ${side}subnet=${subnet.value.trim()}`, remedy: 'use an address of that subnet' }] : [];
    }
    const host = parseSubnets(conn.values.get(side)?.value ?? '');
    return host?.length === 1 && !subnetsWithin(sources, host) ? [{ at: sourceip, why: `${written} is not the address in ${side}= and there is no ${side}subnet= (Libreswan 4 took the source address as the subnet; 5 does not)`, remedy: `add ${side}subnet= holding it, or drop ${side}sourceip=` }] : [];
  });
}

/** Libreswan 5.0 refuses any `leftsourceip=` without `leftsubnet=` ("requires leftsubnet"), even the host's own address, which 5.1 takes. */
export function sourceIpWithoutSubnet(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const judged = judgedSourceIp(conn, side);
    if (!judged || conn.values.has(`${side}subnet`)) return [];
    const host = parseSubnets(conn.values.get(side)?.value ?? '');
    // Another address than the host's is refused by every 5.x (sourceIpOutside says so).
    if (host?.length !== 1 || !subnetsWithin(judged.sources, host)) return [];
    return [{ at: judged.sourceip, why: `${judged.written} without ${side}subnet= (Libreswan 5.0 wants a subnet with a source address, even the host's own; 5.1 on take it)`, remedy: `add ${side}subnet= holding it, or drop ${side}sourceip=` }];
  });
}

/** Libreswan 5 takes an end's address on the ipsec-interface device or a source address, not both ("cannot specify leftinterface-ip= and leftsourceip="). */
export function interfaceIpWithSourceIp(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const interfaceIp = conn.values.get(`${side}interface-ip`);
    const sourceip = conn.values.get(`${side}sourceip`);
    return interfaceIp && sourceip ? [{ at: interfaceIp, why: `${side}interface-ip=${interfaceIp.value.trim()} with ${side}sourceip=${sourceip.value.trim()} (the end's address comes from one or the other)`, remedy: `drop one of the two` }] : [];
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
 * In Libreswan 5, an end that asks for its address (`leftmodecfgclient=yes`, or `leftcat=yes`) while
 * the other end's pool would have it hand addresses out ("leftmodecfgclient=yes does not expect
 * rightaddresspool=", 5.0 and 5.1: "both … defined"); opportunistic conns only log it.
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

/** From 5.3 pluto reads `leftnexthop=` itself: a numeric address, `%defaultroute` or `%direct`, no name (seen with 5.3.2 and 5.4; 5.0 to 5.2's addconn refuse more: bad-value). */
export function unreadableNexthop(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const at = conn.values.get(`${side}nexthop`);
    const value = at?.value.trim() ?? '';
    if (!at || value === '' || ['%defaultroute', '%direct'].includes(value.toLowerCase()) || ipVersion(value) !== 0) return [];
    return [{ at, why: `${side}nexthop=${value} (pluto takes the next hop's address, %defaultroute or %direct here, and looks up no name)`, remedy: "write the next hop's address" }];
  });
}

/** Written either way: 5.0 to 5.3 named it ikev1-dpdtimeout=, 5.4 went back to dpdtimeout=; both at once is left unjudged. */
function dpdTimeout(conn: EffectiveConn) {
  const [old, renamed] = [conn.values.get('dpdtimeout'), conn.values.get('ikev1-dpdtimeout')];
  return old && renamed ? undefined : (old ?? renamed);
}

/** Why pluto of every one of `releases` refuses the duration, or undefined when one reads it. */
function durationRefusal(base: string, value: string, releases: readonly string[]): string | undefined {
  const problems = releases.map((release) => plutoDurationProblem(base, value, { dialect: 'libreswan', version: release }) ?? checkDuration(value, { dialect: 'libreswan', version: release }));
  return problems.every((problem) => problem !== undefined) ? problems[0]?.message : undefined;
}

/**
 * Libreswan 5's pluto reads the dead peer detection times itself, and refuses a conn over one it
 * cannot read: `dpddelay=` on IKEv2 (which ignores `dpdtimeout=`), and on IKEv1 both, but only when
 * both are set (else it warns that DPD is off); from 5.3 also `retransmit-interval=`. 5.0 to 5.3
 * read fewer forms than addconn (no `2minutes`; 5.0 and 5.1 no fractions). Read in 5.0 to 5.4's
 * pluto; seen with 5.0, 5.2, 5.3.2 and 5.4.
 */
export function unreadableTimes(conn: EffectiveConn, ike: 1 | 2 | undefined, releases: readonly string[]): Refusal[] {
  const delay = conn.values.get('dpddelay');
  const timeout = dpdTimeout(conn);
  const dpd = ike === 2 ? [delay] : ike === 1 && delay && timeout ? [delay, timeout] : [];
  const retransmit = releases.every((release) => plutoReadsDuration('retransmit-interval', release)) ? [conn.values.get('retransmit-interval')] : [];
  for (const at of [...dpd, ...retransmit]) {
    const base = at?.setting.key.text.toLowerCase() ?? '';
    const problem = at && durationRefusal(base, at.value.trim(), releases);
    if (at && problem) return [{ at, why: `${at.setting.key.text}=${at.value.trim()}: ${problem}`, remedy: 'write a number of seconds, such as 30 or 30s' }];
  }
  return [];
}

/** From 5.3 pluto refuses a negotiating conn over a mark it cannot read (seen with 5.3.2 and 5.4; before, it logged "bad mark value": bad-value). */
export function unreadableMarks(conn: EffectiveConn): Refusal[] {
  return ['mark', 'mark-in', 'mark-out'].flatMap((key) => {
    const at = conn.values.get(key);
    const problem = at && strictMarkProblem(at.value.trim());
    return at && problem ? [{ at, why: `${key}=${at.value.trim()}: ${problem.message}`, remedy: 'write the mark as a number, with a mask after / if needed (0x100/0xff00)' }] : [];
  });
}

/** pluto's longest lifetime, IKE and IPsec SAs alike, outside FIPS mode (IKE_SA_LIFETIME_MAXIMUM and IPSEC_SA_LIFETIME_MAXIMUM, 5.0 to 5.4). */
const LONGEST_LIFETIME_SECONDS = 86400;

/**
 * Libreswan 5 wants the rekey margin, stretched by its fuzz, within the longest lifetime it allows:
 * "ikelifetime=28800 must be greater than rekeymargin=172800s + rekeyfuzz=100% yet less than the
 * maximum allowed" (seen with 5.0, 5.2, 5.3.2 and 5.4; a shunt skips lifetimes).
 */
export function marginPastLongestLifetime(conn: EffectiveConn, releases: readonly string[]): Refusal[] {
  const at = conn.values.get('rekeymargin');
  // Before 5.4 addconn reads it, and skips a unit spelt out (`2days`: "keyword ignored"), keeping the default;
  // a fraction is left unjudged there too.
  const unusual = at !== undefined && (hasSpelledOutUnit(at.value) || at.value.includes('.'));
  if (unusual && !releases.every((release) => inRange({ from: '5.4' }, release))) return [];
  const margin = at && durationSeconds(at.value);
  const fuzz = /^(\d+)%$/.exec(conn.values.get('rekeyfuzz')?.value.trim() ?? '100%')?.[1];
  if (!at || margin === undefined || fuzz === undefined || (margin * (100 + Number(fuzz))) / 100 <= LONGEST_LIFETIME_SECONDS) return [];
  return [{ at, why: `rekeymargin=${at.value.trim()} with a rekeyfuzz of ${fuzz}% reaches past the longest lifetime pluto allows (24 hours)`, remedy: 'shorten rekeymargin= (the default is 9m)' }];
}

/** The keys of CHECKED_WHEN_NEGOTIATING the conn sets with a value every one of `releases` refuses (a shunt does not read them). */
export function valuesCheckedWhenNegotiating(conn: EffectiveConn, releases: readonly string[]): Refusal[] {
  const refusals: Refusal[] = [];
  for (const [base, range] of CHECKED_WHEN_NEGOTIATING) {
    if (!releases.every((release) => inRange(range, release))) continue;
    for (const key of base === 'ikeport' ? SIDES.map((side) => `${side}${base}`) : [base]) {
      const at = conn.values.get(key);
      if (at === undefined) continue;
      const value = at.value.trim();
      const problems = releases.map((release) => {
        const type = lookupKeyword(key, 'libreswan', release).type;
        return type && checkValue(value, type, { dialect: 'libreswan', version: release });
      });
      if (problems.every((problem) => problem !== undefined)) refusals.push({ at, why: `${key}=${value}: ${problems[0]?.message ?? ''}`, remedy: 'write a value this release takes' });
    }
  }
  return refusals;
}

/**
 * 4.6 to 4.15 pair each of `leftsubnets=` with each subnet of the other end, and when that end has
 * neither `rightsubnet=` nor `rightsubnets=` addconn adds nothing at all, without a word (seen with
 * 4.10; 4.0 to 4.5 and 5.x pair the list with the other end's own address).
 */
export function subnetsWithoutPeerSubnet(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side, index) => {
    const list = conn.values.get(`${side}subnets`);
    const peer = SIDES[1 - index];
    if (!list || list.value.trim() === '' || conn.values.get(`${peer}subnet`) || conn.values.get(`${peer}subnets`)) return [];
    return [{ at: list, why: `${side}subnets= while ${peer} has neither ${peer}subnet= nor ${peer}subnets=: addconn then adds none of the conn's subnet pairs, and says nothing`, remedy: `give ${peer}subnet= (for the peer host alone, its address with /32 or /128)` }];
  });
}
