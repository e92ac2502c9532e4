/** IANA's key exchange methods for IKEv2 (transform type 4) by number, as a person names them. */
export const KEY_EXCHANGE_GROUPS: Readonly<Record<string, string>> = {
  '0': 'none (no key exchange)',
  '1': '768-bit MODP',
  '2': '1024-bit MODP',
  '5': '1536-bit MODP',
  '14': '2048-bit MODP',
  '15': '3072-bit MODP',
  '16': '4096-bit MODP',
  '17': '6144-bit MODP',
  '18': '8192-bit MODP',
  '19': '256-bit random ECP (NIST P-256)',
  '20': '384-bit random ECP (NIST P-384)',
  '21': '521-bit random ECP (NIST P-521)',
  '22': '1024-bit MODP with a 160-bit prime order subgroup',
  '23': '2048-bit MODP with a 224-bit prime order subgroup',
  '24': '2048-bit MODP with a 256-bit prime order subgroup',
  '25': '192-bit random ECP (NIST P-192)',
  '26': '224-bit random ECP (NIST P-224)',
  '27': 'Brainpool P-224',
  '28': 'Brainpool P-256',
  '29': 'Brainpool P-384',
  '30': 'Brainpool P-512',
  '31': 'Curve25519',
  '32': 'Curve448',
  '35': 'ML-KEM-512 (post-quantum)',
  '36': 'ML-KEM-768 (post-quantum)',
  '37': 'ML-KEM-1024 (post-quantum)',
};

/** Key exchange words that name no DH group but an IANA number all the same. */
export const KEY_EXCHANGE_WORDS: Readonly<Record<string, string>> = {
  mlkem512: '35', ml_kem_512: '35', mlkem768: '36', ml_kem_768: '36', mlkem1024: '37', ml_kem_1024: '37', modpnone: '0', modpnull: '0',
};
