/**
 * What `setkey -f` files may say, as data: commands, flags, SA protocols, algorithms with their key
 * sizes, upper-layer protocols and the words of a `-P` policy. Validation, completion and hover read it.
 * Facts from ipsec-tools 0.8.2 (src/setkey/token.l, parse.y, setkey.8 and libipsec's policy grammar),
 * with the few words that only the BSD setkey or the maintained ipsec-tools fork know marked as such.
 */

/** Which setkey builds accept a word. */
export type Availability =
  /** ipsec-tools 0.8 and the BSD setkey alike. */
  | 'all'
  /** Only the FreeBSD/NetBSD setkey: ipsec-tools on Linux rejects it. */
  | 'bsd'
  /** Only the maintained ipsec-tools fork (0.9). */
  | 'fork'
  /** Named in old documentation, accepted by no current setkey. */
  | 'retired';

export interface Documented {
  readonly name: string;
  /** One or two sentences for hover and completion. */
  readonly doc: string;
}

// ---------------------------------------------------------------- commands

export const SETKEY_COMMAND_NAMES = [
  'add', 'get', 'getspi', 'delete', 'deleteall', 'flush', 'dump',
  'spdadd', 'spdupdate', 'spddelete', 'spdflush', 'spddump',
  'exit', 'quit', 'bye',
] as const;
export type SetkeyCommandName = (typeof SETKEY_COMMAND_NAMES)[number];

/** How the arguments of a command are laid out. */
export type CommandShape =
  /** `[-46n] src dst protocol [spi] [extensions] [algorithms]` */
  | 'security-association'
  /** `[protocol]` */
  | 'protocol-filter'
  /** `[-46n] src_range dst_range upperspec [label] -P policy`, or `tagged "tag" -P policy` */
  | 'policy'
  /** nothing but `;` */
  | 'bare';

export interface SetkeyCommand extends Documented {
  readonly name: SetkeyCommandName;
  readonly shape: CommandShape;
  readonly synopsis: string;
  readonly availability: Availability;
  /** Security-association commands: whether an SPI follows the protocol. */
  readonly takesSpi?: boolean;
  /** Security-association commands: whether `-m`, `-u`, `-r`, … may follow. */
  readonly takesExtensions?: boolean;
  /** Security-association commands: whether `-E`/`-A`/`-C` must follow. */
  readonly needsAlgorithm?: boolean;
  /** Policy commands: whether the selector may be replaced by `tagged "name"`. */
  readonly allowsTag?: boolean;
  /** Security-association commands: whether the addresses may carry a `[port]`. */
  readonly addressPorts?: boolean;
}

const sa = { shape: 'security-association', availability: 'all', addressPorts: true } as const;

export const SETKEY_COMMANDS: Readonly<Record<SetkeyCommandName, SetkeyCommand>> = {
  add: { ...sa, name: 'add', synopsis: 'add [-46n] src dst protocol spi [extensions] algorithm… ;', takesSpi: true, takesExtensions: true, needsAlgorithm: true, doc: 'Installs a security association by hand (manual keying), with its SPI, algorithms and keys. The kernel refuses it when a key does not fit its algorithm.' },
  get: { ...sa, name: 'get', synopsis: 'get [-46n] src dst protocol spi ;', takesSpi: true, takesExtensions: true, doc: 'Prints one security association, found by addresses, protocol and SPI.' },
  getspi: { ...sa, name: 'getspi', synopsis: 'getspi [-46n] src dst protocol spi [extensions] ;', availability: 'fork', takesSpi: true, takesExtensions: true, doc: 'Reserves an SPI for a larval security association. Only the maintained ipsec-tools fork knows this command.' },
  delete: { ...sa, name: 'delete', synopsis: 'delete [-46n] src dst protocol spi ;', takesSpi: true, takesExtensions: true, doc: 'Removes one security association, found by addresses, protocol and SPI.' },
  deleteall: { ...sa, name: 'deleteall', synopsis: 'deleteall [-46n] src dst protocol ;', addressPorts: false, doc: 'Removes every security association between the two addresses for the protocol, whatever its SPI.' },
  flush: { name: 'flush', shape: 'protocol-filter', availability: 'all', synopsis: 'flush [protocol] ;', doc: 'Empties the security association database, or only the associations of one protocol. Same as `setkey -F`.' },
  dump: { name: 'dump', shape: 'protocol-filter', availability: 'all', synopsis: 'dump [protocol] ;', doc: 'Prints the security associations, or only those of one protocol. Same as `setkey -D`.' },
  spdadd: { name: 'spdadd', shape: 'policy', availability: 'all', allowsTag: true, synopsis: 'spdadd [-46n] src_range dst_range upperspec [label] -P policy ;', doc: 'Adds a security policy: which traffic (addresses, ports, protocol) in which direction is discarded, let through, or protected by IPsec. Fails when the same policy exists already.' },
  spdupdate: { name: 'spdupdate', shape: 'policy', availability: 'all', allowsTag: true, synopsis: 'spdupdate [-46n] src_range dst_range upperspec [label] -P policy ;', doc: 'Replaces a security policy with the same selector and direction, or adds it.' },
  spddelete: { name: 'spddelete', shape: 'policy', availability: 'all', synopsis: 'spddelete [-46n] src_range dst_range upperspec [label] -P direction ;', doc: 'Removes the security policy with this selector and direction.' },
  spdflush: { name: 'spdflush', shape: 'bare', availability: 'all', synopsis: 'spdflush ;', doc: 'Empties the security policy database. Same as `setkey -FP`.' },
  spddump: { name: 'spddump', shape: 'bare', availability: 'all', synopsis: 'spddump ;', doc: 'Prints the security policies. Same as `setkey -DP`.' },
  exit: { name: 'exit', shape: 'bare', availability: 'all', synopsis: 'exit ;', doc: 'Stops reading: setkey ignores everything after it.' },
  quit: { name: 'quit', shape: 'bare', availability: 'all', synopsis: 'quit ;', doc: 'Same as `exit`: stops reading.' },
  bye: { name: 'bye', shape: 'bare', availability: 'all', synopsis: 'bye ;', doc: 'Same as `exit`: stops reading.' },
};

