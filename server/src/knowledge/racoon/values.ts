import type { AlgorithmFamily } from './types';

/** Time units racoon's lexer knows; there is no `day` and no `s`/`m`/`h` shorthand. */
export const TIME_UNITS = ['sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes', 'hour', 'hours'] as const;

/** Byte units; racoon has no GB, and the unit names are case-sensitive. */
export const BYTE_UNITS = ['B', 'byte', 'bytes', 'KB', 'MB', 'TB'] as const;

export const SWITCH_VALUES = ['on', 'off'] as const;

export const LOG_LEVELS = ['error', 'warning', 'notify', 'info', 'debug', 'debug2'] as const;

export const PATH_TYPES = ['include', 'pre_shared_key', 'certificate', 'script', 'backupsa', 'pidfile'] as const;

export const IDENTIFIER_TYPES = ['address', 'subnet', 'fqdn', 'user_fqdn', 'keyid', 'asn1dn'] as const;

/** Qualifiers of `keyid`: read the id from a file, or take it literally. */
export const IDENTIFIER_QUALIFIERS = ['file', 'tag'] as const;

export const EXCHANGE_MODES = ['main', 'aggressive', 'base'] as const;

export const PROPOSAL_CHECK_LEVELS = ['obey', 'strict', 'claim', 'exact'] as const;

export const GSS_ID_ENCODINGS = ['utf-16le', 'latin1'] as const;

/** Upper-layer protocols a sainfo address id may name besides a number and `any`. */
export const SAINFO_PROTOCOLS = ['esp', 'ah', 'ipcomp', 'icmp', 'icmp6', 'tcp', 'udp', 'gre', 'any'] as const;

/** DH groups by name; racoon rejects the EC2N names here even though its lexer knows them. */
export const DH_GROUP_NAMES = ['modp768', 'modp1024', 'modp1536', 'modp2048', 'modp3072', 'modp4096', 'modp6144', 'modp8192'] as const;

/** DH groups by number: 1, 2 and 5 are MODP 768/1024/1536, 3 and 4 the EC2N groups, 14–18 MODP 2048–8192. */
export const DH_GROUP_NUMBERS: readonly number[] = [1, 2, 3, 4, 5, 14, 15, 16, 17, 18];

/** The group numbers behind the MODP names, as `dh_group` stores them. */
const GROUP_OF_NAME: Readonly<Record<(typeof DH_GROUP_NAMES)[number], number>> = {
  modp768: 1,
  modp1024: 2,
  modp1536: 5,
  modp2048: 14,
  modp3072: 15,
  modp4096: 16,
  modp6144: 17,
  modp8192: 18,
};

/** The group a `dh_group` or `pfs_group` word names (`modp1024` and `2` are one group); undefined for anything else. */
export function dhGroupNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return DH_GROUP_NUMBERS.includes(Number(word)) ? Number(word) : undefined;
  return (GROUP_OF_NAME as Readonly<Record<string, number>>)[word];
}

export interface AlgorithmInfo {
  readonly name: string;
  /** Other names the lexer maps to the same algorithm. */
  readonly aliases?: readonly string[];
  /** Allowed key lengths in bits when the cipher has a variable key; absent means no key length allowed. */
  readonly keyLength?: { readonly min: number; readonly max: number; readonly only?: readonly number[] };
  /** Present only in some builds (OpenSSL without Camellia, racoon without hybrid auth). */
  readonly optional?: boolean;
  /**
   * Known to racoon only when it was configured with this option, which is off by default (the
   * patented IDEA and RC5 ciphers): a default build refuses the name ("algorithm mismatched").
   */
  readonly buildOption?: '--enable-idea' | '--enable-rc5';
  readonly note?: string;
}

const AES_KEYS = { min: 128, max: 256, only: [128, 192, 256] } as const;

