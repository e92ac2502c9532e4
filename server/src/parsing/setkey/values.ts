import type { SetkeyToken } from './ast';

/** What an address's host part is, or why it cannot be one. */
export type HostKind =
  | { readonly kind: 'ipv4' | 'ipv6' | 'name' }
  | { readonly kind: 'invalid'; readonly reason: string };

const MAX_IPV4_PART = [0xffffffff, 0xffffff, 0xffff, 0xff];

/** Classifies a host as setkey (through getaddrinfo) would read it: IPv4, IPv6, a name to resolve, or nothing valid. */
export function classifyHost(text: string): HostKind {
  if (text === '') return { kind: 'invalid', reason: 'is empty' };
  if (/[<>$]/.test(text) || looksLikeQuadPlaceholder(text)) return { kind: 'invalid', reason: 'is a placeholder, not an address' };
  // token.l makes a bare number or 0x… a number token, which no address rule of parse.y takes.
  if (/^[0-9]+$/.test(text) || /^0[xX][0-9A-Fa-f]+$/.test(text)) return { kind: 'invalid', reason: 'is read by setkey as a number, not an address (write it dotted, e.g. 10.0.0.1 or 0.0.0.0/0)' };
  if (text.includes(':')) return isIpv6(text) ? { kind: 'ipv6' } : { kind: 'invalid', reason: 'is not a valid IPv6 address' };
  if (/^[0-9.]+$/.test(text)) return ipv4Problem(text) ?? { kind: 'ipv4' };
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(text)) return { kind: 'invalid', reason: 'is neither an address nor a host name' };
  return { kind: 'name' };
}

/** `x.x.x.x`, `a.b.c.d`, `192.168.1.x`: documentation placeholders that would go to DNS and fail. */
function looksLikeQuadPlaceholder(text: string): boolean {
  const labels = text.split('.');
  return labels.length === 4 && labels.every((label) => /^(?:[0-9]{1,3}|[xX]{1,3}|[A-Za-z])$/.test(label)) && labels.some((label) => !/^[0-9]+$/.test(label));
}

/** Dotted IPv4 the way inet_aton reads it: 1 to 4 parts, the last one filling the remaining bytes. */
function ipv4Problem(text: string): HostKind | undefined {
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((part) => part === '')) return { kind: 'invalid', reason: 'is not a valid IPv4 address' };
  for (let i = 0; i < parts.length; i++) {
    const max = i === parts.length - 1 ? MAX_IPV4_PART[parts.length - 1] : 0xff;
    if (parts[i].length > 10 || Number(parts[i]) > max) return { kind: 'invalid', reason: `is not a valid IPv4 address (${parts[i]} is too large)` };
  }
  return undefined;
}

/** IPv6 text with an optional `%zone` and an optional dotted IPv4 tail. */
export function isIpv6(text: string): boolean {
  const percent = text.indexOf('%');
  const address = percent >= 0 ? text.slice(0, percent) : text;
  if (percent >= 0 && !/^[A-Za-z0-9]+$/.test(text.slice(percent + 1))) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string): string[] | undefined => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return false;
  const all = [...head, ...tail];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const group = all[i];
    if (i === all.length - 1 && group.includes('.')) {
      if (!/^[0-9.]+$/.test(group) || group.split('.').length !== 4 || ipv4Problem(group)) return false;
      count += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(group)) {
      count += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

export type AddressFamily = 'ipv4' | 'ipv6';

export function familyOf(host: string): AddressFamily | undefined {
  const kind = classifyHost(host).kind;
  return kind === 'ipv4' || kind === 'ipv6' ? kind : undefined;
}

/** Bits in a key as setkey hands it to the kernel: a quoted string's bytes, or `0x` digits rounded up to whole bytes. */
export function keyBits(key: SetkeyToken): number | undefined {
  if (key.kind === 'string') return new TextEncoder().encode(key.text).length * 8;
  if (!/^0[xX][0-9A-Fa-f]+$/.test(key.text)) return undefined;
  return Math.ceil((key.text.length - 2) / 2) * 8;
}

/** The value of a decimal or `0x` SPI; undefined when it does not fit in 32 bits or is not a number. */
export function spiValue(text: string): number | undefined {
  const hex = /^0[xX]([0-9A-Fa-f]+)$/.exec(text);
  const digits = hex ? hex[1].replace(/^0+(?=.)/, '') : /^[0-9]+$/.test(text) ? text.replace(/^0+(?=.)/, '') : undefined;
  if (digits === undefined || digits.length > (hex ? 8 : 10)) return undefined;
  const value = hex ? parseInt(digits, 16) : Number(digits);
  return value > 0xffffffff ? undefined : value;
}