export function isSetkeyCommand(word: string): word is SetkeyCommandName {
  return Object.prototype.hasOwnProperty.call(SETKEY_COMMANDS, word);
}

// ---------------------------------------------------------------- flags before the addresses

export const ADDRESS_OPTIONS: readonly Documented[] = [
  { name: '-4', doc: 'Resolve host names to IPv4 addresses only.' },
  { name: '-6', doc: 'Resolve host names to IPv6 addresses only.' },
  { name: '-n', doc: 'Do not resolve names: every address must be numeric.' },
];

// ---------------------------------------------------------------- security associations

export const SA_PROTOCOL_NAMES = ['esp', 'esp-old', 'esp-udp', 'ah', 'ah-old', 'ipcomp', 'tcp'] as const;
export type SaProtocolName = (typeof SA_PROTOCOL_NAMES)[number];

export interface SaProtocol extends Documented {
  readonly name: SaProtocolName;
  /** The RFC 1826/1827 variant: no replay window, `des-32iv` instead of `des-deriv`. */
  readonly old: boolean;
  /** Which algorithm flags make sense for it. */
  readonly algorithmFlags: readonly AlgorithmFlag[];
}

export const SA_PROTOCOLS: Readonly<Record<SaProtocolName, SaProtocol>> = {
  esp: { name: 'esp', old: false, algorithmFlags: ['-E', '-A'], doc: 'Encapsulating Security Payload (RFC 2406): encryption, optionally with integrity protection.' },
  'esp-old': { name: 'esp-old', old: true, algorithmFlags: ['-E', '-A'], doc: 'ESP as first specified (RFC 1827): no replay protection. Only for very old peers.' },
  'esp-udp': { name: 'esp-udp', old: false, algorithmFlags: ['-E', '-A'], doc: 'ESP inside UDP for NAT traversal (RFC 3948). May be followed by the original address before NAT.' },
  ah: { name: 'ah', old: false, algorithmFlags: ['-A'], doc: 'Authentication Header (RFC 2402): integrity protection without encryption.' },
  'ah-old': { name: 'ah-old', old: true, algorithmFlags: ['-A'], doc: 'AH as first specified (RFC 1826): no replay protection. Only for very old peers.' },
  ipcomp: { name: 'ipcomp', old: false, algorithmFlags: ['-C'], doc: 'IP payload compression (RFC 3173). The SPI field holds the compression parameter index.' },
  tcp: { name: 'tcp', old: false, algorithmFlags: ['-A'], doc: 'TCP-MD5 signatures (RFC 2385), as used between BGP peers; takes `-A tcp-md5` and the SPI 0x1000.' },
};

export function isSaProtocol(word: string): word is SaProtocolName {
  return Object.prototype.hasOwnProperty.call(SA_PROTOCOLS, word);
}

