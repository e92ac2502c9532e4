/**
 * IP address literals in the form Node's `net.isIP` accepts: a dotted quad without leading
 * zeros, or IPv6 with at most one `::`, an optional dotted-quad tail and an optional `%zone`.
 * Written out here because loading `node:net` costs every run several milliseconds.
 */

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const ZONE = /^[0-9a-zA-Z.:-]+$/;

export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

export function isIPv6(text: string): boolean {
  const percent = text.indexOf('%');
  if (percent >= 0 && !ZONE.test(text.slice(percent + 1))) return false;
  const address = percent >= 0 ? text.slice(0, percent) : text;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const last = groups[groups.length - 1];
  // A dotted quad may stand for the last two groups.
  const quadTail = last.length > 0 && last[last.length - 1].includes('.');
  if (quadTail && !isIPv4(last.pop() as string)) return false;
  let count = quadTail ? 2 : 0;
  for (const half of groups) {
    for (const group of half) if (!HEX_GROUP.test(group)) return false;
    count += half.length;
  }
  // `::` stands for at least one group.
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** 4, 6, or 0 when the text is no IP address: the answers of `net.isIP`. */
export function ipVersion(text: string): 0 | 4 | 6 {
  if (isIPv4(text)) return 4;
  return isIPv6(text) ? 6 : 0;
}

/** The eight 16-bit groups of a valid IPv6 literal (without a `%zone`). */
export function ipv6Groups(text: string): number[] {
  const [head, tail] = text.split('::');
  const groups = (part: string | undefined): number[] => {
    if (!part) return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [parseInt(group, 16)];
      const [a, b, c, d] = group.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const left = groups(head);
  const right = groups(tail);
  const zeros = tail === undefined ? [] : Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

/**
 * One spelling per numeric address, the one glibc's inet_ntop prints (and racoon names a peer by
 * when it looks its key up in psk.txt): IPv6 in lower case without leading zeros, the first
 * longest run of two or more zero groups as `::`, an IPv4-mapped or -compatible address with a
 * dotted tail. Undefined for anything else, and for an address with a `%zone`.
 */
export function canonicalAddress(text: string): string | undefined {
  if (isIPv4(text)) return text;
  if (!isIPv6(text) || text.includes('%')) return undefined;
  const words = ipv6Groups(text);
  let best = { base: -1, len: 0 };
  let current = { base: -1, len: 0 };
  words.forEach((word, i) => {
    if (word === 0) {
      current = current.base === -1 ? { base: i, len: 1 } : { base: current.base, len: current.len + 1 };
      if (current.len > best.len) best = current;
    } else {
      current = { base: -1, len: 0 };
    }
  });
  if (best.len < 2) best = { base: -1, len: 0 };
  const parts: string[] = [];
  for (let i = 0; i < 8; i++) {
    if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) parts.push('');
      continue;
    }
    if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && words[5] === 0xffff))) {
      parts.push(`${words[6] >> 8}.${words[6] & 0xff}.${words[7] >> 8}.${words[7] & 0xff}`);
      break;
    }
    parts.push(words[i].toString(16));
  }
  if (best.base !== -1 && best.base + best.len === 8) parts.push('');
  const joined = parts.join(':');
  return joined === '' ? '::' : joined.startsWith(':') ? `:${joined}` : joined;
}

/** RFC 1918 and carrier-grade NAT ranges: addresses a gateway may have behind NAT. */
export function isPrivateAddress(address: string): boolean {
  // Read in place: pairing asks this for every candidate of every conn an edit touches.
  let a = -1;
  let b = -1;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= address.length; i++) {
    const code = i < address.length ? address.charCodeAt(i) : 46;
    if (code >= 48 && code <= 57) {
      octet = octet * 10 + (code - 48);
      if (++digits > 3) return false;
      continue;
    }
    if (code !== 46 || digits === 0 || octet > 255) return false;
    if (dots === 0) a = octet;
    else if (dots === 1) b = octet;
    dots++;
    octet = 0;
    digits = 0;
  }
  if (dots !== 4) return false;
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}
