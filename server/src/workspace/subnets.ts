import { ipv6Groups, isIPv4, isIPv6 } from '../text/ipLiteral';
import { readAll } from './readAll';

/** One `address/prefix` of a subnet list, as a range of numbers of its family. */
export interface Block {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * The blocks of a `leftsubnet(s)` value (`{a, b}`, `a,b`, spaces), or undefined when an entry
 * is no plain `address[/prefix]`: a protocol/port selector, `%dynamic` or a host name.
 */
export function parseSubnets(value: string): Block[] | undefined {
  const entries = value
    .replace(/^\{|\}$/g, '')
    .split(/[\s,]+/)
    .filter((entry) => entry.length > 0);
  return readAll(entries, parseBlock);
}

/** Whether some block of one list shares addresses with some block of the other. */
export function subnetsOverlap(a: readonly Block[], b: readonly Block[]): boolean {
  return a.some((x) => b.some((y) => x.family === y.family && x.first <= y.last && y.first <= x.last));
}

/** One `address[/prefix]` as the block of addresses it stands for (host bits after the prefix dropped). */
export function parseBlock(entry: string): Block | undefined {
  const slash = entry.indexOf('/');
  const address = addressNumber(slash < 0 ? entry : entry.slice(0, slash));
  if (!address) return undefined;
  const bits = address.family === 4 ? 32 : 128;
  const prefixText = slash < 0 ? String(bits) : entry.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return undefined;
  const hostBits = BigInt(bits - Number(prefixText));
  const first = (address.value >> hostBits) << hostBits;
  return { family: address.family, first, last: first + (1n << hostBits) - 1n };
}

/** A numeric address as its family and number; undefined for anything else (a name, a `%` word, a `%zone`). */
export function addressNumber(text: string): { readonly family: 4 | 6; readonly value: bigint } | undefined {
  if (isIPv4(text)) return { family: 4, value: text.split('.').reduce((n, octet) => (n << 8n) | BigInt(octet), 0n) };
  if (!isIPv6(text) || text.includes('%')) return undefined;
  return { family: 6, value: ipv6Groups(text).reduce((n, group) => (n << 16n) | BigInt(group), 0n) };
}

/** Whether every block of `inner` lies inside some block of `outer`. */
export function subnetsWithin(inner: readonly Block[], outer: readonly Block[]): boolean {
  return inner.every((x) => outer.some((y) => x.family === y.family && y.first <= x.first && x.last <= y.last));
}

/** Whether a subnet list is exactly one host's address (`192.0.2.1`, `192.0.2.1/32`, any IPv6 spelling). */
export function isJustHost(subnets: string, host: string): boolean {
  const blocks = parseSubnets(subnets);
  const [hostBlock] = parseSubnets(host) ?? [];
  return blocks?.length === 1 && hostBlock !== undefined && blocks[0].family === hostBlock.family && blocks[0].first === hostBlock.first && blocks[0].last === hostBlock.last;
}
