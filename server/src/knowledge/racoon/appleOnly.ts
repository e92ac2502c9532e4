/**
 * Statements only Apple's racoon (the ipsec-tools fork in macOS and iOS) reads, with the block
 * each stands in; ipsec-tools' own racoon refuses a file that has one. Read from Apple's
 * racoon/cftoken.l; the ipsec-tools lexer has none of these words.
 */
export const APPLE_ONLY_RACOON_STATEMENTS: ReadonlyMap<string, 'timer' | 'remote'> = new Map([
  ['auto_exit_delay', 'timer'],
  ['open_dir_auth_group', 'remote'],
  ['shared_secret', 'remote'],
  ['certificate_verification', 'remote'],
  ['nat_traversal_multi_user', 'remote'],
  ['nat_traversal_keepalive', 'remote'],
  ['dpd_algorithm', 'remote'],
  ['disconnect_on_idle', 'remote'],
  ['idle_timeout', 'remote'],
  ['idle_direction', 'remote'],
]);

/** Retired words Apple's racoon still reads, warning that they are obsolete, with what it reads them as. */
export const APPLE_STILL_READS: ReadonlyMap<string, string> = new Map([['support_mip6', 'support_proxy']]);

/**
 * Argument words only Apple's racoon has tokens for (`my_identifier keyid_use "…"`,
 * `certificate_type x509 in_keychain`); ipsec-tools' racoon stops on them ("Apple specific
 * features not compiled in"). Read from Apple's racoon/cftoken.l.
 */
export const APPLE_ONLY_RACOON_WORDS: ReadonlySet<string> = new Set([
  'keyid_use', 'in_keychain', 'use', 'key', 'keychain', 'keychain_by_id', 'openssl', 'sec_framework', 'use_open_dir', 'use_peers_identifier',
]);
