import type { ArgumentAtom } from './atoms';
import { numericAddressProblem } from './numericAddress';
import type { AlgorithmFamily, ArgumentSlot } from './types';
import { BYTE_UNITS, DH_GROUP_NAMES, DH_GROUP_NUMBERS, SAINFO_PROTOCOLS, TIME_UNITS } from './values';

/** A single-atom slot: everything but the structural ones and `algorithm`, which may take two atoms. */
export type AtomSlot = Exclude<ArgumentSlot, { kind: 'optional' | 'choice' | 'list' | 'algorithm' }>;

/** `weak`: a fallback reason that a reason from another alternative for the same atom replaces. */
export type AtomVerdict = { readonly ok: true } | { readonly ok: false; readonly reason?: string; readonly weak?: boolean };

const OK: AtomVerdict = { ok: true };
const NO: AtomVerdict = { ok: false };

const ADDRESS = '[0-9A-Fa-f:][0-9A-Fa-f:.]*(?:%[0-9A-Za-z]*)?';
const BARE_ADDRESS = new RegExp(`^${ADDRESS}$`);
const ADDRESS_WITH_PREFIX = new RegExp(`^${ADDRESS}/\\d{1,3}$`);
const ADDRESS_RANGE = new RegExp(`^${ADDRESS}(?:-${ADDRESS})?(?:/\\d{1,3})?$`);
const DECIMAL = /^\d+$/;

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** A bare word racoon's lexer reads as one address token (all digits make a number token instead). */
export function isBareAddress(text: string): boolean {
  return BARE_ADDRESS.test(text) && !DECIMAL.test(text);
}

function quote(text: string): string {
  return `\`${text.length > 40 ? `${text.slice(0, 37)}…` : text}\``;
}

export function checkAtom(slot: AtomSlot, atom: ArgumentAtom): AtomVerdict {
  if (atom.placeholder && atom.kind !== 'comma') return OK;
  const word = atom.kind === 'word' ? atom.text : undefined;
  switch (slot.kind) {
    case 'keyword':
      return word !== undefined && slot.values.includes(word) ? OK : NO;
    case 'switch':
      if (word === 'on' || word === 'off') return OK;
      return word === 'yes' || word === 'no' ? { ok: false, reason: `racoon wants \`on\` or \`off\` here, not \`${word}\`.` } : NO;
    case 'number':
      if (word === undefined || !isDecimal(word)) return NO;
      if (slot.fileMode && !isFileMode(word)) {
        return { ok: false, reason: `${quote(word)} is not a file mode racoon takes: write three octal digits (0 to 7 each), such as 0660.` };
      }
      return !slot.only || slot.only.includes(Number(word)) ? OK : { ok: false, reason: `${quote(word)} is not allowed: use ${slot.label}.` };
    case 'string':
      if (atom.kind === 'string') return OK;
      if (word === undefined) return NO;
      // An address-like word is more likely a wrong address than a name without its quotes.
      return { ok: false, reason: `Put ${quote(word)} in double quotes: racoon expects ${slot.label} as a quoted string.`, weak: BARE_ADDRESS.test(word) };
    case 'address': {
      if (word === undefined || !addressFits(slot, word)) return addressMismatch(slot, word);
      const problem = addressValueProblem(slot, word);
      return problem === undefined ? OK : { ok: false, reason: `${problem}.` };
    }
    case 'port':
      return atom.kind === 'bracket' && (/^\[\d+\]$/.test(atom.text) || (slot.any && atom.text === '[any]')) ? OK : NO;
    case 'timeUnit':
      return word !== undefined && (TIME_UNITS as readonly string[]).includes(word) ? OK : NO;
    case 'byteUnit':
      return word !== undefined && (BYTE_UNITS as readonly string[]).includes(word) ? OK : NO;
    case 'dhGroup':
      return checkDhGroup(word);
    case 'identifierValue':
      if (atom.kind === 'string' || (word !== undefined && isBareAddress(word))) return OK;
      return word !== undefined ? { ok: false, reason: `Put ${quote(word)} in double quotes: only IP addresses may stand bare.` } : NO;
    case 'protocol':
      return word !== undefined && ((SAINFO_PROTOCOLS as readonly string[]).includes(word) || isDecimal(word)) ? OK : NO;
  }
}

/**
 * racoon reads a mode such as 0660 as the decimal number 660 and takes its digits as octal ones:
 * it refuses a number over 777 or a digit 8 or 9.
 */
function isFileMode(word: string): boolean {
  const value = Number(word);
  return value <= 777 && /^[0-7]+$/.test(String(value));
}

