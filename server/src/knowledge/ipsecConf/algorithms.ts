import type { Dialect } from './types';
import { expandVersion, rangeMatches, type VersionRange } from './versions';

/**
 * Algorithm words each daemon understands in `ike=`, `esp=`, `ah=` and `phase2alg=` proposals.
 * Read from Libreswan lib/libswan/ike_alg_*.c (v4.0 to v5.4, and `ipsec algparse` of 4.10),
 * strongSwan src/libstrongswan/crypto/proposal/proposal_keywords_static.txt and
 * crypto/key_exchange.c (5.0.0 to 6.0.6)
 * and Openswan lib/libopenswan/{alg_info.c,constants.c} (v2.6.52.3).
 */
export interface ProposalSyntax {
  /** Whether `AES256` and `aes256` are the same word. */
  readonly caseInsensitive: boolean;
  /** Characters that separate the algorithms of one proposal. */
  readonly separators: string;
  /** Whether a trailing `!` (strict: only these proposals) is allowed. */
  readonly strictMark: boolean;
  /** Whether blanks around words are dropped (strongSwan) or part of the word (Libreswan). */
  readonly trimsBlanks: boolean;
  /** Algorithms written with a key length glued on (`aes256`, `aes_cbc_256`, `camellia128`). */
  readonly keyLengthBases: readonly string[];
  readonly keyLengths: readonly number[];
  /** Whether `idNNN` names an algorithm by its IANA number (Openswan). */
  readonly numericIds: boolean;
  /** Whether a key length may also stand as its own word (`aes-128-sha1`). */
  readonly separateKeyLengths: boolean;
  /** Libreswan (after 5.4) names key-exchange slots inside a proposal: `aes;ke=ml_kem_768;addke1=dh19`. */
  readonly slotPrefix?: RegExp;
  /** Words every release reads. */
  readonly words: ReadonlySet<string>;
  /** Words only some releases read. */
  readonly versionedWords?: ReadonlyMap<string, VersionRange>;
  /** strongSwan 6's additional key exchanges: a prefix (`ke1_`) before one of `keyExchangeWords`. */
  readonly additionalKeyExchange?: { readonly prefix: RegExp; readonly releases: VersionRange; readonly keyExchangeWords: ReadonlySet<string> };
}

const LIBRESWAN_ENCRYPTION = [
  '3des', '3des_cbc', 'aes', 'aes_cbc', 'aesctr', 'aes_ctr', 'aes_gcm', 'aes_gcm_8', 'aes_gcm_12', 'aes_gcm_16',
  'aes_gcm_a', 'aes_gcm_b', 'aes_gcm_c', 'aes_ccm', 'aes_ccm_8', 'aes_ccm_12', 'aes_ccm_16', 'aes_ccm_a', 'aes_ccm_b',
  'aes_ccm_c', 'null_auth_aes_gmac', 'aes_gmac', 'camellia', 'camellia_cbc', 'camellia_ctr', 'chacha20_poly1305',
  'chacha20poly1305', 'null',
];
const LIBRESWAN_INTEGRITY = [
  'md5', 'hmac_md5', 'hmac_md5_96', 'sha', 'sha1', 'sha1_96', 'hmac_sha1', 'hmac_sha1_96', 'sha2', 'sha256', 'sha2_256',
  'sha2_256_128', 'hmac_sha2_256', 'hmac_sha2_256_128', 'hmac_sha2_256_truncbug', 'sha384', 'sha2_384', 'sha2_384_192',
  'hmac_sha2_384', 'hmac_sha2_384_192', 'sha512', 'sha2_512', 'sha2_512_256', 'hmac_sha2_512', 'hmac_sha2_512_256',
  'aes_xcbc', 'aes128_xcbc', 'aes_xcbc_96', 'aes128_xcbc_96', 'aes_cmac', 'aes_cmac_96', 'none',
];
const LIBRESWAN_KEY_EXCHANGE = [
  'modp1024', 'dh2', 'modp1536', 'dh5', 'modp2048', 'dh14', 'modp3072', 'dh15', 'modp4096', 'dh16', 'modp6144', 'dh17',
  'modp8192', 'dh18', 'dh19', 'ecp_256', 'ecp256', 'dh20', 'ecp_384', 'ecp384', 'dh21', 'ecp_521', 'ecp521', 'dh22',
  'dh23', 'dh24', 'dh31', 'curve25519', 'dh0',
];
/** ML-KEM came with 5.4 (lib/libswan/ike_alg_ke.c). */
const LIBRESWAN_VERSIONED_WORDS = new Map<string, VersionRange>(
  ['ml_kem_512', 'mlkem512', 'ml_kem_768', 'mlkem768', 'ml_kem_1024', 'mlkem1024'].map((word): [string, VersionRange] => [word, { from: '5.4' }]),
);