export const SA_MODES: readonly Documented[] = [
  { name: 'transport', doc: 'The SA protects traffic between the two hosts themselves.' },
  { name: 'tunnel', doc: 'The SA carries whole packets between two gateways.' },
  { name: 'any', doc: 'The SA may be used in either mode (the default).' },
];

export const PADDING_OPTIONS: readonly Documented[] = [
  { name: 'zero-pad', doc: 'Fill ESP padding with zeros.' },
  { name: 'random-pad', doc: 'Fill ESP padding with random bytes.' },
  { name: 'seq-pad', doc: 'Fill ESP padding with the sequence 1, 2, 3 and so on.' },
  { name: 'nocyclic-seq', doc: 'Do not let the sequence number wrap around.' },
];

/** What follows an extension flag. */
export type ExtensionArgument = 'mode' | 'decimal' | 'padding' | 'security-context';

export interface SaExtension extends Documented {
  readonly argument: ExtensionArgument;
}

export const SA_EXTENSIONS: readonly SaExtension[] = [
  { name: '-m', argument: 'mode', doc: 'The mode the SA may be used in: transport, tunnel or any (the default).' },
  { name: '-r', argument: 'decimal', doc: 'Size of the replay window; 0 or leaving it out turns replay checks off. Not allowed with ah-old or esp-old.' },
  { name: '-u', argument: 'decimal', doc: 'Request id: binds the SA to a policy whose level is `unique:id` with the same number.' },
  { name: '-f', argument: 'padding', doc: 'ESP padding content (zero-pad, random-pad, seq-pad), or nocyclic-seq.' },
  { name: '-lh', argument: 'decimal', doc: 'Hard lifetime in seconds: the SA is removed after it.' },
  { name: '-ls', argument: 'decimal', doc: 'Soft lifetime in seconds: the key daemon is asked for a new SA after it.' },
  { name: '-bh', argument: 'decimal', doc: 'Hard lifetime in bytes carried.' },
  { name: '-bs', argument: 'decimal', doc: 'Soft lifetime in bytes carried.' },
  { name: '-ctx', argument: 'security-context', doc: 'Security label for SELinux and other LSMs: domain of interpretation, algorithm, then the quoted context name.' },
];

// ---------------------------------------------------------------- algorithms

export type AlgorithmFlag = '-E' | '-A' | '-C';

/** Key sizes in bits an algorithm takes. */
export type KeySize =
  | { readonly kind: 'none' }
  | { readonly kind: 'exact'; readonly bits: readonly number[] }
  | { readonly kind: 'range'; readonly min: number; readonly max: number };

export interface Algorithm extends Documented {
  readonly key: KeySize;
  readonly availability: Availability;
  /** Another spelling of this algorithm. */
  readonly aliasOf?: string;
  /** Broken or deprecated: fine for tests, not for protecting traffic. */
  readonly weak?: boolean;
  /** Only with these SA protocols (setkey refuses it with the others). */
  readonly onlyWith?: readonly SaProtocolName[];
}

const exact = (...bits: number[]): KeySize => ({ kind: 'exact', bits });
const range = (min: number, max: number): KeySize => ({ kind: 'range', min, max });
const NO_KEY: KeySize = { kind: 'none' };

