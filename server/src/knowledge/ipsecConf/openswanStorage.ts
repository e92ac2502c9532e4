/**
 * How Openswan 2.6's `confread.c` stores conn keywords, which decides whether a key repeated in
 * one conn refuses the conn. Types as in lib/libipsecconf/keywords.c (v2.6.52.3); a left/right
 * keyword is listed by its base name (`id` for leftid=, `''` for left=).
 */

/** Kept as text (kt_string, kt_filename, kt_ipaddr, kt_subnet, kt_idtype, kt_bitstring): refused when the two texts differ. */
export const OPENSWAN_STRING_CONN_KEYS: ReadonlySet<string> = new Set([
  'ah', 'ca', 'cert', 'esp', 'espauthkey', 'espenckey', 'id', 'ike', 'modecfgdns1', 'modecfgdns2', 'modecfgwins1',
  'modecfgwins2', 'nexthop', 'phase2alg', 'policy_label', 'protoport', 'sourceip', 'subnet', 'subnetwithin',
  'updown', 'xauthname', 'xauthusername',
]);

/** Loose enums (kt_loose_enumarg, kt_rsakey): a listed word or any other text, by base name with the listed words. */
export const OPENSWAN_LOOSE_ENUM_CONN_KEYS: ReadonlyMap<string, { readonly words: ReadonlySet<string>; readonly argumentAfter?: string }> = new Map([
  ['', { words: new Set(['%unset', '%defaultroute', '%any', '%', '%oppo', '%opportunistic', '%opportunisticgroup', '%oppogroup', '%group', '%address', '%dns', '%hostname']), argumentAfter: '/' }],
  ['rsasigkey', { words: new Set(['', '%cert', '%dns', '%dnsondemand']) }],
  ['rsasigkey2', { words: new Set(['', '%cert', '%dns', '%dnsondemand']) }],
]);

/** Read as yes/no (kt_bool, kt_invertbool) or as a plain number (kt_number): refused when the readings differ. */
export const OPENSWAN_BOOLEAN_CONN_KEYS: ReadonlySet<string> = new Set([
  'aggressive', 'aggrmode', 'compress', 'disablearrivalcheck', 'firewall', 'forceencaps', 'labeled_ipsec', 'loopback',
  'modecfgclient', 'modecfgpull', 'modecfgserver', 'narrowing', 'nm_configured', 'overlapip', 'pfs', 'rekey',
  'sha2_truncbug', 'xauthclient', 'xauthserver',
]);

export const OPENSWAN_NUMBER_CONN_KEYS: ReadonlySet<string> = new Set(['espreplay_window', 'firstmsgid', 'keyingtries', 'metric', 'mtu', 'spi', 'spibase']);

/** `config setup` keys read as yes/no (kt_bool) or as a number (kt_number). */
const OPENSWAN_BOOLEAN_SETUP_KEYS = [
  'disable_port_floating', 'force_busy', 'force_keepalive', 'fragicmp', 'hidetos', 'nat_traversal', 'nocrsend', 'oe',
  'plutorestartoncrash', 'plutostderrlogtime', 'plutowait', 'strictcrlpolicy', 'uniqueids',
];
const OPENSWAN_NUMBER_SETUP_KEYS = ['keep_alive', 'nhelpers', 'overridemtu', 'secctx_attr_value'];

/**
 * Keys whose value Openswan's grammar takes only as a bare number or yes/no word: a quoted value
 * is a string token there, and the file does not load ("value is not a number", or `"` for yes/no).
 */
export const OPENSWAN_UNQUOTABLE_KEYS: ReadonlyMap<string, 'yes/no' | 'number'> = new Map([
  ...[...OPENSWAN_BOOLEAN_CONN_KEYS, ...OPENSWAN_BOOLEAN_SETUP_KEYS].map((key) => [key, 'yes/no'] as const),
  ...[...OPENSWAN_NUMBER_CONN_KEYS, ...OPENSWAN_NUMBER_SETUP_KEYS].map((key) => [key, 'number'] as const),
]);

/**
 * Conn keys read as one enum value (kt_enum): each group lists the words that read as the same
 * value (matched ignoring case). Two different values of one key refuse the conn.
 */
export const OPENSWAN_ENUM_CONN_KEYS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ['type', [['tunnel'], ['transport'], ['udp', 'udpencap'], ['pass', 'passthrough'], ['reject'], ['drop']]],
  ['auto', [['ignore'], ['add'], ['route'], ['start', 'up']]],
  ['authby', [['never'], ['rsasig'], ['secret']]],
  ['dpdaction', [['hold'], ['clear'], ['restart'], ['restart_by_peer']]],
  ['phase2', [['ah+esp'], ['esp', 'default'], ['ah']]],
  ['auth', [['ah+esp'], ['esp', 'default'], ['ah']]],
  ['sendcert', [['never'], ['sendifasked'], ['alwayssend', 'always'], ['forcedtype']]],
  ['ikev2', [['never', 'no'], ['permit'], ['propose', 'yes'], ['insist', 'always']]],
  ['sareftrack', [['yes'], ['no'], ['conntrack']]],
  ['failureshunt', [['none'], ['passthrough'], ['drop'], ['reject']]],
]);
