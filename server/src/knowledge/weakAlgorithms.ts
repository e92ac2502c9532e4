/**
 * Algorithms the IETF's requirements for IPsec say not to use (RFC 8221 for ESP and AH, RFC 8247
 * for IKEv2), and how each configuration format names them. Facts only: which words, which family,
 * how strongly the RFCs advise against it; the rule words the messages.
 */
export type WeakFamily = 'des' | '3des' | 'blowfish' | 'md5' | 'modp768' | 'modp1024' | 'modp1024s160';

export interface WeakFamilyFacts {
  /** How a person names it. */
  readonly name: string;
  /** Why it is weak, and the RFC's word for it. */
  readonly why: string;
  /** What to use instead. */
  readonly instead: string;
  /** Advised against for ESP only: RFC 8247 still allows it for IKE. */
  readonly espOnly?: boolean;
}

const DH_INSTEAD = 'modp2048 (group 14) or stronger, or an elliptic-curve group such as ecp256 or curve25519';

export const WEAK_FAMILIES: Readonly<Record<WeakFamily, WeakFamilyFacts>> = {
  des: { name: 'DES', why: 'a 56-bit key, found by brute force in hours (RFC 8221 and RFC 8247: MUST NOT)', instead: 'AES' },
  '3des': { name: '3DES', why: 'a 64-bit block, so a long-lived SA leaks plaintext (Sweet32; RFC 8221: SHOULD NOT)', instead: 'AES', espOnly: true },
  blowfish: { name: 'Blowfish', why: 'a 64-bit block, so a long-lived SA leaks plaintext (RFC 8221 and RFC 8247: MUST NOT)', instead: 'AES' },
  md5: { name: 'MD5', why: 'a broken hash (RFC 8221 and RFC 8247: MUST NOT for integrity or as PRF)', instead: 'SHA-256' },
  modp768: { name: 'DH group 1, 768-bit MODP', why: 'broken by public computations (RFC 8247: MUST NOT)', instead: DH_INSTEAD },
  modp1024: { name: 'DH group 2, 1024-bit MODP', why: 'within reach of precomputation by a well-funded attacker (Logjam; RFC 8247: SHOULD NOT)', instead: DH_INSTEAD },
  modp1024s160: { name: 'DH group 22, 1024-bit MODP with a 160-bit subgroup', why: 'as weak as group 2 (RFC 8247: SHOULD NOT)', instead: DH_INSTEAD },
};

const family = (family: WeakFamily, words: readonly string[]): Array<[string, WeakFamily]> => words.map((word) => [word, family]);

/** Words of ipsec.conf proposals (`ike=`, `esp=`, `ah=`, `phase2alg=`, `pfsgroup=`) in Libreswan, strongSwan and Openswan, lower case. */
export const IPSEC_CONF_WEAK_WORDS: ReadonlyMap<string, WeakFamily> = new Map([
  ...family('des', ['des', 'des_iv64', 'des_iv32']),
  ...family('3des', ['3des', '3des_cbc']),
  ...family('blowfish', ['blowfish', 'blowfish128', 'blowfish192', 'blowfish256']),
  ...family('md5', ['md5', 'md5_128', 'hmac_md5', 'hmac_md5_96', 'prfmd5']),
  ...family('modp768', ['modp768', 'dh1']),
  ...family('modp1024', ['modp1024', 'dh2']),
  ...family('modp1024s160', ['modp1024s160', 'dh22']),
]);

/** Words of racoon.conf, by the statement that takes them. */
export const RACOON_WEAK_WORDS: Readonly<Record<string, ReadonlyMap<string, WeakFamily>>> = {
  encryption_algorithm: new Map([...family('des', ['des', 'des_iv64', 'des_iv32']), ...family('3des', ['3des']), ...family('blowfish', ['blowfish'])]),
  hash_algorithm: new Map(family('md5', ['md5'])),
  authentication_algorithm: new Map(family('md5', ['hmac_md5'])),
  dh_group: new Map([...family('modp768', ['1', 'modp768']), ...family('modp1024', ['2', 'modp1024'])]),
  pfs_group: new Map([...family('modp768', ['1', 'modp768']), ...family('modp1024', ['2', 'modp1024'])]),
};

/** Names after setkey's `-E` and `-A`. */
export const SETKEY_WEAK_WORDS: Readonly<Record<'-E' | '-A', ReadonlyMap<string, WeakFamily>>> = {
  '-E': new Map([...family('des', ['des-cbc', 'des-deriv', 'des-32iv']), ...family('3des', ['3des-cbc']), ...family('blowfish', ['blowfish-cbc'])]),
  '-A': new Map(family('md5', ['hmac-md5', 'keyed-md5'])),
};
