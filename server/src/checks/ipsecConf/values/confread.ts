import { inRange, type VersionRange } from '../../../knowledge/ipsecConf/versions';
import { classifyAddress } from './addresses';
import { openswanConfreadProblem } from './openswanConfread';
import { releasesOf, type Release, type ValueProblem } from './release';

/**
 * Conn values that Libreswan's own config reader (confread.c, up to 5.2) parses before anything
 * reaches pluto, and refuses the conn over ("while loading 'NAME'" in 4.x). Later releases hand the
 * text to pluto. Checked against addconn 4.10 and 5.0 and the confread.c of every 4.x and 5.x tag.
 * Each check applies only when every release the version stands for reads the key this way, so a
 * bare `libreswan-5` (which includes 5.4) stays quiet.
 */

const LIBRESWAN_4: VersionRange = { from: '4.0', until: '5.0' };

function everyReleaseWithin(release: Release, ranges: readonly VersionRange[]): boolean {
  if (release.dialect !== 'libreswan') return false;
  const releases = releasesOf(release);
  return releases.every((r) => ranges.some((range) => inRange(range, r)));
}

function problem(message: string): ValueProblem {
  return { message };
}

/** Libreswan's numeric IPv4 reader takes one to four parts, each decimal or 0x hex (`0/0`, `10.1/16`), like inet_aton. */
const LOOSE_IPV4 = /^(0[xX][0-9A-Fa-f]+|\d+)(\.(0[xX][0-9A-Fa-f]+|\d+)){0,3}$/;

/** A literal address as Libreswan reads one: IPv4 in any inet_aton form, or IPv6 that parses. */
function numericAddress(text: string): 'ipv4' | 'ipv6' | undefined {
  if (LOOSE_IPV4.test(text)) return 'ipv4';
  const verdict = classifyAddress(text);
  return verdict.kind === 'ipv6' && verdict.problem === undefined ? 'ipv6' : undefined;
}

function allZero(address: string): boolean {
  return /^[0.:]+$/.test(address);
}

/** `leftsubnet=` in 4.x: one numeric address/prefix (or IPv4 address/netmask); vhost:/vnet: are judged elsewhere. */
function subnet4(value: string): ValueProblem | undefined {
  if (/^(vhost|vnet):/i.test(value)) return undefined;
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const mask = slash < 0 ? '' : value.slice(slash + 1);
  if (/[\s,{}]/.test(value)) return problem('Libreswan 4 reads one subnet here and refuses the conn over a list; put several in leftsubnets=/rightsubnets=');
  const family = numericAddress(address);
  // A bare address is reported by the generic subnet check; a number or dotted mask after the slash is what 4.x takes.
  if (family === undefined) return problem(`Libreswan 4 reads only a numeric address/prefix here (no names, ranges or %-words) and refuses the conn over "${value}"`);
  if (slash >= 0 && !/^\d+$/.test(mask) && !(family === 'ipv4' && numericAddress(mask) === 'ipv4')) return problem(`"/${mask}" is no prefix length Libreswan 4 can read; it refuses the conn`);
  return undefined;
}

/** `leftaddresspool=` in 4.x: a numeric range `first-last` (first not above last), an IPv4 address, or a subnet; IPv6 only as a subnet. */
function addresspool4(value: string): ValueProblem | undefined {
  const dash = value.indexOf('-');
  const slash = value.indexOf('/');
  const sides = dash >= 0 ? [value.slice(0, dash), value.slice(dash + 1)] : [slash >= 0 ? value.slice(0, slash) : value];
  const families = sides.map(numericAddress);
  if (families.some((f) => f === undefined) || (slash >= 0 && !/^\d+$/.test(value.slice(slash + 1)))) {
    return problem(`Libreswan 4 reads only a numeric range (first-last) or subnet here and refuses the conn over "${value}"`);
  }
  if (families.includes('ipv6') && (dash >= 0 || slash < 0)) return problem('Libreswan 4 takes an IPv6 pool only as a subnet (address/prefix) and refuses the conn over a range or a single address');
  if (dash >= 0 && sides.every((side) => /^\d+\.\d+\.\d+\.\d+$/.test(side))) {
    const [first, last] = sides.map((s) => s.split('.').reduce((n, part) => n * 256 + Number(part), 0));
    if (first > last) return problem('the range starts above where it ends; Libreswan 4 refuses the conn');
  }
  return undefined;
}

/**
 * What in a `leftsourceip=` value Libreswan never reads as an address: strongSwan's `%config` (ask
 * the peer for one) and its pools (`10.3.0.0/24`, `%poolname`). Libreswan 4 resolves anything not
 * numeric as a host name, which these cannot be; 5.x reads numeric addresses only.
 */
export function strongswanSourceIp(value: string): string | undefined {
  const element = value.split(/[\s,]+/).find((part) => part.includes('%') || part.includes('/'));
  if (element === undefined) return undefined;
  return element.includes('%') && !element.includes('/')
    ? `"${element}" asks for an address the strongSwan way; Libreswan reads an address here (a client asking its server for one sets leftmodecfgclient=yes)`
    : `"${element}" is a strongSwan pool; Libreswan reads an address here (a server leases addresses with rightaddresspool=)`;
}

/** `leftckaid=` in 4.x: hex digits, two per byte (underscores may group them). */
function ckaid4(value: string): ValueProblem | undefined {
  if (/[^0-9A-Fa-f_]/.test(value)) return problem('Libreswan 4 reads the CKAID as plain hex digits (no 0x, colons or blanks) and refuses the conn over anything else');
  if (value.replace(/_/g, '').length % 2 !== 0) return problem('an odd number of hex digits leaves half a byte; Libreswan 4 refuses the conn');
  return undefined;
}

