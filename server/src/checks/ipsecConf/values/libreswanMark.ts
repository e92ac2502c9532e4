import { inRange, type VersionRange } from '../../../knowledge/ipsecConf/versions';
import { releasesOf, type Release, type ValueProblem } from './release';

/**
 * Libreswan's `mark=`, `mark-in=` and `mark-out=`: `value[/mask]`, read by pluto for conns that
 * negotiate (a shunt skips them). From 5.3 it refuses the conn over a mark it cannot read ("value
 * invalid, contains trailing junk"); before, it logged "bad mark value" and used 0xffffffff
 * (mark_parse in programs/pluto, every 4.x and 5.x tag; seen with 5.2, 5.3.2 and 5.4).
 */
export const STRICT_MARKS: VersionRange = { from: '5.3' };

const MAX_MARK = 0xffffffffn;
const EXAMPLE = 'such as 20/0xffffffff';

interface Scanned {
  readonly value: bigint;
  readonly rest: string;
}

function digitOf(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 97 + 10;
  if (code >= 65 && code <= 90) return code - 65 + 10;
  return 99;
}

function digitsIn(text: string, base: number): Scanned | undefined {
  let value = 0n;
  let at = 0;
  while (at < text.length && digitOf(text[at]) < base) value = value * BigInt(base) + BigInt(digitOf(text[at++]));
  return at === 0 ? undefined : { value, rest: text.slice(at) };
}

/** 5.3's number reader: 0x (hex) and 0b (binary) only when a digit follows, 0 for octal, else decimal. */
function scanUnsigned53(text: string): Scanned | undefined {
  if (/^0x[0-9a-f]/i.test(text)) return digitsIn(text.slice(2), 16);
  if (/^0b[01]/i.test(text)) return digitsIn(text.slice(2), 2);
  return digitsIn(text, text.startsWith('0') ? 8 : 10);
}

/** C's strtoul with base 0, as earlier releases read a mark: a sign is taken, and a negative number wraps past the limit. */
function scanStrtoul(text: string): Scanned {
  const signed = /^[+-]/.test(text);
  const unsigned = signed ? text.slice(1) : text;
  const hex = /^0x[0-9a-f]/i.test(unsigned);
  const scanned = hex ? digitsIn(unsigned.slice(2), 16) : digitsIn(unsigned, unsigned.startsWith('0') ? 8 : 10);
  if (scanned === undefined) return { value: 0n, rest: text };
  const negative = text.startsWith('-') && scanned.value !== 0n;
  return { value: negative ? MAX_MARK + 1n : scanned.value, rest: scanned.rest };
}

const asHex = (value: bigint): string => `0x${value.toString(16)}`;

function bitsOutside(value: bigint, mask: bigint): ValueProblem | undefined {
  return (value & ~mask & MAX_MARK) !== 0n ? { message: `the mark ${asHex(value)} has bits outside its mask ${asHex(mask)}` } : undefined;
}

/** What 5.3 and later refuse in a mark. */
export function strictMarkProblem(text: string): ValueProblem | undefined {
  const negative = text.startsWith('-');
  const scanned = scanUnsigned53(negative ? text.slice(1) : text);
  if (scanned === undefined) return { message: `a mark is a number, optionally with /mask (${EXAMPLE})` };
  if (negative ? scanned.value > 1n : scanned.value > MAX_MARK) return { message: 'a mark lies between 0 and 0xffffffff (or is -1)' };
  if (scanned.rest.length > 0 && !scanned.rest.startsWith('/')) return { message: `"${scanned.rest}" after the number is no part of a mark (${EXAMPLE})` };
  const value = negative ? (MAX_MARK + 1n - scanned.value) & MAX_MARK : scanned.value;
  if (scanned.rest.length === 0) return undefined;
  const mask = scanUnsigned53(scanned.rest.slice(1));
  if (mask === undefined || mask.rest.length > 0) return { message: `the mask after / is not a number (${EXAMPLE})` };
  if (mask.value > MAX_MARK) return { message: 'a mask lies between 0 and 0xffffffff' };
  return bitsOutside(value, mask.value);
}

/** What releases before 5.3 log as a bad mark (and then use 0xffffffff). */
function problemBefore53(text: string): ValueProblem | undefined {
  const unique = text === '-1' || text.startsWith('-1/');
  const scanned = unique ? { value: MAX_MARK, rest: text.slice(2) } : scanStrtoul(text);
  if (scanned.value > MAX_MARK || (scanned.rest.length > 0 && !scanned.rest.startsWith('/'))) return { message: `"${text}" is not read as a mark (${EXAMPLE})` };
  if (scanned.rest.length === 0) return undefined;
  const mask = scanStrtoul(scanned.rest.slice(1));
  if (mask.value > MAX_MARK || mask.rest.length > 0) return { message: `the mask after / is not a number (${EXAMPLE})` };
  return bitsOutside(scanned.value, mask.value);
}

/** The mark's problem in every release the version stands for, or undefined when one of them reads it. */
export function libreswanMarkProblem(value: string, release: Release): ValueProblem | undefined {
  if (release.dialect !== 'libreswan') return undefined;
  const releases = releasesOf(release);
  const strict = releases.filter((r) => inRange(STRICT_MARKS, r)).length;
  const early = strict < releases.length ? problemBefore53(value) : undefined;
  const late = strict > 0 ? strictMarkProblem(value) : undefined;
  if ((strict < releases.length && early === undefined) || (strict > 0 && late === undefined)) return undefined;
  return late ?? early;
}