export const ENCRYPTION_ALGORITHMS: readonly Algorithm[] = [
  { name: 'des-cbc', key: exact(64), availability: 'all', weak: true, doc: 'DES in CBC mode: a 56-bit cipher that is broken today.' },
  { name: '3des-cbc', key: exact(192), availability: 'all', weak: true, doc: 'Triple DES: three DES keys in a row, slow and with a 64-bit block.' },
  { name: 'null', key: NO_KEY, availability: 'all', doc: 'No encryption (RFC 2410): ESP with integrity protection only. Takes no key.' },
  { name: 'simple', key: NO_KEY, availability: 'all', weak: true, doc: 'An obsolete spelling of null encryption; setkey warns about it.' },
  { name: 'blowfish-cbc', key: range(40, 448), availability: 'all', weak: true, doc: 'Blowfish in CBC mode, a 64-bit block cipher.' },
  { name: 'cast128-cbc', key: range(40, 128), availability: 'all', weak: true, doc: 'CAST-128 in CBC mode, a 64-bit block cipher.' },
  { name: 'des-deriv', key: exact(64), availability: 'all', weak: true, onlyWith: ['esp', 'esp-udp'], doc: 'DES with an IV derived from the sequence number (an old draft). Not with esp-old.' },
  { name: 'des-32iv', key: exact(64), availability: 'all', weak: true, onlyWith: ['esp-old'], doc: 'DES with a 32-bit IV, for esp-old only.' },
  { name: 'twofish-cbc', key: range(0, 256), availability: 'all', doc: 'Twofish in CBC mode.' },
  { name: 'aes-cbc', key: exact(128, 192, 256), availability: 'all', doc: 'AES in CBC mode (RFC 3602).' },
  { name: 'rijndael-cbc', key: exact(128, 192, 256), availability: 'all', aliasOf: 'aes-cbc', doc: 'AES in CBC mode, under the cipher\'s original name.' },
  { name: 'aes-ctr', key: exact(160, 224, 288), availability: 'all', doc: 'AES in counter mode (RFC 3686): the key ends with a 32-bit nonce, so 128, 192 or 256 bits plus 32.' },
  { name: 'camellia-cbc', key: exact(128, 192, 256), availability: 'all', doc: 'Camellia in CBC mode (RFC 4312).' },
  { name: 'aes-gcm-16', key: exact(160, 224, 288), availability: 'bsd', doc: 'AES-GCM with a 16-byte ICV (RFC 4106): the key ends with a 32-bit salt. Known to the FreeBSD and NetBSD setkey, not to ipsec-tools.' },
  { name: '3des-deriv', key: exact(192), availability: 'retired', weak: true, doc: 'Listed in setkey(8), but setkey\'s scanner does not know it.' },
  { name: 'rc5-cbc', key: range(40, 2040), availability: 'retired', weak: true, doc: 'RC5 was dropped from setkey long ago.' },
];

export const AUTHENTICATION_ALGORITHMS: readonly Algorithm[] = [
  { name: 'hmac-md5', key: exact(128), availability: 'all', weak: true, doc: 'HMAC-MD5-96 (RFC 2403).' },
  { name: 'hmac-sha1', key: exact(160), availability: 'all', doc: 'HMAC-SHA1-96 (RFC 2404).' },
  { name: 'keyed-md5', key: exact(128), availability: 'all', weak: true, doc: 'Keyed MD5 (RFC 1828), for ah-old peers.' },
  { name: 'keyed-sha1', key: exact(160), availability: 'all', weak: true, doc: 'Keyed SHA-1 without HMAC, for old peers.' },
  { name: 'hmac-sha256', key: exact(256), availability: 'all', doc: 'HMAC-SHA-256.' },
  { name: 'hmac-sha2-256', key: exact(256), availability: 'all', aliasOf: 'hmac-sha256', doc: 'HMAC-SHA-256.' },
  { name: 'hmac-sha384', key: exact(384), availability: 'all', doc: 'HMAC-SHA-384.' },
  { name: 'hmac-sha2-384', key: exact(384), availability: 'all', aliasOf: 'hmac-sha384', doc: 'HMAC-SHA-384.' },
  { name: 'hmac-sha512', key: exact(512), availability: 'all', doc: 'HMAC-SHA-512.' },
  { name: 'hmac-sha2-512', key: exact(512), availability: 'all', aliasOf: 'hmac-sha512', doc: 'HMAC-SHA-512.' },
  { name: 'hmac-ripemd160', key: exact(160), availability: 'all', doc: 'HMAC-RIPEMD-160-96 (RFC 2857).' },
  { name: 'aes-xcbc-mac', key: exact(128), availability: 'all', doc: 'AES-XCBC-MAC-96 (RFC 3566).' },
  { name: 'tcp-md5', key: range(8, 640), availability: 'bsd', onlyWith: ['tcp'], doc: 'TCP-MD5 signature key (RFC 2385), 1 to 80 bytes. Only where the kernel supports it (the BSDs).' },
  { name: 'null', key: NO_KEY, availability: 'all', doc: 'No integrity protection. Takes no key.' },
];

export const COMPRESSION_ALGORITHMS: readonly Algorithm[] = [
  { name: 'deflate', key: NO_KEY, availability: 'all', doc: 'DEFLATE compression (RFC 2394).' },
  { name: 'lzs', key: NO_KEY, availability: 'all', doc: 'LZS compression (RFC 2395), where the kernel has it.' },
  { name: 'oui', key: NO_KEY, availability: 'all', doc: 'A vendor-specific compression algorithm, where the kernel has it.' },
];

