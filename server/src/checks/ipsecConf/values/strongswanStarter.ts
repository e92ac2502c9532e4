import type { Release, ValueProblem } from './release';

/**
 * Conn values that strongSwan's starter reads itself (confread.c, args.c and libstrongswan's mark
 * reader) and drops the conn over ("ignored conn … due to 1 parsing error"), beyond what the
 * keyword's type already says. Checked against starter 5.9.8 --conftest and the sources of 5.0.3,
 * 5.6.0, 5.9.8 and 5.9.14; where releases differ, only what every release refuses is reported.
 *
 * Protocol and service names are looked up in the machine's /etc/protocols and /etc/services, so a
 * word with a letter in it is only judged when it reads as a number; everything else is decided by
 * the file alone.
 */

/** C's isspace, which strtoul skips before the number. */
const C_SPACE = /[ \t\n\v\f\r]/;

interface CNumber {
  /** How many characters the C library would consume (0 when it finds no digits). */
  readonly end: number;
  readonly value: number;
}

/**
 * Where C's strtoul/strtol stop in `text` and what they read: blanks, a sign, then digits of the base
 * (base 0: `0x` hex, a leading `0` octal, else decimal). The magnitude is enough for range checks.
 */
export function readCNumber(text: string, base: 0 | 2 | 10): CNumber {
  let i = 0;
  while (i < text.length && C_SPACE.test(text[i])) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') {
    negative = text[i] === '-';
    i++;
  }
  let radix: number = base === 0 ? 10 : base;
  if (base === 0 && text[i] === '0') {
    if ((text[i + 1] === 'x' || text[i + 1] === 'X') && /[0-9A-Fa-f]/.test(text[i + 2] ?? '')) {
      radix = 16;
      i += 2;
    } else {
      radix = 8;
    }
  }
  const start = i;
  let value = 0;
  while (i < text.length) {
    const digit = parseInt(text[i], radix);
    if (Number.isNaN(digit)) break;
    value = value * radix + digit;
    i++;
  }
  if (i === start) return { end: 0, value: 0 };
  return { end: i, value: negative ? -value : value };
}

function problem(message: string): ValueProblem {
  return { message };
}

/** `mark=`, `mark_in=`, `mark_out=`: a number (C notation: 0x hex, leading-0 octal) or %unique / %unique-dir, then optionally `/mask`. */
export function markProblem(value: string): ValueProblem | undefined {
  const lower = value.toLowerCase();
  let rest: string;
  if (lower.startsWith('%unique')) {
    const after = value.slice('%unique'.length);
    if (after.toLowerCase().startsWith('-dir')) rest = after.slice('-dir'.length);
    else if (after === '' || after.startsWith('/')) rest = after;
    else return problem(`strongSwan knows only %unique and %unique-dir here, not "${value}", and drops the conn`);
  } else if (lower.startsWith('%same')) {
    return problem('%same is for swanctl.conf; in ipsec.conf strongSwan drops the conn over it (use a number, %unique or %unique-dir)');
  } else {
    rest = value.slice(readCNumber(value, 0).end);
  }
  if (rest === '') return undefined;
  if (!rest.startsWith('/')) return problem(`"${value}" is no mark strongSwan can read (a number such as 42 or 0x2a, %unique or %unique-dir, then optionally /mask); it drops the conn`);
  const mask = rest.slice(1);
  if (readCNumber(mask, 0).end < mask.length) return problem(`the mask "${mask}" is not a number strongSwan can read (such as 0xffffffff); it drops the conn`);
  return undefined;
}

/** `ikedscp=`: strongSwan reads it as base-2 digits and drops the conn over anything else. */
export function ikedscpProblem(value: string): ValueProblem | undefined {
  // A C23 C library also takes a 0b prefix; leave that to the library.
  if (/^0[bB][01]+$/.test(value)) return undefined;
  if (readCNumber(value, 2).end === value.length) return undefined;
  return problem(`strongSwan reads the DSCP as binary digits (such as 101110 for EF), not "${value}", and drops the conn`);
}

const LETTER = /[A-Za-z]/;

/**
 * What no name in /etc/protocols or /etc/services holds: their fields are split at blanks, and
 * the names IANA registers are letters, digits and dashes; braces are a Libreswan list, which
 * strongSwan keeps as part of the value.
 */
