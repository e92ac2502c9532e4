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
