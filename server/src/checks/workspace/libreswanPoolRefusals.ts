import { ipVersion } from '../../text/ipLiteral';
import { isCidrBlock, overlapsInexactly, readPools, type PoolRange } from '../../workspace/addressPools';
import type { EffectiveConn, EffectiveValue } from '../../workspace/model';
import { parseSubnets } from '../../workspace/subnets';
import { familyOf } from './connFamilyMismatch';
import { SIDES, word, type Refusal } from './libreswanRefusal';

// What Libreswan's pluto refuses in a conn's address pools, Mode Config roles and address families
// (libreswan-conn-refused): each seen refused by 4.10 or 5.2 and in Libreswan's own
// addconn-14-addresspool test at each 5.x release tag, and read in the source of the others.

type Side = (typeof SIDES)[number];

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');
const yes = (conn: EffectiveConn, key: string): boolean => word(conn, key) === 'yes';
/** pluto only logs these clashes for opportunistic conns, which are client and server at once. */
const opportunistic = (conn: EffectiveConn): boolean => SIDES.some((side) => word(conn, side)?.startsWith('%opportunistic') === true);

function poolOf(conn: EffectiveConn, side: Side) {
  const at = conn.values.get(`${side}addresspool`);
  const reading = at && readPools(at.value);
  return at && reading ? { at, reading, written: `${side}addresspool=${at.value.trim()}` } : undefined;
}

/** 5.x reads the pool list itself when the conn is added: no empty entry, ranges upwards, IPv6 as CIDR blocks, one range per family. */
export function poolValueRefusals(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side): Refusal[] => {
    const pool = poolOf(conn, side);
    if (!pool) return [];
    const { at, reading, written } = pool;
    const entries = at.value.trim().split(/[\s,]+/).filter((entry) => entry.length > 0);
    if (reading.kind === 'empty-field') {
      const newText = entries.join(',');
      return [{ at, why: `${written}: a comma with nothing before or after it`, remedy: 'drop the extra comma', rewrite: { title: `Write ${side}addresspool=${newText}`, newText } }];
    }
    if (reading.kind === 'reversed') {
      const newText = entries.map((entry) => (entry === reading.range ? entry.split('-').reverse().join('-') : entry)).join(',');
      return [{ at, why: `${written}: the range ${reading.range} starts above where it ends`, remedy: 'write the lower address first', rewrite: { title: `Write ${side}addresspool=${newText}`, newText } }];
    }
    const block = reading.ranges.find((range) => range.family === 6 && !isCidrBlock(range));
    if (block) return [{ at, why: `${written}: the IPv6 range ${block.text} is not one CIDR block`, remedy: 'write an IPv6 pool as address/prefix' }];
    const family = ([4, 6] as const).find((f) => reading.ranges.filter((range) => range.family === f).length > 1);
    return family ? [{ at, why: `${written}: more than one IPv${family} range (a conn leases from one range per family)`, remedy: 'merge them into one range' }] : [];
  });
}

/** 5.0 and 5.1 take an IPv6 pool only as address/prefix, even a range that is one block. */
export function ipv6PoolAsRange(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const pool = poolOf(conn, side);
    const range = pool?.reading.kind === 'ranges' ? pool.reading.ranges.find((r) => r.family === 6 && r.text.includes('-')) : undefined;
    return pool && range ? [{ at: pool.at, why: `${pool.written}: the IPv6 range ${range.text} is written first-last (5.0 and 5.1 read an IPv6 pool as address/prefix only)`, remedy: 'write it as address/prefix' }] : [];
  });
}

/** From 4.4: a pool starting at 0.0.0.0 or `::`. */
export function poolAtZero(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const pool = poolOf(conn, side);
    const zero = pool?.reading.kind === 'ranges' ? pool.reading.ranges.find((range) => range.first === 0n) : undefined;
    return pool && zero ? [{ at: pool.at, why: `${pool.written}: the range ${zero.text} starts at the all-zero address`, remedy: 'start the pool at a usable address' }] : [];
  });
}