const NOT_IN_A_NAME = /[\s{}]/;

/** A bound of the ports or protocols: whether C's strtol reads it and it lies in 0..max. */
function outOfRange(n: CNumber, max: number): boolean {
  return n.value < 0 || n.value > max;
}

/**
 * `leftprotoport=`: protocol (name, number or %any), optionally `/port` (name, number, `from-to`,
 * %any or %opaque). Names are judged only for what no name can hold; other parts with letters may be names.
 */
export function protoportProblem(value: string): ValueProblem | undefined {
  const slash = value.indexOf('/');
  const protocol = slash < 0 ? value : value.slice(0, slash);
  const port = slash < 0 ? '' : value.slice(slash + 1);
  if (NOT_IN_A_NAME.test(protocol)) return problem(`"${protocol}" is no protocol strongSwan can find (a name such as tcp holds no blank or brace, a number runs from 0 to 255); it drops the conn: write one name or number`);
  if (NOT_IN_A_NAME.test(port)) return problem(`"${port}" is no port strongSwan can find (a service name holds no blank or brace; a number, or a range such as 1024-2048, runs up to 65535); it drops the conn: write one name, number or range`);
  if (protocol !== '%any' && !LETTER.test(protocol)) {
    const n = readCNumber(protocol, 0);
    if ((protocol.length > 0 && n.end < protocol.length) || outOfRange(n, 0xff)) {
      return problem(`"${protocol}" is no protocol strongSwan can read (a name such as tcp, or a number from 0 to 255); it drops the conn`);
    }
  }
  if (port === '' || port === '%any' || port === '%opaque' || LETTER.test(port)) return undefined;
  const bad = problem(`"${port}" is no port strongSwan can read (a number from 0 to 65535, a range such as 1024-2048, or a service name); it drops the conn`);
  const first = readCNumber(port, 0);
  if (outOfRange(first, 0xffff)) return bad;
  let end = first.end;
  if (port[end] === '-') {
    const second = readCNumber(port.slice(end + 1), 0);
    if (outOfRange(second, 0xffff)) return bad;
    end += 1 + second.end;
  }
  return end < port.length ? bad : undefined;
}

/** The starter's refusal of a conn value, by the keyword's base name; strongSwan only. */
export function strongswanStarterProblem(name: string, value: string, release: Release): ValueProblem | undefined {
  if (value.length === 0 || release.dialect !== 'strongswan') return undefined;
  switch (name) {
    case 'mark':
    case 'mark_in':
    case 'mark_out':
      return markProblem(value);
    case 'ikedscp':
      return ikedscpProblem(value);
    case 'protoport':
      return protoportProblem(value);
    default:
      return undefined;
  }
}

/**
 * A value strongSwan loads though it is not written as one: the starter's strtoul takes a sign on a
 * number, duration or percentage (a minus wraps around) and reads a bare unit as 0 seconds; a subnet
 * charon reads itself, entry by entry. Undefined when it is refused.
 */
export function strongswanLeniency(kind: string | undefined, value: string): string | undefined {
  // starter hands subnets on as text; charon's add_ts skips an entry it cannot read, falls back to the host's own address when none is left, and clamps a long prefix.
  if (kind === 'subnetList' || kind === 'subnet') return 'charon loads the conn all the same: it skips an entry it cannot read ("invalid subnet", and with no entry left covers only the host\'s own address) and takes a prefix longer than the address as the whole address';
  // leftdns= is strongSwan's only address list: charon's add_dns logs and drops an address it cannot read.
  if (kind === 'addressList') return 'charon ignores an address it cannot read ("ignoring invalid DNS address") and loads the conn';
  const signed = /^([+-])\d+/.exec(value)?.[1];
  if (kind === 'number' || kind === 'duration') {
    if (/^[+-]\d+$/.test(value) || (kind === 'duration' && /^[+-]\d+[smhd]$/.test(value))) return signed === '-' ? 'strongSwan loads it as a huge number' : 'strongSwan reads it without the sign';
    if (kind === 'duration' && /^[smhd]$/.test(value)) return 'strongSwan reads it as 0';
  }
  if (kind === 'percent' && /^[+-]\d+%$/.test(value)) return signed === '-' ? 'strongSwan loads it as a huge number' : 'strongSwan reads it without the sign';
  return undefined;
}