/** strongSwan's key exchange methods (DH groups, and from 6.0 ML-KEM and GOST). */
export const STRONGSWAN_KEY_EXCHANGE: readonly string[] = [
  'modpnull', 'modp768', 'modp1024', 'modp1536', 'modp2048', 'modp3072', 'modp4096', 'modp6144', 'modp8192',
  'ecp192', 'ecp224', 'ecp256', 'ecp384', 'ecp521', 'modp1024s160', 'modp2048s224', 'modp2048s256', 'ecp224bp',
  'ecp256bp', 'ecp384bp', 'ecp512bp', 'curve25519', 'x25519', 'curve448', 'x448',
];

/** strongSwan's words by the transform each names (proposal_keywords_static.txt): ciphers (AEAD ones among them), integrity, PRF, key exchange, ESN. */
export const STRONGSWAN_ENCRYPTION: readonly string[] = [
  'null', 'des', '3des', 'aes', 'aes128', 'aes192', 'aes256', 'aes128ctr', 'aes192ctr', 'aes256ctr',
  ...['aes128', 'aes192', 'aes256', 'camellia128', 'camellia192', 'camellia256'].flatMap((base) =>
    ['8', '64', '12', '96', '16', '128'].map((icv) => `${base}ccm${icv}`),
  ),
  'aes128ccm', 'aes192ccm', 'aes256ccm',
  ...['aes128', 'aes192', 'aes256'].flatMap((base) => ['8', '64', '12', '96', '16', '128', ''].map((icv) => `${base}gcm${icv}`)),
  'aes128gmac', 'aes192gmac', 'aes256gmac', 'chacha20poly1305', 'chacha20poly1305compat', 'blowfish', 'blowfish128',
  'blowfish192', 'blowfish256', 'camellia', 'camellia128', 'camellia192', 'camellia256', 'camellia128ctr',
  'camellia192ctr', 'camellia256ctr', 'cast128', 'serpent', 'serpent128', 'serpent192', 'serpent256', 'twofish',
  'twofish128', 'twofish192', 'twofish256',
];
export const STRONGSWAN_INTEGRITY: readonly string[] = [
  'sha', 'sha1', 'sha1_160', 'sha256', 'sha2_256', 'sha256_96', 'sha2_256_96', 'sha384', 'sha2_384', 'sha512', 'sha2_512',
  'md5', 'md5_128', 'aesxcbc', 'camelliaxcbc', 'aescmac',
];
export const STRONGSWAN_PRF: readonly string[] = ['prfsha1', 'prfsha256', 'prfsha384', 'prfsha512', 'prfmd5', 'prfaesxcbc', 'prfcamelliaxcbc', 'prfaescmac'];
/** "No key exchange" (KE_NONE), which charon drops from an IKE proposal. */
export const STRONGSWAN_NO_KEY_EXCHANGE: readonly string[] = ['none', 'modpnone'];
export const STRONGSWAN_ESN: readonly string[] = ['noesn', 'esn'];

const STRONGSWAN_WORDS = [...STRONGSWAN_ENCRYPTION, ...STRONGSWAN_INTEGRITY, ...STRONGSWAN_PRF, ...STRONGSWAN_NO_KEY_EXCHANGE, ...STRONGSWAN_KEY_EXCHANGE, ...STRONGSWAN_ESN];

/** strongSwan 6.0 dropped the NTRU and NewHope key exchanges and added ML-KEM (FIPS 203) and GOST R 34.10. */
const STRONGSWAN_6 = '6.0.0';
export const STRONGSWAN_6_KEY_EXCHANGE: readonly string[] = ['mlkem512', 'mlkem768', 'mlkem1024', 'gost256', 'gost512'];
/** Key exchanges strongSwan 6.0 dropped. */
export const STRONGSWAN_5_KEY_EXCHANGE: readonly string[] = ['ntru112', 'ntru128', 'ntru192', 'ntru256', 'newhope128'];
const STRONGSWAN_VERSIONED_WORDS = new Map<string, VersionRange>([
  ...STRONGSWAN_5_KEY_EXCHANGE.map((word): [string, VersionRange] => [word, { until: STRONGSWAN_6 }]),
  ...STRONGSWAN_6_KEY_EXCHANGE.map((word): [string, VersionRange] => [word, { from: STRONGSWAN_6 }]),
]);