/** From 5.2: IKEv1's Mode Config leases IPv4 addresses only. */
export function ikev1Ipv6Pool(conn: EffectiveConn, ike: 1 | 2 | undefined): Refusal[] {
  if (ike !== 1) return [];
  return SIDES.flatMap((side) => {
    const pool = poolOf(conn, side);
    const v6 = pool?.reading.kind === 'ranges' && pool.reading.ranges.some((range) => range.family === 6);
    return pool && v6 ? [{ at: pool.at, why: `${pool.written}: an IPv6 pool on an IKEv1 conn (IKEv1 leases IPv4 addresses only)`, remedy: 'use IKEv2, or an IPv4 pool' }] : [];
  });
}

/** From 4.4: one end leases, not both. */
export function bothEndsPools(conn: EffectiveConn): Refusal[] {
  const right = conn.values.get('rightaddresspool');
  return conn.values.has('leftaddresspool') && right ? [{ at: right, why: 'leftaddresspool= and rightaddresspool= together (only the server leases addresses, from the pool written on its client\'s end)', remedy: 'keep the pool on the client\'s end only' }] : [];
}

/** 5.x: an end's pool beside `leftsubnets=` (the pool's lease is the end's only subnet). */
export function poolWithSubnets(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const pool = conn.values.get(`${side}addresspool`);
    return pool && conn.values.has(`${side}subnets`) ? [{ at: pool, why: `${side}addresspool= with ${side}subnets= (the address leased is the end's only subnet)`, remedy: `drop ${side}subnets= or the pool` }] : [];
  });
}

/** 5.x: Mode Config roles that contradict each other on one conn. */
export function modecfgRoleClashes(conn: EffectiveConn): Refusal[] {
  if (opportunistic(conn)) return [];
  return SIDES.flatMap((side): Refusal[] => {
    const found: Refusal[] = [];
    const server = `${side}modecfgserver`;
    const peer = other(side);
    if (yes(conn, `${side}modecfgclient`) && yes(conn, `${peer}cat`)) {
      found.push({ at: conn.values.get(`${peer}cat`), why: `${side}modecfgclient=yes with ${peer}cat=yes (${peer} would translate the address it is given, which makes ${peer} the client)`, remedy: 'keep the one that says which end is the client' });
    }
    if (!yes(conn, server)) return found;
    if (yes(conn, `${side}modecfgclient`)) found.push({ at: conn.values.get(server), why: `${server}=yes with ${side}modecfgclient=yes (an end is the server or the client, not both)`, remedy: 'drop one of the two' });
    if (yes(conn, `${side}cat`)) found.push({ at: conn.values.get(server), why: `${server}=yes with ${side}cat=yes (client address translation is for a client)`, remedy: 'drop one of the two' });
    const pool = conn.values.get(`${side}addresspool`);
    if (pool) found.push({ at: pool, why: `${server}=yes with ${side}addresspool= (the pool is written on the client's end)`, remedy: `move the pool to ${peer}addresspool=` });
    return found;
  });
}

/** 5.x: both ends servers, or both clients. */
export function modecfgBothEnds(conn: EffectiveConn): Refusal[] {
  if (opportunistic(conn)) return [];
  return (['server', 'client'] as const).flatMap((role) =>
    SIDES.every((side) => yes(conn, `${side}modecfg${role}`)) ? [{ at: conn.values.get(`rightmodecfg${role}`), why: `leftmodecfg${role}=yes and rightmodecfg${role}=yes (one end is the ${role}, the other its peer)`, remedy: `drop one of the two` }] : [],
  );
}

/** The family of the conn's literal host addresses; undefined when a host is a name or `%` word that is resolved later, or they differ. */
function hostFamily(conn: EffectiveConn): 4 | 6 | undefined {
  if (['hostaddrfamily', 'clientaddrfamily', 'leftsubnets', 'rightsubnets'].some((key) => conn.values.has(key))) return undefined;
  let family: 4 | 6 | undefined;
  for (const side of SIDES) {
    const host = word(conn, side);
    if (host === undefined || host === '%any') continue;
    const version = ipVersion(host);
    if (version === 0 || (family !== undefined && version !== family)) return undefined;
    family = version;
  }
  return family;
}

