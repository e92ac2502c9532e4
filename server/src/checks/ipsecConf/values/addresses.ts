/**
 * Literal IPv4 and IPv6 addresses and prefixes. Only text that can be nothing but an address
 * attempt is judged: digits and dots (a host name never ends in an all-numeric label), or hex
 * digits and colons (colons never appear in host names). Anything else is left alone.
 */
export type AddressVerdict =
  | { readonly kind: 'notAddress' }
  | { readonly kind: 'ipv4' | 'ipv6'; readonly problem?: string };

const IPV4_LIKE = /^[0-9.]+$/;
const IPV6_LIKE = /^[0-9A-Fa-f:.]+$/;

function ipv4Problem(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.some((p) => p.length === 0)) return `"${text}" has an empty part between dots`;
  if (parts.length > 4) return `"${text}" has more than four parts`;
  const big = parts.find((p) => Number(p) > 255);
  if (big !== undefined) return `${big} in "${text}" is larger than 255`;
  return undefined;
}

function ipv6Problem(text: string): string | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return `"${text}" uses "::" more than once`;
  const groups = halves.flatMap((h) => (h.length === 0 ? [] : h.split(':')));
  const last = groups[groups.length - 1] ?? '';
  const embedded = last.includes('.');
  if (embedded) {
    const inner = ipv4Problem(last);
    if (inner !== undefined || last.split('.').length !== 4) return `"${text}" ends in a malformed IPv4 part`;
  }
  const hexGroups = embedded ? groups.slice(0, -1) : groups;
  if (hexGroups.some((g) => g.length === 0)) return `"${text}" has an empty group (a single ":" where "::" was meant?)`;
  const long = hexGroups.find((g) => g.length > 4 || g.includes('.'));
  if (long !== undefined) return `"${long}" in "${text}" is not a group of at most four hex digits`;
  const width = hexGroups.length + (embedded ? 2 : 0);
  if (halves.length === 2 ? width > 7 : width !== 8) return `"${text}" does not have eight groups`;
  return undefined;
}

export function classifyAddress(text: string): AddressVerdict {
  if (text.includes(':')) {
    return IPV6_LIKE.test(text) ? { kind: 'ipv6', problem: ipv6Problem(text) } : { kind: 'notAddress' };
  }
  if (text.includes('.') && IPV4_LIKE.test(text)) return { kind: 'ipv4', problem: ipv4Problem(text) };
  return { kind: 'notAddress' };
}

/** An address (the IP-looking part of a longer value), or undefined when it is fine or not an address. */
export function addressProblem(text: string): string | undefined {
  const verdict = classifyAddress(text);
  return verdict.kind === 'notAddress' ? undefined : verdict.problem;
}

/** `address/prefix`; the prefix may also be a dotted netmask after an IPv4 address. */
export function subnetProblem(text: string): string | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return addressProblem(text);
  const address = text.slice(0, slash);
  const prefix = text.slice(slash + 1).split('/')[0];
  const verdict = classifyAddress(address);
  if (verdict.kind === 'notAddress') return undefined;
  if (verdict.problem !== undefined) return verdict.problem;
  const maximum = verdict.kind === 'ipv4' ? 32 : 128;
  if (/^\d+$/.test(prefix)) return Number(prefix) > maximum ? `/${prefix} is longer than an ${verdict.kind === 'ipv4' ? 'IPv4' : 'IPv6'} address (at most /${maximum})` : undefined;
  if (verdict.kind === 'ipv4' && classifyAddress(prefix).kind === 'ipv4') return ipv4Problem(prefix);
  return `"/${prefix}" is not a prefix length`;
}

/** `first-last`, each side an address; undefined when the text is not such a range. */
export function rangeProblem(text: string): string | undefined {
  const dash = text.indexOf('-');
  if (dash < 0) return undefined;
  const sides = [text.slice(0, dash), text.slice(dash + 1)];
  if (sides.some((s) => classifyAddress(s).kind === 'notAddress')) return undefined;
  for (const side of sides) {
    const problem = addressProblem(side);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