/** Which names each algorithm directive accepts, from racoon's algorithm tables. */
export const ALGORITHMS: Readonly<Record<AlgorithmFamily, readonly AlgorithmInfo[]>> = {
  'isakmp-encryption': [
    { name: 'des', note: 'broken: 56-bit key' },
    { name: '3des' },
    { name: 'blowfish', keyLength: { min: 40, max: 448 } },
    { name: 'cast128', keyLength: { min: 40, max: 128 } },
    { name: 'aes', aliases: ['rijndael'], keyLength: AES_KEYS },
    { name: 'camellia', keyLength: AES_KEYS, optional: true },
    { name: 'idea', buildOption: '--enable-idea' },
    { name: 'rc5', keyLength: { min: 40, max: 2040 }, buildOption: '--enable-rc5' },
  ],
  'isakmp-hash': [
    { name: 'md5' },
    { name: 'sha1' },
    { name: 'sha256', aliases: ['sha2_256'] },
    { name: 'sha384', aliases: ['sha2_384'] },
    { name: 'sha512', aliases: ['sha2_512'] },
  ],
  'isakmp-authentication': [
    { name: 'pre_shared_key' },
    { name: 'rsasig' },
    { name: 'gssapi_krb', optional: true },
    { name: 'dsssig' },
    { name: 'rsaenc' },
    { name: 'rsarev' },
    { name: 'hybrid_rsa_server', optional: true },
    { name: 'hybrid_rsa_client', optional: true },
    { name: 'hybrid_dss_server', optional: true },
    { name: 'hybrid_dss_client', optional: true },
    { name: 'xauth_psk_server', optional: true },
    { name: 'xauth_psk_client', optional: true },
    { name: 'xauth_rsa_server', optional: true },
    { name: 'xauth_rsa_client', optional: true },
  ],
  'ipsec-encryption': [
    { name: 'des', note: 'broken: 56-bit key' },
    { name: '3des' },
    { name: 'des_iv64' },
    { name: 'des_iv32' },
    { name: 'blowfish', keyLength: { min: 40, max: 448 } },
    { name: 'cast128', keyLength: { min: 40, max: 128 } },
    { name: 'aes', aliases: ['rijndael'], keyLength: AES_KEYS },
    { name: 'twofish', keyLength: { min: 40, max: 256 } },
    { name: 'camellia', keyLength: AES_KEYS, optional: true },
    { name: 'null_enc', aliases: ['null'], note: 'no encryption at all' },
    { name: 'rc4', optional: true },
    { name: 'rc5', keyLength: { min: 40, max: 2040 }, buildOption: '--enable-rc5' },
    { name: 'idea', buildOption: '--enable-idea' },
    { name: '3idea', buildOption: '--enable-idea' },
  ],
  'ipsec-authentication': [
    { name: 'hmac_md5' },
    { name: 'hmac_sha1' },
    { name: 'hmac_sha256', aliases: ['hmac_sha2_256'] },
    { name: 'hmac_sha384', aliases: ['hmac_sha2_384'] },
    { name: 'hmac_sha512', aliases: ['hmac_sha2_512'] },
    { name: 'non_auth', note: 'no integrity protection' },
    { name: 'kpdk' },
  ],
  'ipsec-compression': [{ name: 'deflate' }, { name: 'lzs' }, { name: 'oui' }],
};

/** Every algorithm-like word racoon's lexer knows, whatever the family; used to tell a misplaced name from a typo. */
export const ALL_ALGORITHM_WORDS: ReadonlySet<string> = new Set([
  ...Object.values(ALGORITHMS).flatMap((list) => list.flatMap((a) => [a.name, ...(a.aliases ?? [])])),
  ...DH_GROUP_NAMES,
  'ec2n155',
  'ec2n185',
  'tiger',
  'des_mac',
]);

export function findAlgorithm(family: AlgorithmFamily, word: string): AlgorithmInfo | undefined {
  return ALGORITHMS[family].find((a) => a.name === word || (a.aliases?.includes(word) ?? false));
}

/** Ciphers whose name may carry its key length glued on, as racoon's lexer splits `aes256` into `aes 256`. */
export const VARIABLE_KEY_CIPHERS: readonly string[] = ['blowfish', 'cast128', 'aes', 'rijndael', 'twofish', 'camellia', 'rc5'];

export function isKeyLengthAllowed(info: AlgorithmInfo, bits: number): boolean {
  const range = info.keyLength;
  if (!range) return false;
  if (range.only) return range.only.includes(bits);
  return bits % 8 === 0 && bits >= range.min && bits <= range.max;
}