interface EndTraffic {
  readonly at: EffectiveValue | undefined;
  readonly written: string;
  readonly families: ReadonlySet<4 | 6>;
  readonly fromHost: boolean;
}

/** 5.x: what an end's traffic is, in pluto's order: its subnets, else its pool, else its own address. */
function endTraffic(conn: EffectiveConn, side: Side, host: 4 | 6): EndTraffic | undefined {
  const subnet = conn.values.get(`${side}subnet`);
  if (subnet) {
    const blocks = parseSubnets(subnet.value);
    return blocks && { at: subnet, written: `${side}subnet=${subnet.value.trim()}`, families: new Set(blocks.map((block) => block.family)), fromHost: false };
  }
  if (conn.values.has(`${side}addresspool`)) {
    // A pool this module cannot read (an address with host bits before its prefix, which pluto takes) leaves the end unjudged.
    const pool = poolOf(conn, side);
    return pool?.reading.kind === 'ranges' ? { at: pool.at, written: pool.written, families: new Set(pool.reading.ranges.map((range: PoolRange) => range.family)), fromHost: false } : undefined;
  }
  const address = conn.values.get(side);
  return { at: address, written: `${side}=${address?.value.trim() ?? '%any'}, its own address as it has no ${side}subnet=`, families: new Set([host]), fromHost: true };
}

const describeFamilies = (families: ReadonlySet<4 | 6>): string => [...families].map((family) => `IPv${family}`).join(' and ');

/** 5.x: both ends' traffic must be of the same IP families (unlike 4.x, a pool counts, and lists must match). */
export function endFamilyRefusals(conn: EffectiveConn): Refusal[] {
  const host = hostFamily(conn);
  const ends = host && SIDES.map((side) => endTraffic(conn, side, host));
  if (!ends || !ends[0] || !ends[1]) return [];
  const [left, right] = ends;
  if (left.families.size === right.families.size && [...left.families].every((family) => right.families.has(family))) return [];
  // Two subnets of one family each are conn-family-mismatch's.
  const subnets = SIDES.map((side) => conn.values.get(`${side}subnet`));
  if (subnets[0] && subnets[1] && familyOf(subnets[0]) && familyOf(subnets[1])) return [];
  const at = left.fromHost ? right.at : left.at;
  return [{ at, why: `${left.written} (${describeFamilies(left.families)}) and ${right.written} (${describeFamilies(right.families)}) are not of the same IP families`, remedy: 'give both ends traffic of the same families' }];
}

/** 4.6 to 4.15: a subnet of another family than the hosts, while the other end's traffic is its own address. */
export function hostClientFamily4(conn: EffectiveConn): Refusal[] {
  const host = hostFamily(conn);
  if (!host) return [];
  const subnets = SIDES.map((side) => conn.values.get(`${side}subnet`));
  if (subnets[0] && subnets[1]) return [];
  const index = subnets[0] ? 0 : 1;
  const subnet = subnets[index];
  const client = familyOf(subnet);
  if (!subnet || !client || client === host) return [];
  const side = SIDES[index];
  return [{ at: subnet, why: `${side}subnet=${subnet.value.trim()} is IPv${client} on a tunnel between IPv${host} hosts, while ${other(side)} has no ${other(side)}subnet= (its traffic is its own IPv${host} address)`, remedy: `give ${other(side)}subnet= of IPv${client} as well, or use the hosts' family` }];
}

/**
 * Every release keeps one pool per range for the whole daemon: a conn whose pool overlaps another
 * added conn's without being the same range is refused, whichever of the two comes second.
 * Reported on the later conn in the file, naming the earlier; a conn refused already (`refused`)
 * leaves no pool behind, nor does one refused here.
 */
