import { readAll } from './readAll';
import { addressNumber, parseBlock } from './subnets';

/** One entry of a `leftaddresspool=` list: `first-last`, `address/prefix` or one address. */
export interface PoolRange {
  readonly text: string;
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

export type PoolReading =
  | { readonly kind: 'ranges'; readonly ranges: readonly PoolRange[] }
  /** A comma with nothing before or after it. */
  | { readonly kind: 'empty-field' }
  /** A range written from its end to its start. */
  | { readonly kind: 'reversed'; readonly range: string };

/**
 * How Libreswan's pluto reads an address pool, or undefined for what it reads no other way than
 * as an error this module does not judge (a name, a `%` word, a bad prefix).
 */
export function readPools(value: string): PoolReading | undefined {
  const text = value.trim();
  if (/^,|,$|,\s*,/.test(text)) return { kind: 'empty-field' };
  const entries = text.split(/[\s,]+/).filter((entry) => entry.length > 0);
  if (entries.length === 0) return undefined;
  const ranges = readAll(entries, readRange);
  if (!ranges) return undefined;
  const reversed = ranges.find((range) => range.first > range.last);
  return reversed ? { kind: 'reversed', range: reversed.text } : { kind: 'ranges', ranges };
}

/** Whether the range is one CIDR block: a power of two in size, starting on a multiple of it. */
export function isCidrBlock(range: PoolRange): boolean {
  const size = range.last - range.first + 1n;
  return size > 0n && (size & (size - 1n)) === 0n && range.first % size === 0n;
}

/** Whether two ranges share addresses without being the same range. */
export function overlapsInexactly(a: PoolRange, b: PoolRange): boolean {
  if (a.family !== b.family) return false;
  const same = a.first === b.first && a.last === b.last;
  return !same && a.first <= b.last && b.first <= a.last;
}

function readRange(entry: string): PoolRange | undefined {
  const dash = entry.indexOf('-');
  if (dash >= 0) {
    const first = addressNumber(entry.slice(0, dash));
    const last = addressNumber(entry.slice(dash + 1));
    return first && last && first.family === last.family ? { text: entry, family: first.family, first: first.value, last: last.value } : undefined;
  }
  const block = parseBlock(entry);
  // An address with host bits after the prefix: which range pluto makes of it is not judged here.
  if (!block || addressNumber(entry.split('/')[0])?.value !== block.first) return undefined;
  return { text: entry, ...block };
}
