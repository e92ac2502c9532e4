import { availabilityFor, editDistance } from './lookup';
import type { Availability, Dialect, DialectAvailability, KeywordInfo, Status } from './types';

/**
 * The word after `:` in an ipsec.secrets entry, e.g. `@west @east : PSK "…"`.
 * Read from Libreswan lib/libswan/secrets.c (v4.0 to 0c4e3ec), strongSwan
 * src/libcharon/plugins/stroke/stroke_cred.c (5.0.0 to 3b902ea, after 6.0.6) and Openswan
 * lib/libopenswan/secrets.c (v2.6.01 to v2.6.52.3).
 */
export interface SecretType {
  /** As upstream documents it; parsers compare it as `SecretsTraits.caseInsensitive` says. */
  readonly name: string;
  /** Example entry. */
  readonly syntax: string;
  readonly doc: string;
  readonly dialects: Partial<Record<Dialect, DialectAvailability>>;
}

export const SECRET_TYPES: readonly SecretType[] = [
  {
    name: 'PSK',
    syntax: '@west @east : PSK "a long random secret"',
    doc: 'Pre-shared key for IKE between the listed IDs: a quoted string, or `0x…` hex / `0s…` base64.',
    dialects: { libreswan: { status: 'valid' }, strongswan: { status: 'valid' }, openswan: { status: 'valid' } },
  },
  {
    name: 'RSA',
    syntax: ': RSA /etc/ipsec.d/private/host.key [passphrase | %prompt]',
    doc: 'RSA private key: a key file (strongSwan, Openswan) or a `{ … }` block of raw key fields (Openswan, Libreswan before 4.5).',
    dialects: {
      libreswan: [
        { status: 'valid', until: '4.5', note: 'Only the `{ … }` form for raw keys held in NSS; certificate keys need no entry.' },
        { status: 'removed', from: '4.5', note: 'Private keys live in the NSS database; the entry is skipped with a warning.' },
      ],
      strongswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'ECDSA',
    syntax: ': ECDSA /etc/ipsec.d/private/host.key [passphrase | %prompt]',
    doc: 'ECDSA private key file, optionally encrypted.',
    dialects: { strongswan: { status: 'valid' } },
  },
  {
    name: 'PKCS8',
    syntax: ': PKCS8 /etc/ipsec.d/private/host.p8 [passphrase | %prompt]',
    doc: 'Private key of any type in a PKCS#8 file.',
    dialects: { strongswan: { status: 'valid', from: '5.5.2' } },
  },
  {
    name: 'P12',
    syntax: ': P12 /etc/ipsec.d/private/host.p12 [passphrase | %prompt]',
    doc: 'PKCS#12 container with the private key and its certificates (the token is P12, not PKCS12).',
    dialects: { strongswan: { status: 'valid', from: '5.1.0' } },
  },
  {
    name: 'BLISS',
    syntax: ': BLISS /etc/ipsec.d/private/host.bliss',
    doc: 'Private key for the experimental post-quantum BLISS signature scheme (dropped in strongSwan 6.0).',
    dialects: {
      strongswan: [
        { status: 'valid', from: '5.2.2', until: '6.0.0' },
        { status: 'removed', from: '6.0.0', note: 'strongSwan 6.0 dropped the BLISS scheme' },
      ],
    },
  },
  {
    name: 'PIN',
    syntax: ': PIN %smartcard1@mymodule:01 1234',
    doc: 'PIN that unlocks a key on a smartcard or token; `%prompt` asks for it at load time.',
    dialects: {
      libreswan: { status: 'removed', note: 'Smartcards are used through NSS; the entry is skipped.' },
      strongswan: { status: 'valid' },
      openswan: [
        { status: 'valid', until: '2.6.23', build: 'SMARTCARD' },
        { status: 'removed', from: '2.6.23', note: 'Smartcards are used through NSS; the entry is skipped.' },
      ],
    },
  },
  {
    name: 'EAP',
    syntax: 'carol : EAP "password"',
    doc: 'Password of an EAP user (EAP-MD5, EAP-MSCHAPv2 and similar), keyed by the user\'s identity.',
    dialects: { strongswan: { status: 'valid' } },
  },
  {
    name: 'NTLM',
    syntax: 'carol : NTLM "password"',
    doc: 'EAP-MSCHAPv2 password given as (or turned into) an NT hash.',
    dialects: { strongswan: { status: 'valid' } },
  },
  {
    name: 'XAUTH',
    syntax: '@carol : XAUTH "password"',
    doc: 'IKEv1 XAUTH password of a user (server side) or the password this client sends.',
    dialects: { libreswan: { status: 'valid' }, strongswan: { status: 'valid' }, openswan: { status: 'valid' } },
  },
  {
    name: 'PPKS',
    syntax: '@west @east : PPKS "ppk-id" "post-quantum preshared key"',
    doc: 'Static post-quantum preshared key (RFC 8784) with its PPK ID, used with ppk=.',
    dialects: { libreswan: { status: 'valid' } },
  },
];

export interface SecretsTraits {
  readonly caseInsensitiveTypes: boolean;
  /** An unknown type: only that entry is skipped, or the rest of the file is not read. */
  readonly unknownType: 'skip-entry' | 'stop-reading';
}

export const SECRETS_TRAITS: Readonly<Record<Dialect, SecretsTraits>> = {
  libreswan: { caseInsensitiveTypes: true, unknownType: 'skip-entry' },
  strongswan: { caseInsensitiveTypes: false, unknownType: 'stop-reading' },
  openswan: { caseInsensitiveTypes: true, unknownType: 'skip-entry' },
};

/** Spellings people use for a type under another name. */
const SECRET_ALIASES: Readonly<Record<string, string>> = { PKCS12: 'P12', PPK: 'PPKS' };

export interface SecretTypeLookup {
  readonly status: Status | 'unknown';
  readonly type?: SecretType;
  readonly availability?: Availability;
}

function asKeyword(t: SecretType): KeywordInfo {
  return { name: t.name, leftRight: false, sections: [], type: { kind: 'string' }, doc: t.doc, dialects: t.dialects };
}

export function lookupSecretType(token: string, dialect: Dialect, version?: string): SecretTypeLookup {
  const insensitive = SECRETS_TRAITS[dialect].caseInsensitiveTypes;
  const type = SECRET_TYPES.find((t) => (insensitive ? t.name.toLowerCase() === token.toLowerCase() : t.name === token));
  if (type === undefined) return { status: 'unknown' };
  const availability = availabilityFor(asKeyword(type), dialect, version);
  return availability === undefined ? { status: 'unknown', type } : { status: availability.status, type, availability };
}

/** Secret types the dialect accepts, for completion. */
export function secretTypesFor(dialect: Dialect, version?: string): readonly SecretType[] {
  return SECRET_TYPES.filter((t) => lookupSecretType(t.name, dialect, version).status === 'valid');
}

/** Did-you-mean for an unknown secret type. */
export function suggestSecretType(token: string, dialect: Dialect, version?: string): readonly string[] {
  const upper = token.toUpperCase();
  const alias = SECRET_ALIASES[upper];
  const names = secretTypesFor(dialect, version).map((t) => t.name);
  if (names.includes(upper)) return token === upper ? [] : [upper];
  const close = names.filter((n) => n !== upper && editDistance(upper, n, 2) <= (n.length <= 3 ? 1 : 2));
  return [...(alias !== undefined && names.includes(alias) ? [alias] : []), ...close.filter((n) => n !== alias)];
}