/** Openswan looks words up in its IANA name tables (ESP_…, AUTH_ALGORITHM_…, OAKLEY_…, OAKLEY_GROUP_…). */
const OPENSWAN_WORDS = [
  '3des', '3idea', 'aes', 'aes_ccm_a', 'aes_ccm_b', 'aes_ccm_c', 'aes_ctr', 'aes_gcm_a', 'aes_gcm_b', 'aes_gcm_c',
  'blowfish', 'camellia', 'cast', 'des', 'des_iv32', 'des_iv64', 'idea', 'kame_null', 'mars', 'null',
  'null_auth_aes_gmac', 'rc4', 'rc5', 'rc6', 'seed_cbc', 'serpent', 'twofish', 'md5', 'sha', 'sha1', 'sha2_256',
  'sha2_384', 'sha2_512', 'ripemd', 'tiger', 'aes_128_gmac', 'aes_192_gmac', 'aes_256_gmac', 'aes_cbc', 'des_mac',
  'kpdk', 'none', 'null_kame', 'sig_rsa', 'modp768', 'modp1024', 'modp1536', 'modp2048', 'modp3072', 'modp4096',
  'modp6144', 'modp8192', 'dh22', 'dh23', 'dh24', 'gp155', 'gp185', 'ecp_256', 'ecp_384', 'ecp_521', 'ecp_192',
  'ecp_224',
];

export const PROPOSAL_SYNTAX: Readonly<Record<Dialect, ProposalSyntax>> = {
  libreswan: {
    caseInsensitive: true,
    separators: '-;+',
    strictMark: false,
    trimsBlanks: false,
    keyLengthBases: ['aes', 'aes_cbc', 'aesctr', 'aes_ctr', 'aes_gcm', 'aes_gcm_8', 'aes_gcm_12', 'aes_gcm_16', 'aes_gcm_a', 'aes_gcm_b', 'aes_gcm_c', 'aes_ccm', 'aes_ccm_8', 'aes_ccm_12', 'aes_ccm_16', 'aes_ccm_a', 'aes_ccm_b', 'aes_ccm_c', 'camellia', 'camellia_cbc', 'camellia_ctr', 'chacha20_poly1305', 'null_auth_aes_gmac', 'aes_gmac'],
    keyLengths: [128, 192, 256],
    numericIds: false,
    separateKeyLengths: true,
    slotPrefix: /^(ke|addke[1-7])=/i,
    words: new Set([...LIBRESWAN_ENCRYPTION, ...LIBRESWAN_INTEGRITY, ...LIBRESWAN_KEY_EXCHANGE]),
    versionedWords: LIBRESWAN_VERSIONED_WORDS,
  },
  strongswan: {
    caseInsensitive: false,
    separators: '-',
    strictMark: true,
    trimsBlanks: true,
    keyLengthBases: [],
    keyLengths: [],
    numericIds: false,
    separateKeyLengths: false,
    words: new Set(STRONGSWAN_WORDS),
    versionedWords: STRONGSWAN_VERSIONED_WORDS,
    // key_exchange.c reads `ke<1-7>_<method>` with the prefix in any case and the method as spelt.
    additionalKeyExchange: { prefix: /^ke[1-7]_/i, releases: { from: STRONGSWAN_6 }, keyExchangeWords: new Set([...STRONGSWAN_NO_KEY_EXCHANGE, ...STRONGSWAN_KEY_EXCHANGE, ...STRONGSWAN_6_KEY_EXCHANGE]) },
  },
  openswan: {
    caseInsensitive: true,
    separators: '-;',
    strictMark: true,
    trimsBlanks: false,
    keyLengthBases: ['aes', 'aes_ctr', 'aes_ccm_a', 'aes_ccm_b', 'aes_ccm_c', 'aes_gcm_a', 'aes_gcm_b', 'aes_gcm_c', 'camellia', 'blowfish', 'serpent', 'twofish', 'cast'],
    keyLengths: [40, 64, 128, 160, 192, 256, 320, 384, 448],
    numericIds: true,
    separateKeyLengths: true,
    words: new Set(OPENSWAN_WORDS),
  },
};

/**
 * Whether the dialect knows the word as an algorithm, key length included. With a version (`6`,
 * `5.9.8`), whether some release it stands for knows it; without, whether some release does.
 */
export function isKnownAlgorithm(word: string, dialect: Dialect, version?: string): boolean {
  const syntax = PROPOSAL_SYNTAX[dialect];
  const { w, slotted } = unslotted(word, syntax);
  if (syntax.words.has(w)) return true;
  const range = syntax.versionedWords?.get(w);
  // Named slots (`addke1=`) came with the same release as the words in them: libreswan-conn-refused reports the slot.
  if (range !== undefined) return slotted || readBy(range, dialect, version);
  const additional = syntax.additionalKeyExchange;
  const prefix = additional?.prefix.exec(w);
  if (additional && prefix) {
    const method = w.slice(prefix[0].length);
    return additional.keyExchangeWords.has(method) && isKnownAlgorithm(method, dialect, version) && readBy(additional.releases, dialect, version);
  }
  if (syntax.separateKeyLengths && /^\d+$/.test(w)) return syntax.keyLengths.includes(Number(w));
  if (syntax.numericIds && /^id\d+$/.test(w)) return true;
  const glued = splitKeyLength(w);
  if (glued === undefined) return false;
  return syntax.keyLengthBases.includes(glued.base) && syntax.keyLengths.includes(Number(glued.digits));
}

