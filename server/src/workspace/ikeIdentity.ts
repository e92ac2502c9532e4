import type { DialectGuess, DialectName } from '../model/dialect';
import { canonicalAddress } from '../text/ipLiteral';
import { normalizeDn } from './certificates';

/**
 * What a daemon makes of an ID as written in ipsec.conf, reduced to what it compares:
 * - `address`: an IP address ID;
 * - `lookup`: a host name the daemon resolves in DNS, presenting or expecting the address it gets;
 * - `fqdn` / `email`: compared without regard to case (and, by Libreswan, to trailing dots);
 * - `dn`: a distinguished name; `other`: key IDs and the like, compared as written;
 * - `unknown`: what is not compared here (strongSwan's regular expressions and numbered types).
 *
 * The one difference between the daemons: an ID without `@` that is no address is a name to
 * look up for Libreswan and Openswan (atoid), but plainly a name for strongSwan, the same as
 * with `@` (identification_create_from_string).
 */
export type IdReading = { readonly kind: 'address' | 'lookup' | 'fqdn' | 'email' | 'dn' | 'other' | 'unknown'; readonly value: string };

/** How one daemon reads `id`; `fromAddress` when no ID is set and the side's address stands for it. */
export function readId(id: string, dialect: DialectName, fromAddress = false): IdReading {
  const address = canonicalAddress(id);
  if (address) return { kind: 'address', value: address };
  if (dialect === 'strongswan' && !fromAddress) {
    const typed = readTypedId(id);
    if (typed) return typed;
  }
  if (fromAddress) return { kind: 'lookup', value: hostName(id) };
  if (id.includes('=')) return { kind: 'dn', value: normalizeDn(id.replace(/^@/, '')) };
  if (id.startsWith('@#') || id.startsWith('@[')) return { kind: 'other', value: id };
  if (id.startsWith('@@') && dialect === 'strongswan') return { kind: 'email', value: hostName(id.slice(2)) };
  if (id.startsWith('@')) return { kind: 'fqdn', value: hostName(id.slice(1)) };
  if (id.includes('@')) return { kind: 'email', value: hostName(id) };
  if (dialect !== 'strongswan') return { kind: 'lookup', value: hostName(id) };
  // strongSwan takes a word with a colon that is no IPv6 address as a key ID.
  return id.includes(':') ? { kind: 'other', value: id } : { kind: 'fqdn', value: hostName(id) };
}

/**
 * Whether two readings name the same identity: undefined when only DNS could tell (a name
 * against an address, or two different names).
 */
export function sameIdentity(a: IdReading, b: IdReading): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind === 'lookup' || b.kind === 'lookup') {
    if (a.kind === b.kind) return a.value === b.value ? true : undefined;
    return a.kind === 'address' || b.kind === 'address' ? undefined : false;
  }
  return a.kind === b.kind && a.value === b.value;
}

/** strongSwan's `type:value` IDs (`fqdn:vpn.example`, `email:…`, `asn1dn:…`, `keyid:…`) and `{n}:` numbered ones. */
const TYPED_PREFIXES: ReadonlyArray<readonly [string, IdReading['kind']]> = [
  ['ipv4:', 'address'],
  ['ipv6:', 'address'],
  ['rfc822:', 'email'],
  ['email:', 'email'],
  ['userfqdn:', 'email'],
  ['fqdn:', 'fqdn'],
  ['dns:', 'fqdn'],
  ['asn1dn:', 'dn'],
];

function readTypedId(id: string): IdReading | undefined {
  if (/^\{\d+\}:/.test(id)) return { kind: 'unknown', value: id };
  const lower = id.toLowerCase();
  const prefix = TYPED_PREFIXES.find(([text]) => lower.startsWith(text));
  if (!prefix) return /^(ipv[46](net|range)|asn1gn|xmppaddr|keyid|uri):/i.test(id) ? { kind: 'other', value: id } : undefined;
  const [text, kind] = prefix;
  const rest = id.slice(text.length);
  // A value between slashes is a regular expression (strongSwan 6), and `#` starts hex.
  if (rest.startsWith('/') || rest.startsWith('#')) return { kind: 'unknown', value: id };
  if (kind === 'address') return { kind: canonicalAddress(rest) ? 'address' : 'other', value: canonicalAddress(rest) ?? id };
  if (kind === 'dn') return { kind, value: normalizeDn(rest) };
  return { kind, value: hostName(rest) };
}

/** The daemons a gateway may run: the chosen one, or every plausible one. */
export function possibleDialects(guess: DialectGuess): readonly DialectName[] {
  return guess.choice ? [guess.choice.dialect] : guess.plausible;
}

export interface WrittenId {
  readonly id: string;
  /** The gateway whose daemon reads it. */
  readonly dialect: DialectGuess;
  readonly fromAddress?: boolean;
}

/** Whether the two IDs can be the same identity for some daemon each gateway may run. */
export function mayBeSameIdentity(expected: WrittenId, presented: WrittenId): boolean {
  for (const ours of possibleDialects(expected.dialect)) {
    for (const theirs of possibleDialects(presented.dialect)) {
      if (sameIdentity(readId(expected.id, ours, expected.fromAddress), readId(presented.id, theirs, presented.fromAddress)) !== false) return true;
    }
  }
  return false;
}

/**
 * One key for the spellings of an ID or address that every daemon takes as the same: an address
 * in any spelling, a distinguished name with other blanks or attribute case, a host name or an
 * `@` name or e-mail address in other case. Anything else (key IDs, strongSwan's typed IDs) only
 * as written. What references and rename gather together.
 */
export function spellingKey(id: string): string {
  let key = spellingKeys.get(id);
  if (key === undefined) {
    // A mesh writes each ID in dozens of places, and a hover on one compares every mention of the workspace.
    if (spellingKeys.size >= MAX_SPELLING_KEYS) spellingKeys.clear();
    key = computeSpellingKey(id);
    spellingKeys.set(id, key);
  }
  return key;
}

const spellingKeys = new Map<string, string>();
const MAX_SPELLING_KEYS = 10000;

function computeSpellingKey(id: string): string {
  const address = canonicalAddress(id);
  if (address) return `address ${address}`;
  if (id.includes('=')) return `dn ${normalizeDn(id.replace(/^@/, ''))}`;
  if (/^@(?![#[])/.test(id) || /^[^@:]+@[^@:]+$/.test(id) || /^[A-Za-z0-9.-]+$/.test(id)) return `name ${id.toLowerCase()}`;
  return `written ${id}`;
}

/** A host as `left=`/`right=` give it, in one spelling per address: `2001:DB8::1` and `2001:db8:0::1` are one host. */
export function comparableHost(host: string): string {
  return canonicalAddress(host) ?? host.toLowerCase();
}

/** Lower case without trailing dots: how FQDN and e-mail IDs are compared. */
function hostName(name: string): string {
  return name.toLowerCase().replace(/\.+$/, '');
}