/** `leftvti=` (4.x to 5.2) and `leftinterface-ip=`: a numeric address with a decimal prefix length, not the all-zero address. */
function addressWithPrefix(value: string, release: Release, releases: string): ValueProblem | undefined {
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  if (slash < 0 || numericAddress(address) === undefined || !/^\d+$/.test(value.slice(slash + 1))) {
    return problem(`${releases} read this as one numeric address with a /prefix length (such as 10.0.0.1/24) and refuse the conn over "${value}"`);
  }
  if (allZero(address) && everyReleaseWithin(release, [{ from: '4.2', until: '5.3' }])) return problem(`${releases} refuse the conn over the unspecified address ${address}`);
  return undefined;
}

/** `leftnexthop=`: 4.x looks up anything but %defaultroute or an address in DNS, where no %-word resolves; 5.0 to 5.2 take no names at all. */
function nexthop(value: string, release: Release): ValueProblem | undefined {
  if (value.toLowerCase() === '%defaultroute' || numericAddress(value) !== undefined) return undefined;
  if (everyReleaseWithin(release, [{ from: '5.0', until: '5.3' }])) return problem(`Libreswan 5.0 to 5.2 take only %defaultroute or a numeric address here and refuse the conn over "${value}"`);
  if (value.startsWith('%')) return problem(`Libreswan 4 knows no "${value}" here (only %defaultroute); it tries the word as a host name, fails and refuses the conn`);
  return undefined;
}

/** `leftprotoport=` up to 5.1: a single port, no range, and no port for protocol 0 (`0` or `ip`). */
function protoport(value: string, releases: string): ValueProblem | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const port = value.slice(slash + 1);
  if (port.includes('-')) return problem(`${releases} take a single port here, not a range, and refuse the conn`);
  const protocol = value.slice(0, slash).toLowerCase();
  if ((protocol === '0' || protocol === 'ip') && /^\d+$/.test(port) && Number(port) !== 0) return problem(`${releases} take no port with protocol 0 (any protocol) and refuse the conn; name the protocol (tcp/${port}, udp/${port}) or drop the port`);
  return undefined;
}

const AUTHBY_WORDS = new Set([
  'secret', 'rsasig', 'rsa', 'never', 'null', 'rsa-sha1', 'rsa-sha2', 'rsa-sha2_256', 'rsa-sha2_384', 'rsa-sha2_512',
  'ecdsa', 'ecdsa-sha2', 'ecdsa-sha2_256', 'ecdsa-sha2_384', 'ecdsa-sha2_512',
]);

/** `authby=` up to 5.2: lower-case words split at each comma or blank; from 4.7 an empty word between two separators is unknown too. */
function authby(value: string, release: Release, releases: string): ValueProblem | undefined {
  const splitsEmpty = everyReleaseWithin(release, [{ from: '4.7', until: '5.3' }]);
  for (const word of value.split(/[,\s]/)) {
    if (word.length === 0) {
      if (splitsEmpty) return problem(`${releases} split this at every comma and blank, find an empty method between two of them (or at an end) and refuse the conn; separate the methods with one comma`);
      continue;
    }
    if (word === 'ecdsa-sha1') return problem(`${releases} refuse ECDSA with SHA-1 and the conn with it; use ecdsa or ecdsa-sha2`);
    if (AUTHBY_WORDS.has(word)) continue;
    const lower = word.toLowerCase();
    if (AUTHBY_WORDS.has(lower)) return { message: `${releases} match the method names case by case and refuse the conn over "${word}"`, suggestion: value.replace(word, lower) };
    return problem(`${releases} know no method "${word}" and refuse the conn`);
  }
  return undefined;
}

/**
 * What the confread.c of every release `release` stands for refuses in this conn value (as the scanner
 * hands it over: badValue drops the braces of a {…} list), or undefined. `name` is the knowledge's base name (`subnet` for leftsubnet=).
 */
export function confreadProblem(name: string, value: string, release: Release): ValueProblem | undefined {
  if (release.dialect === 'openswan') return openswanConfreadProblem(name, value);
  if (value.length === 0 || release.dialect !== 'libreswan') return undefined;
  switch (name) {
    case 'subnet':
      return everyReleaseWithin(release, [LIBRESWAN_4]) ? subnet4(value) : undefined;
    case 'addresspool':
      return everyReleaseWithin(release, [LIBRESWAN_4]) ? addresspool4(value) : undefined;
    case 'ckaid':
      return everyReleaseWithin(release, [LIBRESWAN_4]) ? ckaid4(value) : undefined;
    case 'sourceip': {
      const why = everyReleaseWithin(release, [LIBRESWAN_4]) ? strongswanSourceIp(value) : undefined;
      return why === undefined ? undefined : problem(`${why}, and Libreswan 4 refuses the conn`);
    }
    case 'vti':
      return everyReleaseWithin(release, [{ from: '4.0', until: '5.3' }]) ? addressWithPrefix(value, release, 'Libreswan 4.0 to 5.2') : undefined;
    case 'interface-ip':
      return everyReleaseWithin(release, [{ from: '4.0', until: '4.4' }, { from: '5.0', until: '5.1' }]) ? addressWithPrefix(value, release, 'Libreswan 4.0 to 4.3 and 5.0') : undefined;
    case 'nexthop':
      return everyReleaseWithin(release, [{ from: '4.0', until: '5.3' }]) ? nexthop(value, release) : undefined;
    case 'protoport':
      return everyReleaseWithin(release, [{ from: '4.0', until: '5.2' }]) ? protoport(value, 'Libreswan 4.0 to 5.1') : undefined;
    case 'authby':
      return everyReleaseWithin(release, [{ from: '4.0', until: '5.3' }]) ? authby(value, release, 'Libreswan 4.0 to 5.2') : undefined;
    default:
      return undefined;
  }
}
