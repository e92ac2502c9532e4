import {
  STRONGSWAN_5_KEY_EXCHANGE,
  STRONGSWAN_6_KEY_EXCHANGE,
  STRONGSWAN_ENCRYPTION,
  STRONGSWAN_ESN,
  STRONGSWAN_INTEGRITY,
  STRONGSWAN_KEY_EXCHANGE,
  STRONGSWAN_NO_KEY_EXCHANGE,
  STRONGSWAN_PRF,
} from './algorithms';

/** What one word of a strongSwan proposal adds to it, as charon's proposal parser sorts it. */
export type StrongswanTransform =
  /** GMAC is parsed as a cipher; AH takes it as its integrity algorithm. */
  | { readonly kind: 'encryption'; readonly aead: boolean; readonly gmac: boolean }
  | { readonly kind: 'integrity'; readonly givesPrf: boolean }
  | { readonly kind: 'prf' }
  | { readonly kind: 'key-exchange'; readonly none: boolean }
  | { readonly kind: 'additional-key-exchange' }
  | { readonly kind: 'esn' };

/** Combined-mode ciphers (libstrongswan's `encryption_algorithm_is_aead`): CCM, GCM, GMAC and ChaCha20-Poly1305. */
const AEAD = /ccm|gcm|gmac|chacha20poly1305/;

/**
 * Integrity algorithms charon takes as the PRF of an IKE proposal that names none (`integ_prf_map`
 * in proposal.c): every one but HMAC-SHA-256 truncated to 96 bits.
 */
const WITHOUT_PRF: ReadonlySet<string> = new Set(['sha256_96', 'sha2_256_96']);

const TRANSFORMS = new Map<string, StrongswanTransform>([
  ...STRONGSWAN_ENCRYPTION.map((word): [string, StrongswanTransform] => [word, { kind: 'encryption', aead: AEAD.test(word), gmac: word.endsWith('gmac') }]),
  ...STRONGSWAN_INTEGRITY.map((word): [string, StrongswanTransform] => [word, { kind: 'integrity', givesPrf: !WITHOUT_PRF.has(word) }]),
  ...STRONGSWAN_PRF.map((word): [string, StrongswanTransform] => [word, { kind: 'prf' }]),
  ...STRONGSWAN_NO_KEY_EXCHANGE.map((word): [string, StrongswanTransform] => [word, { kind: 'key-exchange', none: true }]),
  ...[...STRONGSWAN_KEY_EXCHANGE, ...STRONGSWAN_5_KEY_EXCHANGE, ...STRONGSWAN_6_KEY_EXCHANGE].map((word): [string, StrongswanTransform] => [word, { kind: 'key-exchange', none: false }]),
  ...STRONGSWAN_ESN.map((word): [string, StrongswanTransform] => [word, { kind: 'esn' }]),
]);

/** strongSwan 6's `ke1_` to `ke7_` before a key exchange method: one of RFC 9370's additional exchanges. */
const ADDITIONAL = /^ke[1-7]_/i;

/**
 * The transform a word names for charon (words are case-sensitive), or undefined for a word it
 * does not read. Which releases read a word is `bad-value`'s business, not this table's.
 */
export function strongswanTransformOf(word: string): StrongswanTransform | undefined {
  const prefix = ADDITIONAL.exec(word);
  if (prefix) return TRANSFORMS.get(word.slice(prefix[0].length))?.kind === 'key-exchange' ? { kind: 'additional-key-exchange' } : undefined;
  return TRANSFORMS.get(word);
}