/** What racoon's C library makes of an address word (both ends of a range), past the shape `addressFits` checks. */
function addressValueProblem(slot: Extract<ArgumentSlot, { kind: 'address' }>, word: string): string | undefined {
  const [range] = word.split('/');
  const [first, last] = slot.range ? range.split('-') : [range];
  const reader = slot.reader ?? 'getaddrinfo';
  // The end of a range is its own token (`-` and the address), so a plain number there is inet_aton's one-part form.
  if (last !== undefined && !(/^\d+$/.test(last) && Number(last) <= 0xffffffff)) {
    const problem = numericAddressProblem(last, reader);
    if (problem) return problem;
  }
  return numericAddressProblem(first, reader);
}

function addressFits(slot: Extract<ArgumentSlot, { kind: 'address' }>, word: string): boolean {
  if (slot.range) return ADDRESS_RANGE.test(word) && (slot.prefix !== 'none' || !word.includes('/'));
  if (slot.prefix === 'required') return ADDRESS_WITH_PREFIX.test(word);
  if (slot.prefix === 'optional') return BARE_ADDRESS.test(word) || ADDRESS_WITH_PREFIX.test(word);
  return BARE_ADDRESS.test(word);
}

function addressMismatch(slot: Extract<ArgumentSlot, { kind: 'address' }>, word: string | undefined): AtomVerdict {
  if (word === undefined) return NO;
  if (slot.prefix === 'required' && BARE_ADDRESS.test(word)) return { ok: false, reason: `Add the prefix length to ${quote(word)}, as in \`${word}/24\`.` };
  if (slot.prefix === 'none' && ADDRESS_WITH_PREFIX.test(word)) return { ok: false, reason: `${quote(word)} is a network; racoon wants a single address here.` };
  if (/[g-zG-Z]/.test(word)) return { ok: false, reason: `racoon takes only a numeric IP address here, not a host name like ${quote(word)}.` };
  return NO;
}

function checkDhGroup(word: string | undefined): AtomVerdict {
  if (word === undefined) return NO;
  if ((DH_GROUP_NAMES as readonly string[]).includes(word)) return OK;
  if (isDecimal(word)) {
    return DH_GROUP_NUMBERS.includes(Number(word)) ? OK : { ok: false, reason: `racoon knows no DH group ${word}: use 1, 2, 5 or 14 to 18 (or a name such as modp2048).` };
  }
  if (word === 'ec2n155' || word === 'ec2n185') return { ok: false, reason: `racoon does not accept ${word} by name: use group number 3 or 4, or a MODP group.` };
  return NO;
}

const FAMILY_PHRASES: Readonly<Record<AlgorithmFamily, string>> = {
  'isakmp-encryption': 'a phase 1 cipher (aes, 3des, blowfish, cast128, camellia, des)',
  'isakmp-hash': 'a hash (sha1, sha256, sha384, sha512, md5)',
  'isakmp-authentication': 'an authentication method (pre_shared_key, rsasig, xauth_psk_server, …)',
  'ipsec-encryption': 'an ESP cipher (aes, 3des, blowfish, twofish, camellia, null_enc, …)',
  'ipsec-authentication': 'an integrity algorithm (hmac_sha1, hmac_sha256, hmac_sha512, hmac_md5, non_auth)',
  'ipsec-compression': 'a compression algorithm (deflate)',
};

export function describeFamily(family: AlgorithmFamily): string {
  return FAMILY_PHRASES[family];
}

/** A short phrase for what fits a slot, used in "expected …" messages. */
export function describeSlot(slot: ArgumentSlot): string {
  switch (slot.kind) {
    case 'keyword':
      return listWords(slot.values);
    case 'switch':
      return '`on` or `off`';
    case 'number':
    case 'string':
      return slot.kind === 'string' ? `${slot.label} in double quotes` : slot.label;
    case 'address':
      return slot.prefix === 'required' ? 'a network such as 10.0.0.0/24' : 'an IP address';
    case 'port':
      return 'a port in brackets, such as [500]';
    case 'timeUnit':
      return 'a time unit (sec, min or hour)';
    case 'byteUnit':
      return 'a size unit (B, KB, MB or TB)';
    case 'dhGroup':
      return 'a DH group (modp1024 … modp8192, or 1, 2, 5, 14–18)';
    case 'algorithm':
      return describeFamily(slot.family);
    case 'identifierValue':
      return 'a quoted identifier or an IP address';
    case 'protocol':
      return 'an upper-layer protocol (any, tcp, udp, icmp, … or a number)';
    case 'optional':
      return slot.slots[0] ? describeSlot(slot.slots[0]) : '';
    case 'choice':
      return slot.options.map((o) => (o[0] ? describeSlot(o[0]) : '')).filter(Boolean).join(' or ');
    case 'list':
      return slot.item[0] ? describeSlot(slot.item[0]) : '';
  }
}

function listWords(values: readonly string[]): string {
  const quoted = values.map((v) => `\`${v}\``);
  if (quoted.length <= 2) return quoted.join(' or ');
  return quoted.length <= 8 ? `one of ${quoted.join(', ')}` : `one of ${quoted.slice(0, 7).join(', ')}, …`;
}