export const ALGORITHM_FLAGS: Readonly<Record<AlgorithmFlag, Documented & { readonly algorithms: readonly Algorithm[] }>> = {
  '-E': { name: '-E', algorithms: ENCRYPTION_ALGORITHMS, doc: 'Encryption algorithm for ESP, followed by its key (`0x…` hex or a quoted string), except for null.' },
  '-A': { name: '-A', algorithms: AUTHENTICATION_ALGORITHMS, doc: 'Authentication algorithm for AH, or for ESP after `-E`, followed by its key.' },
  '-C': { name: '-C', algorithms: COMPRESSION_ALGORITHMS, doc: 'Compression algorithm for IPComp; `-R` after it sends the SPI as the CPI unchanged.' },
};

export const RAW_CPI_FLAG: Documented = { name: '-R', doc: 'Use the SPI field as the IPComp CPI on the wire, instead of the well-known CPI.' };

export function findAlgorithm(flag: AlgorithmFlag, name: string): Algorithm | undefined {
  return ALGORITHM_FLAGS[flag].algorithms.find((algorithm) => algorithm.name === name);
}

// ---------------------------------------------------------------- policy selectors

/** What may follow the upper-layer protocol. */
export type UpperLayerDetail = 'icmp-type-code' | 'gre-key';

export interface UpperLayerProtocol extends Documented {
  readonly number: number;
  readonly detail?: UpperLayerDetail;
}

/** Names setkey itself knows, then the usual /etc/protocols names (getprotobyname decides at run time). */
export const UPPER_LAYER_PROTOCOLS: readonly UpperLayerProtocol[] = [
  { name: 'any', number: 255, doc: 'Any upper-layer protocol.' },
  { name: 'icmp6', number: 58, detail: 'icmp-type-code', doc: 'ICMPv6; may be followed by `type,code`, e.g. `135,0` for neighbour solicitation.' },
  { name: 'ip4', number: 4, doc: 'IPv4 encapsulated in IP.' },
  { name: 'icmp', number: 1, detail: 'icmp-type-code', doc: 'ICMP; may be followed by `type,code`, e.g. `8,0` for echo request.' },
  { name: 'tcp', number: 6, doc: 'TCP; ports go in `[…]` after the addresses.' },
  { name: 'udp', number: 17, doc: 'UDP; ports go in `[…]` after the addresses.' },
  { name: 'gre', number: 47, detail: 'gre-key', doc: 'GRE; may be followed by the GRE key written as a dotted quad.' },
  { name: 'ipv6-icmp', number: 58, detail: 'icmp-type-code', doc: 'ICMPv6 under its /etc/protocols name.' },
  { name: 'mobility-header', number: 135, doc: 'Mobile IPv6 mobility header.' },
  { name: 'ip', number: 0, doc: 'Protocol number 0: the IP pseudo-protocol (in IPv6, the hop-by-hop options header).' },
  { name: 'igmp', number: 2, doc: 'IGMP.' },
  { name: 'ipencap', number: 4, doc: 'IP in IP.' },
  { name: 'egp', number: 8, doc: 'EGP.' },
  { name: 'pup', number: 12, doc: 'PUP.' },
  { name: 'dccp', number: 33, doc: 'DCCP.' },
  { name: 'ipv6', number: 41, doc: 'IPv6 encapsulated in IP.' },
  { name: 'ipv6-route', number: 43, doc: 'IPv6 routing header.' },
  { name: 'ipv6-frag', number: 44, doc: 'IPv6 fragment header.' },
  { name: 'rsvp', number: 46, doc: 'RSVP.' },
  { name: 'ipv6-nonxt', number: 59, doc: 'IPv6 no next header.' },
  { name: 'ipv6-opts', number: 60, doc: 'IPv6 destination options.' },
  { name: 'eigrp', number: 88, doc: 'EIGRP.' },
  { name: 'ospf', number: 89, doc: 'OSPF.' },
  { name: 'ipip', number: 94, doc: 'IP in IP (the older number).' },
  { name: 'etherip', number: 97, doc: 'Ethernet in IP.' },
  { name: 'encap', number: 98, doc: 'Encapsulation header.' },
  { name: 'pim', number: 103, doc: 'PIM.' },
  { name: 'vrrp', number: 112, doc: 'VRRP.' },
  { name: 'l2tp', number: 115, doc: 'L2TP over IP (not L2TP over UDP port 1701).' },
  { name: 'isis', number: 124, doc: 'IS-IS over IPv4.' },
  { name: 'sctp', number: 132, doc: 'SCTP.' },
  { name: 'udplite', number: 136, doc: 'UDP-Lite.' },
  { name: 'mpls-in-ip', number: 137, doc: 'MPLS in IP.' },
];

