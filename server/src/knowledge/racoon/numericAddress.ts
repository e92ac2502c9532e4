/**
 * How racoon turns an address word into an address, so that only what its C library refuses is
 * reported. Most statements go through getaddrinfo() with AI_NUMERICHOST (inet_aton's loose IPv4
 * forms such as `10.0.0` or octal `010.0.0.1`, and inet_pton's IPv6); the mode_cfg addresses go
 * through inet_pton(AF_INET), which wants exactly four decimal parts without leading zeros.
 */
export type AddressReader = 'getaddrinfo' | 'inet_pton4';

/** What is wrong with the text as an address for that reader, or undefined when it reads (or may read) fine. */
export function numericAddressProblem(text: string, reader: AddressReader): string | undefined {
  // A bare number is a NUMBER token to racoon's lexer, never an address.
  if (/^\d+$/.test(text)) return `racoon's lexer reads \`${text}\` as a number, not an address: write the address dotted, e.g. 10.0.0.1`;
  if (reader === 'inet_pton4') {
    return isStrictIpv4(text) ? undefined : `\`${text}\` is not an IPv4 address in the form racoon reads here: four decimal numbers from 0 to 255, without leading zeros`;
  }
  // A zone (`fe80::1%eth0`) is looked up among the machine's interfaces: nothing to say from the file.
  if (text.includes('%')) return undefined;
  if (text.includes(':')) return isIpv6(text) ? undefined : `\`${text}\` is not a valid IPv6 address: racoon refuses it`;
  return isLooseIpv4(text) ? undefined : `\`${text}\` is not a valid IPv4 address${ipv4Hint(text)}: racoon refuses it`;
}

function ipv4Hint(text: string): string {
  const parts = text.split('.');
  if (parts.includes('')) return ' (an empty part)';
  if (parts.length > 4) return ' (more than four parts)';
  const large = parts.find((part) => /^[1-9]\d*$/.test(part) && Number(part) > 255);
  return large !== undefined && parts.length === 4 ? ` (${large} is over 255)` : '';
}

/** inet_pton(AF_INET): four decimal parts of at most 255, no leading zero. */
export function isStrictIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^(?:0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** The largest value of the last part of a 1-, 2-, 3- or 4-part inet_aton address. */
const LAST_PART_MAX = [0xffffffff, 0xffffff, 0xffff, 0xff];

/**
 * inet_aton, as getaddrinfo's numeric IPv4 path reads it: one to four parts, each decimal, octal
 * (a leading 0) or hex (0x), every part but the last at most 255 and the last filling the rest.
 */
export function isLooseIpv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length > 4) return false;
  for (let i = 0; i < parts.length; i++) {
    const value = cNumber(parts[i]);
    if (value === undefined) return false;
    if (value > (i === parts.length - 1 ? LAST_PART_MAX[parts.length - 1] : 0xff)) return false;
  }
  return true;
}

/** A number as strtoul(…, 0) reads all of it: 0x hex, leading-0 octal or decimal; undefined when any of it is left over. */
function cNumber(part: string): number | undefined {
  if (/^0[xX][0-9A-Fa-f]+$/.test(part)) return parseInt(part.slice(2), 16);
  if (/^0[0-7]*$/.test(part)) return parseInt(part, 8);
  if (/^[1-9]\d*$/.test(part)) return Number(part);
  return undefined;
}

/** inet_pton(AF_INET6) as glibc implements it, with a strict IPv4 tail. */
export function isIpv6(text: string): boolean {
  let position = 0;
  if (text.startsWith(':')) {
    if (text[1] !== ':') return false;
    position = 1;
  }
  let groups = 0;
  let compressed = false;
  let digits = 0;
  let groupStart = position;
  while (position < text.length) {
    const ch = text[position++];
    if (/[0-9A-Fa-f]/.test(ch)) {
      if (++digits > 4) return false;
      continue;
    }
    if (ch === ':') {
      groupStart = position;
      if (digits === 0) {
        if (compressed) return false;
        compressed = true;
        continue;
      }
      if (position === text.length || groups + 1 > 8) return false;
      groups++;
      digits = 0;
      continue;
    }
    if (ch === '.' && groups + 2 <= 8 && isStrictIpv4(text.slice(groupStart))) {
      groups += 2;
      digits = 0;
      position = text.length;
      break;
    }
    return false;
  }
  if (digits > 0) {
    if (groups + 1 > 8) return false;
    groups++;
  }
  // `::` must stand for at least one group.
  return compressed ? groups < 8 : groups === 8;
}
