import { ipVersion } from '../../text/ipLiteral';

/** Markdown for the parts of ipsec.secrets and psk.txt entries. None of it ever holds the secret. */

/** The part of an ipsec.secrets entry after the type word, by role; never its text when secret. */
export type SecretPart =
  | { readonly kind: 'secret'; readonly type: string; readonly form: 'quoted' | 'hex' | 'base64' | 'text' | 'word' }
  | { readonly kind: 'key-file'; readonly shown?: string; readonly exists?: boolean }
  | { readonly kind: 'passphrase' }
  | { readonly kind: 'prompt' }
  | { readonly kind: 'raw-key' };

const SECRET_NAMES: Readonly<Record<string, string>> = {
  PSK: 'pre-shared key',
  XAUTH: 'XAUTH password',
  EAP: 'EAP password',
  NTLM: 'NT password hash',
  PIN: 'smartcard PIN',
  PPKS: 'post-quantum preshared key and its ID',
};

const FORMS = {
  quoted: 'written as a quoted string',
  hex: 'written in hexadecimal (`0x…`)',
  base64: 'written in base64 (`0s…`)',
  text: 'written as text to the end of the line (`0t…`), as Libreswan and Openswan read it',
  word: 'written as a bare word, which strongSwan takes as it is and Libreswan and Openswan refuse (they read an unquoted secret only after `0x`, `0s` or `0t`): quote it',
} as const;

export function describeSecretValue(part: SecretPart): string {
  switch (part.kind) {
    case 'secret':
      return `**The ${SECRET_NAMES[part.type] ?? 'secret'}** (not shown)\n\n${capitalize(FORMS[part.form])}. Both ends of a tunnel must hold the very same value.`;
    case 'key-file': {
      const where = part.shown ? ` \`${part.shown.replace(/`/g, "'")}\`` : '';
      const state = part.exists === undefined ? '' : part.exists ? ' The file exists in this gateway.' : ' This file does not exist in this gateway.';
      return `**Private key file**${where}\n\nThe gateway's private key; a relative name is looked up in ipsec.d/private.${state} The key is never shown.`;
    }
    case 'passphrase':
      return '**Passphrase** of the key file (not shown)\n\nUnlocks an encrypted key file when the daemon loads it.';
    case 'prompt':
      return '**%prompt**\n\nThe daemon asks for the passphrase on the console when it loads the key, instead of reading it from this file.';
    case 'raw-key':
      return '**Raw RSA key** (not shown)\n\nThe fields of the private key written inline, as `ipsec newhostkey` printed them for Openswan and older Libreswan.';
  }
}

/** An ipsec.secrets selector: what kind of ID it is, what the entry's type does with it, which conns name it. */
export function describeSelector(selector: string, type: string, conns: readonly string[]): string {
  const lines = [`**${escapeBold(selector)}**: ${idKind(selector)} (ipsec.secrets selector)`, '', selectorRole(type)];
  if (conns.length > 0) lines.push('', `Named by ${conns.join(', ')} in this gateway.`);
  return lines.join('\n');
}

function idKind(id: string): string {
  const text = id.replace(/^"|"$/g, '');
  if (/^%any6?$/i.test(text)) return 'any ID';
  if (text.startsWith('@#')) return 'a key ID in hexadecimal';
  if (text.startsWith('@')) return 'a host name ID, compared as written (no DNS lookup)';
  if (ipVersion(text)) return 'an IP address';
  if (text.includes('=')) return 'a distinguished name, matched against the certificate subject';
  if (/^[^@\s]+@[^@\s]+$/.test(text)) return 'an e-mail address ID';
  return 'a host name, resolved through DNS when the secrets are loaded';
}

function selectorRole(type: string): string {
  if (type === 'PSK' || type === 'PPKS') {
    return "The daemon takes the entry whose selectors best match both IDs of a conn: its own (`leftid`, else `left`) and its peer's (`rightid`, else `right`). An entry with no selectors is the fallback for every pair.";
  }
  if (type === 'XAUTH' || type === 'EAP' || type === 'NTLM') return 'The user name (identity) this password belongs to.';
  return 'The gateway ID this private key is used for; an entry with no selectors holds the default key.';
}

/** The identifier column of racoon's psk.txt. */
export function describePskIdentifier(identifier: string, users: readonly string[] | undefined): string {
  const lines = [
    `**${escapeBold(identifier)}**: peer identifier (psk.txt)`,
    '',
    identifier === '*'
      ? 'Matches every peer, but only when racoon was built with `--enable-wildcard`; otherwise no peer is ever called `*`.'
      : "racoon uses the first line whose first word is exactly what it looks up: in main mode the peer's IP address as racoon prints it; in aggressive mode first the identifier the peer sends (an address, a host name or user@host, written without `@`), then the address.",
  ];
  if (users) lines.push('', users.length > 0 ? `Used by ${users.join(', ')} in racoon.conf.` : 'No `remote` block of racoon.conf is written with this address; a `remote anonymous` may still use it.');
  return lines.join('\n');
}

/** A psk.txt line with one word: racoon skips it. The word is not shown, since it may be a key. */
export function describeLoneWord(): string {
  return '**A line with one word** (psk.txt)\n\nracoon skips a line with no key after the identifier. Write `identifier<TAB>key`.';
}

/** An ipsec.secrets entry without `:`: its words are not shown, since one of them may be the secret. */
export function describeEntryWithoutColon(): string {
  return '**An entry without `:`** (ipsec.secrets)\n\nWithout the `:` the daemon cannot tell the IDs from the secret and does not use the entry.';
}

export function describePskKey(hex: boolean): string {
  const form = hex ? 'Starts with `0x`, so racoon reads the rest as hexadecimal.' : 'Everything after the blanks to the end of the line is the key, inner spaces included.';
  return `**Pre-shared key** (not shown)\n\n${form} The peer must hold the same key for this host.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeBold(text: string): string {
  return text.replace(/[*_`\\]/g, (c) => `\\${c}`);
}
