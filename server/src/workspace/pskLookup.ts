import { canonicalAddress, ipVersion } from '../text/ipLiteral';
import type { ParsedDocument } from '../model/document';
import type { SecretEntry } from '../parsing/secrets/ast';
import type { EffectiveConn, IpsecNode } from './model';
import { concreteAddress, normalizeId, sideValue } from './peers';

export interface PskChoice {
  readonly entry: SecretEntry;
  readonly document: ParsedDocument<'ipsec-secrets'>;
}

/** The entry the daemon takes; `none` when no entry fits; `unknown` when the files cannot tell. */
export type PskLookup = { readonly found: PskChoice } | 'none' | 'unknown';

/** The two IDs a PSK is looked up by: the conn's own and its peer's, as IKE presents them. */
export interface PskIds {
  readonly local: string;
  readonly remote: string;
}

const WILDCARDS = new Set(['%any', '%any6', '0.0.0.0', '::', '0::0']);

/** Two IDs in `comparable` form; addresses are compared as addresses (`2001:db8::1` is `2001:DB8:0::1`). */
function sameId(a: string, b: string): boolean {
  return a === b || (ipVersion(a) !== 0 && canonicalAddress(a) === canonicalAddress(b));
}

/** An ID in the form the daemon compares: names without case, addresses in lower case, DNs without blanks. */
function comparable(id: string): string | undefined {
  const text = id.trim().replace(/^"|"$/g, '');
  if (text.startsWith('@')) return text.toLowerCase().replace(/\.$/, '');
  if (ipVersion(text)) return text.toLowerCase();
  if (text.includes('=')) return normalizeId(text);
  if (/^[^@\s]+@[^@\s]+$/.test(text)) return text.toLowerCase();
  // A bare host name is resolved through DNS when the secrets are loaded; %-words mean other things.
  return undefined;
}

function idOf(conn: EffectiveConn, side: 'left' | 'right'): string | undefined {
  const id = sideValue(conn, side, 'id')?.value;
  if (id !== undefined && id.trim().length > 0) return comparable(id);
  return addressOf(conn, side);
}

/** The end's address when written as one (not a host name or a %-word). */
function addressOf(conn: EffectiveConn, side: 'left' | 'right'): string | undefined {
  const address = concreteAddress(sideValue(conn, side, '')?.value);
  return address && ipVersion(address) ? address : undefined;
}

/**
 * The two ends' addresses as a pair of IDs, when both are written as addresses: strongSwan's IKEv1
 * looks a PSK up by them when the IDs find none (seen with strongSwan 5.9.8: "no shared key found
 * for 'west.example'…", then the IKE SA comes up with the key the addresses select).
 */
export function pskAddresses(conn: EffectiveConn): PskIds | undefined {
  const local = addressOf(conn, 'left');
  const remote = addressOf(conn, 'right');
  return local && remote ? { local, remote } : undefined;
}

/** The IDs of a PSK conn, or undefined when one of them is only known at run time (%any, %defaultroute, %fromcert). */
export function pskIds(conn: EffectiveConn): PskIds | undefined {
  const local = idOf(conn, 'left');
  const remote = idOf(conn, 'right');
  return local && remote ? { local, remote } : undefined;
}

const MATCH_DEFAULT = 1;
const MATCH_ANY = 2;
const MATCH_REMOTE = 4;
const MATCH_LOCAL = 8;
/** The combinations Libreswan's lookup accepts for a symmetric secret (lib/libswan/secrets.c). */
const ACCEPTED = new Set([MATCH_DEFAULT, MATCH_ANY, MATCH_LOCAL | MATCH_DEFAULT, MATCH_LOCAL | MATCH_ANY, MATCH_REMOTE | MATCH_ANY, MATCH_LOCAL | MATCH_REMOTE]);

function isPskEntry(entry: SecretEntry): boolean {
  return !entry.secretType || entry.secretType.text.toUpperCase() === 'PSK';
}

/**
 * The `: PSK` entry Libreswan (and Openswan, whose lookup it kept) picks for a pair of IDs: an
 * entry naming both IDs beats one naming ours with a wildcard, which beats theirs with a
 * wildcard, a lone own ID, then wildcards and entries without IDs; among equals the first read
 * wins.
 */
export function lookupPsk(node: IpsecNode, ids: PskIds): PskLookup {
  let best: PskChoice | undefined;
  let bestMatch = 0;
  for (const document of node.secrets) {
    for (const entry of document.ast.entries) {
      if (!isPskEntry(entry)) continue;
      let match = entry.selectors.length === 0 ? MATCH_ANY : 0;
      for (const selector of entry.selectors) {
        const text = selector.text.trim();
        if (WILDCARDS.has(text.toLowerCase())) {
          match |= MATCH_ANY;
          continue;
        }
        const id = comparable(text);
        if (id === undefined) return 'unknown';
        if (sameId(id, ids.local)) match |= MATCH_LOCAL;
        if (sameId(id, ids.remote)) match |= MATCH_REMOTE;
      }
      if (match === MATCH_LOCAL && entry.selectors.length === 1) match |= MATCH_DEFAULT;
      if (!ACCEPTED.has(match) || match <= bestMatch) continue;
      best = { entry, document };
      bestMatch = match;
    }
  }
  return best ? { found: best } : 'none';
}

/** Whether the conn authenticates with a pre-shared key. */
export function usesPsk(conn: EffectiveConn): boolean {
  return /^(secret|psk)$/i.test(conn.values.get('authby')?.value.trim() ?? '');
}

/**
 * Whether strongSwan finds a `: PSK` entry for the pair: one whose selectors name either ID, or
 * %any, or none at all (stroke reads an entry without selectors as one for %any); an entry
 * naming only other IDs is skipped (mem_cred.c's shared_filter). A bare name is an FQDN ID to
 * strongSwan, not a host to resolve. Undefined for wildcard IDs (`*@example.com`), not modelled.
 */
export function strongswanFindsPsk(node: IpsecNode, ids: PskIds): boolean | undefined {
  for (const document of node.secrets) {
    for (const entry of document.ast.entries) {
      if (!isPskEntry(entry)) continue;
      if (entry.selectors.length === 0) return true;
      for (const selector of entry.selectors) {
        const text = selector.text.trim().replace(/^"|"$/g, '');
        if (WILDCARDS.has(text.toLowerCase())) return true;
        if (text.includes('*')) return undefined;
        const id = comparable(text) ?? comparable(`@${text}`);
        if (id !== undefined && (sameId(id, ids.local) || sameId(id, ids.remote))) return true;
      }
    }
  }
  return false;
}
