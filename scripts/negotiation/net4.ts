/** Just enough IPv4 prefix arithmetic for subnet mutations. */
export interface Prefix {
  readonly base: number;
  readonly bits: number;
}

export function parsePrefix(text: string): Prefix {
  const [address, bits] = text.split('/');
  const octets = address.split('.').map(Number);
  const base = octets.reduce((acc, o) => (acc << 8) + o, 0) >>> 0;
  return { base, bits: Number(bits) };
}

export function formatPrefix(prefix: Prefix): string {
  const b = prefix.base;
  return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${prefix.bits}`;
}

/** The other half of the enclosing prefix: same size, disjoint. */
export function sibling(text: string): string {
  const p = parsePrefix(text);
  const size = 2 ** (32 - p.bits);
  return formatPrefix({ base: (p.base ^ size) >>> 0, bits: p.bits });
}

/** The enclosing prefix one bit shorter. */
export function wider(text: string): string {
  const p = parsePrefix(text);
  const size = 2 ** (32 - p.bits + 1);
  return formatPrefix({ base: (p.base - (p.base % size)) >>> 0, bits: p.bits - 1 });
}

/** The first half of the prefix. */
export function narrower(text: string): string {
  const p = parsePrefix(text);
  return formatPrefix({ base: p.base, bits: p.bits + 1 });
}

/** Whether prefix `outer` contains prefix `inner`. */
export function contains(outer: string, inner: string): boolean {
  const o = parsePrefix(outer);
  const i = parsePrefix(inner);
  if (i.bits < o.bits) return false;
  const mask = o.bits === 0 ? 0 : (~0 << (32 - o.bits)) >>> 0;
  return ((i.base & mask) >>> 0) === ((o.base & mask) >>> 0);
}