export function findUpperLayerProtocol(name: string): UpperLayerProtocol | undefined {
  const lower = name.toLowerCase();
  return UPPER_LAYER_PROTOCOLS.find((protocol) => protocol.name === lower);
}

/** Words setkey's scanner always reads as keywords, so they cannot stand for a host or protocol name. */
export const SCANNER_KEYWORDS: ReadonlySet<string> = new Set([
  ...SETKEY_COMMAND_NAMES.filter((name) => name !== 'getspi'),
  'tagged', 'ah', 'esp', 'ah-old', 'esp-old', 'esp-udp', 'ipcomp', 'oui', 'deflate', 'lzs',
  'transport', 'tunnel', 'random-pad', 'seq-pad', 'zero-pad', 'nocyclic-seq',
]);

// ---------------------------------------------------------------- the -P policy

export const POLICY_DIRECTIONS: readonly Documented[] = [
  { name: 'in', doc: 'Packets arriving for this host.' },
  { name: 'out', doc: 'Packets this host sends.' },
  { name: 'fwd', doc: 'Packets this host forwards (Linux checks these instead of `in` for routed traffic).' },
];

export const POLICY_ACTIONS: readonly Documented[] = [
  { name: 'discard', doc: 'Drop the matching packets.' },
  { name: 'none', doc: 'Let the matching packets through without IPsec.' },
  { name: 'ipsec', doc: 'Protect the matching packets with the `protocol/mode/src-dst/level` requests that follow.' },
  { name: 'entrust', doc: 'Defer to the system\'s security policy database (meant for per-socket policies).' },
  { name: 'bypass', doc: 'Skip IPsec processing for the matching packets (meant for per-socket policies).' },
];

export const PRIORITY_KEYWORDS: readonly Documented[] = [
  { name: 'priority', doc: 'Places the policy within the SPD: a signed offset, or low/def/high optionally followed by +offset or -offset. Needs a Linux 2.6.6+ kernel.' },
  { name: 'prio', doc: 'Short for priority.' },
];

export const PRIORITY_BASES: readonly (Documented & { readonly value: number })[] = [
  { name: 'low', value: -1073741824, doc: 'Near the end of the SPD.' },
  { name: 'def', value: 0, doc: 'The default position.' },
  { name: 'high', value: 1073741824, doc: 'Near the start of the SPD.' },
];

export const REQUEST_PROTOCOLS: readonly Documented[] = [
  { name: 'esp', doc: 'Encrypt (and usually authenticate) with ESP.' },
  { name: 'ah', doc: 'Authenticate with AH.' },
  { name: 'ipcomp', doc: 'Compress with IPComp.' },
];

export const REQUEST_MODES: readonly Documented[] = [
  { name: 'transport', doc: 'Protect the packet between the two hosts; the endpoints may be left out.' },
  { name: 'tunnel', doc: 'Wrap the packet for the gateway pair written as `src-dst`, which tunnel mode requires.' },
];

export const REQUEST_LEVELS: readonly Documented[] = [
  { name: 'default', doc: 'Follow the system-wide default level for the protocol (e.g. the esp_trans_deflev sysctl).' },
  { name: 'use', doc: 'Use an SA when there is one, otherwise send the packet unprotected.' },
  { name: 'require', doc: 'Never send or accept the packet without an SA.' },
  { name: 'unique', doc: 'Like require, with an SA of its own; `unique:id` binds it to the manual SA added with `-u id`.' },
];

/** Tunnel endpoint words: `me-any` in out policies, `any-me` in in policies. */
export const ENDPOINT_WORDS: readonly Documented[] = [
  { name: 'me', doc: 'This host.' },
  { name: 'any', doc: 'Any peer.' },
];

export const namesOf = (entries: readonly Documented[]): readonly string[] => entries.map((entry) => entry.name);

// ---------------------------------------------------------------- words of a policy statement not listed above

export const POLICY_FLAG: Documented = {
  name: '-P',
  doc: 'Starts the policy: the direction, an optional priority, then discard, none or ipsec with its requests. Everything up to the `;` belongs to it.',
};

export const TAGGED_KEYWORD: Documented = {
  name: 'tagged',
  doc: 'Selects packets by a packet-filter tag (given as a quoted name) instead of by addresses and protocol. Only the BSD setkey with PF tags.',
};

export const SECURITY_CONTEXT_FLAG: Documented = {
  name: '-ctx',
  doc: 'Security label of the policy for SELinux and other LSMs: domain of interpretation, algorithm, then the quoted context.',
};
