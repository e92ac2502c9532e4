/** Facts about setkey(8) from ipsec-tools: algorithms with the key lengths the kernel accepts, and policy words. */

export interface AlgorithmFacts {
  readonly name: string;
  /** Allowed key lengths in bits: exact values, or an inclusive range. */
  readonly bits: readonly number[] | { readonly min: number; readonly max: number };
  readonly doc: string;
}

export const ENCRYPTION_ALGORITHMS: readonly AlgorithmFacts[] = [
  { name: 'des-cbc', bits: [64], doc: 'DES: broken, kept for old peers only.' },
  { name: '3des-cbc', bits: [192], doc: 'Triple DES with a 192-bit key (168 effective bits): slow and dated.' },
  { name: 'null', bits: [0], doc: 'No encryption: ESP with integrity protection only.' },
  { name: 'blowfish-cbc', bits: { min: 40, max: 448 }, doc: 'Blowfish with a 40 to 448-bit key.' },
  { name: 'cast128-cbc', bits: { min: 40, max: 128 }, doc: 'CAST-128 with a 40 to 128-bit key.' },
  { name: 'des-deriv', bits: [64], doc: 'DES with derived IV (RFC 1827 era).' },
  { name: '3des-deriv', bits: [192], doc: 'Triple DES with derived IV (RFC 1851 era).' },
  { name: 'rijndael-cbc', bits: [128, 192, 256], doc: 'AES (its original name) with a 128, 192 or 256-bit key.' },
  { name: 'aes-cbc', bits: [128, 192, 256], doc: 'AES in CBC mode with a 128, 192 or 256-bit key.' },
  { name: 'twofish-cbc', bits: { min: 0, max: 256 }, doc: 'Twofish with a key up to 256 bits.' },
  { name: 'aes-ctr', bits: [160, 224, 288], doc: 'AES in counter mode: the key includes a 32-bit nonce (so 128+32, 192+32 or 256+32 bits).' },
  { name: 'camellia-cbc', bits: [128, 192, 256], doc: 'Camellia with a 128, 192 or 256-bit key.' },
];

export const AUTHENTICATION_ALGORITHMS: readonly AlgorithmFacts[] = [
  { name: 'hmac-md5', bits: [128], doc: 'HMAC-MD5-96: a 128-bit key.' },
  { name: 'hmac-sha1', bits: [160], doc: 'HMAC-SHA1-96: a 160-bit key.' },
  { name: 'keyed-md5', bits: [128], doc: 'Keyed MD5 (RFC 1828): obsolete.' },
  { name: 'keyed-sha1', bits: [160], doc: 'Keyed SHA-1: obsolete.' },
  { name: 'hmac-sha256', bits: [256], doc: 'HMAC-SHA-256: a 256-bit key.' },
  { name: 'hmac-sha384', bits: [384], doc: 'HMAC-SHA-384: a 384-bit key.' },
  { name: 'hmac-sha512', bits: [512], doc: 'HMAC-SHA-512: a 512-bit key.' },
  { name: 'hmac-ripemd160', bits: [160], doc: 'HMAC-RIPEMD-160: a 160-bit key.' },
  { name: 'aes-xcbc-mac', bits: [128], doc: 'AES-XCBC-MAC-96: a 128-bit key.' },
  { name: 'tcp-md5', bits: { min: 8, max: 640 }, doc: 'TCP MD5 signatures (RFC 2385), used with protocol tcp.' },
  { name: 'null', bits: [0], doc: 'No authentication.' },
];

export const COMPRESSION_ALGORITHMS = ['deflate', 'lzs', 'oui'] as const;
export const SA_PROTOCOLS = ['esp', 'esp-old', 'ah', 'ah-old', 'ipcomp', 'tcp'] as const;
export const REQUEST_PROTOCOLS = ['esp', 'ah', 'ipcomp'] as const;
export const MODES = ['transport', 'tunnel', 'any'] as const;
export const LEVELS = ['default', 'use', 'require', 'unique'] as const;
export const DIRECTIONS = ['in', 'out', 'fwd'] as const;
export const POLICY_ACTIONS = ['discard', 'none', 'entrust', 'ipsec', 'bypass', 'generate'] as const;

/** Bits in a key as setkey reads it: `0x` hex digits × 4, or a quoted string's characters × 8. */
export function keyBits(key: string, quoted: boolean): number | undefined {
  if (quoted) return key.length * 8;
  if (/^0x[0-9a-fA-F]*$/.test(key)) return (key.length - 2) * 4;
  return undefined;
}

export function allowsBits(facts: AlgorithmFacts, bits: number): boolean {
  return Array.isArray(facts.bits) ? facts.bits.includes(bits) : bits >= (facts.bits as { min: number }).min && bits <= (facts.bits as { max: number }).max;
}

export function describeBits(facts: AlgorithmFacts): string {
  return Array.isArray(facts.bits) ? facts.bits.join(' or ') : `${(facts.bits as { min: number }).min} to ${(facts.bits as { max: number }).max}`;
}
