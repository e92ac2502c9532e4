/**
 * How Libreswan 4's `confread.c` stores conn keywords, which decides whether a key repeated in
 * one conn refuses the conn. Names as in lib/libipsecconf/keywords.c (tags v4.0 to v4.15); a
 * left/right keyword is listed by its base name (`id` for leftid=, `''` for left=).
 */

/** Stored as strings (kt_string, kt_filename, kt_dirname, kt_ipaddr, kt_range, kt_subnet, kt_idtype). */
export const LIBRESWAN_4_STRING_CONN_KEYS: ReadonlySet<string> = new Set([
  'accept-redirect-to', 'addresspool', 'ah', 'alsoflip', 'authby', 'ca', 'cert', 'ckaid', 'esp', 'id', 'ike',
  'interface-ip', 'mark', 'mark-in', 'mark-out', 'modecfgbanner', 'modecfgdns', 'modecfgdomains', 'nexthop',
  'phase2alg', 'policy-label', 'protoport', 'redirect-to', 'sec-label', 'sourceip', 'subnet', 'updown',
  'username', 'vti', 'vti-interface', 'xauthusername',
]);

/**
 * Loose enums (kt_loose_enum, kt_pubkey): a listed word, or any other text. Keyed by base name,
 * with the listed words (kw_host_list, kw_pubkey_list, kw_yndev_list).
 */
export const LIBRESWAN_4_LOOSE_ENUM_CONN_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['', new Set(['%defaultroute', '%any', '%', '%oppo', '%opportunistic', '%opportunisticgroup', '%oppogroup', '%group', '%hostname'])],
  ['rsasigkey', new Set(['', '%cert', '%dns', '%dnsondemand'])],
  ['ecdsakey', new Set(['', '%cert', '%dns', '%dnsondemand'])],
  ['pubkey', new Set(['', '%cert', '%dns', '%dnsondemand'])],
  ['ipsec-interface', new Set(['yes', 'no'])],
]);