export function poolOverlaps(conns: readonly EffectiveConn[], refused: (conn: EffectiveConn) => boolean): Map<EffectiveConn, Refusal[]> {
  const found = new Map<EffectiveConn, Refusal[]>();
  const installed: Array<{ conn: EffectiveConn; range: PoolRange; at: EffectiveValue }> = [];
  for (const conn of conns) {
    if (refused(conn)) continue;
    const ranges: Array<{ range: PoolRange; at: EffectiveValue }> = [];
    for (const side of SIDES) {
      const pool = poolOf(conn, side);
      if (pool?.reading.kind !== 'ranges') continue;
      for (const range of pool.reading.ranges) {
        ranges.push({ range, at: pool.at });
        const clash = installed.find((earlier) => overlapsInexactly(earlier.range, range));
        if (!clash) continue;
        const refusal: Refusal = {
          at: pool.at,
          why: `${pool.written}: ${range.text} overlaps ${clash.range.text}, the pool of conn ${clash.conn.name}, without being the same range (the daemon keeps one pool per range, and refuses whichever of the two conns comes second)`,
          remedy: 'use the very same range in both conns, or ranges that do not overlap',
          related: [{ at: clash.at, message: `the pool of conn ${clash.conn.name}` }],
        };
        found.set(conn, [...(found.get(conn) ?? []), refusal]);
      }
    }
    if (!found.has(conn)) installed.push(...ranges.map((entry) => ({ conn, ...entry })));
  }
  return found;
}

const FAMILY_WORDS: Readonly<Record<string, 4 | 6>> = { ipv4: 4, v4: 4, inet: 4, ipv6: 6, v6: 6, inet6: 6 };

/** The one family of the conn's literal host addresses (`%` words aside); undefined when a host is a name or the two differ. */
function literalHostFamily(conn: EffectiveConn, keys: readonly string[]): 4 | 6 | undefined {
  const families = new Set(keys.flatMap((key) => {
    const host = word(conn, key);
    return host === undefined || host.startsWith('%') ? [] : [ipVersion(host)];
  }));
  const [family] = families;
  return families.size === 1 && family !== 0 ? family : undefined;
}

/**
 * 5.0 to 5.2: `clientaddrfamily=` of the other family than an end's traffic (its subnets, else its
 * pool, else its own address): "childaddrfamily=IPv6 conflicts with left=…" (seen with 5.0 and 5.2;
 * 5.3 ignores the key).
 */
export function clientFamilyConflict(conn: EffectiveConn): Refusal[] {
  const at = conn.values.get('clientaddrfamily');
  const wanted = at && FAMILY_WORDS[at.value.trim().toLowerCase()];
  const host = literalHostFamily(conn, SIDES);
  if (!at || !wanted || !host || SIDES.some((side) => conn.values.has(`${side}subnets`))) return [];
  const clash = SIDES.map((side) => endTraffic(conn, side, host)).find((traffic) => traffic?.families.has(wanted === 4 ? 6 : 4));
  return clash ? [{ at, why: `clientaddrfamily=${at.value.trim()} but ${clash.written} is IPv${wanted === 4 ? 6 : 4}`, remedy: 'drop clientaddrfamily= (the ends say the family)' }] : [];
}

/** From 5.3: `hostaddrfamily=` of another family than a literal `left=`, `right=` or next hop ("host address family IPv6 from hostaddrfamily=ipv6 conflicts with left=…"; seen with 5.3.2 and 5.4). */
export function hostFamilyConflict(conn: EffectiveConn): Refusal[] {
  const at = conn.values.get('hostaddrfamily');
  const wanted = at && FAMILY_WORDS[at.value.trim().toLowerCase()];
  const host = literalHostFamily(conn, [...SIDES, 'leftnexthop', 'rightnexthop']);
  return at && wanted && host && host !== wanted ? [{ at, why: `hostaddrfamily=${at.value.trim()} but the hosts' addresses are IPv${host}`, remedy: 'drop hostaddrfamily= (the addresses say the family)' }] : [];
}