/** The releases that read a word only some releases read (`mlkem768`, `ke1_x25519`, `ntru128`). */
export function algorithmReleases(word: string, dialect: Dialect): VersionRange | undefined {
  const syntax = PROPOSAL_SYNTAX[dialect];
  const { w, slotted } = unslotted(word, syntax);
  if (slotted) return undefined;
  const range = syntax.versionedWords?.get(w);
  if (range !== undefined) return range;
  const additional = syntax.additionalKeyExchange;
  const prefix = additional?.prefix.exec(w);
  if (!additional || !prefix || !isKnownAlgorithm(w, dialect)) return undefined;
  const base = syntax.versionedWords?.get(w.slice(prefix[0].length));
  return { from: base?.from ?? additional.releases.from, until: base?.until ?? additional.releases.until };
}

/** The word as the dialect compares it, without Libreswan's slot name (`addke1=`). */
function unslotted(word: string, syntax: ProposalSyntax): { w: string; slotted: boolean } {
  const compared = syntax.caseInsensitive ? word.toLowerCase() : word;
  const w = syntax.slotPrefix ? compared.replace(syntax.slotPrefix, '') : compared;
  return { w, slotted: w !== compared };
}

function readBy(range: VersionRange, dialect: Dialect, version: string | undefined): boolean {
  return rangeMatches(range, expandVersion(dialect, version));
}

/**
 * `aes256` and `aes_256` into base and digits, as `/^(.*?)_?(\d+)$/` would, but in one pass from
 * the end: the expression retries every split of a long run of digits followed by a letter (quadratic).
 */
function splitKeyLength(word: string): { base: string; digits: string } | undefined {
  let start = word.length;
  while (start > 0 && word.charCodeAt(start - 1) >= 48 && word.charCodeAt(start - 1) <= 57) start--;
  if (start === word.length) return undefined;
  const base = word.slice(0, start);
  return { base: base.endsWith('_') ? base.slice(0, -1) : base, digits: word.slice(start) };
}

/** Every algorithm word some release the version stands for reads, for did-you-mean. */
export function algorithmWords(dialect: Dialect, version?: string): readonly string[] {
  const syntax = PROPOSAL_SYNTAX[dialect];
  const glued = syntax.keyLengthBases.filter((b) => /^[a-z]+$/.test(b)).flatMap((b) => syntax.keyLengths.filter((n) => n >= 128).map((n) => `${b}${n}`));
  const versioned = [...(syntax.versionedWords ?? [])].filter(([, range]) => readBy(range, dialect, version)).map(([word]) => word);
  return [...syntax.words, ...versioned, ...glued];
}

/** ipsec.conf keys whose value lists proposals: `ike=`, `esp=`, `ah=`, `phase2alg=` and Openswan's `pfsgroup=`. */
export const PROPOSAL_KEYS: ReadonlySet<string> = new Set(['ike', 'esp', 'ah', 'phase2alg', 'pfsgroup']);

/** What separates the words of a proposal list in any daemon's spelling (and quotes around it). */
const SEPARATORS = `\\s"',;+!-`;
const WORD = new RegExp(`[^${SEPARATORS}]+`, 'g');
const LAST_WORD = new RegExp(`[^${SEPARATORS}]*$`);

/** The words of a proposal list as written, with their offsets in it. */
export function* proposalWordsOf(text: string): Generator<{ readonly word: string; readonly offset: number }> {
  for (const match of text.matchAll(WORD)) yield { word: match[0], offset: match.index ?? 0 };
}

/** The word being typed at the end of a proposal list. */
export function lastProposalWord(text: string): string {
  return LAST_WORD.exec(text)?.[0] ?? '';
}

const KEY_EXCHANGE_SLOT = /^(?:ke=|addke(\d)=|ke(\d)_)/i;

/**
 * A key-exchange word without the slot written before it: Libreswan's `ke=` and `addke1=`,
 * strongSwan's `ke1_`. `additional` is the number of an additional exchange (RFC 9370).
 */
export function withoutSlot(word: string): { readonly word: string; readonly additional?: number } {
  const slot = KEY_EXCHANGE_SLOT.exec(word);
  if (!slot) return { word };
  const number = slot[1] ?? slot[2];
  return { word: word.slice(slot[0].length), additional: number === undefined ? undefined : Number(number) };
}
