import type { VersionRange } from './versions';

/**
 * Keywords Libreswan 5.0 to 5.3's addconn reads itself while parsing (kt_sparse_name, kt_bool,
 * kt_unsigned, kt_seconds, kt_time, kt_percent, kt_byte, kt_binary, kt_lset): a value it cannot read
 * is dropped with "keyword ignored" and the conn loads without it. Text keys (kt_string and the like,
 * such as authby=) are read by confread.c or pluto, which refuse the conn instead. Copied from
 * lib/libipsecconf/keywords.c (v5.0, v5.1, v5.2) and lib/libswan/ipsecconf/keywords.c (v5.3 to 5.3.2);
 * 5.3 reads `config setup` values later, and 5.4 hands conn values to pluto.
 */
const READS_5_0 = [
  'accept-redirect', 'aggressive', 'aggrmode', 'audit-log', 'auth', 'autheap', 'auto', 'cat', 'cisco-unity',
  'clientaddrfamily', 'compress', 'crl-strict', 'crlcheckinterval', 'curl-timeout', 'ddos-ike-threshold',
  'ddos-mode', 'debug', 'decap-dscp', 'dnssec-enable', 'drop-oppo-null', 'enable-tcp', 'encap-dscp',
  'encapsulation', 'esn', 'failureshunt', 'fake-strongswan', 'fragmentation', 'hostaddrfamily',
  'ignore-peer-dns', 'ike-socket-bufsize', 'ike-socket-errqueue', 'ikelifetime', 'ikepad', 'ikeport',
  'ikev1-policy', 'ikev2', 'initial-contact', 'intermediate', 'ipsec-lifetime', 'ipsec-max-bytes',
  'ipsec-max-packets', 'keep-alive', 'keyexchange', 'keyingtries', 'keylife', 'lifetime', 'listen-tcp',
  'listen-udp', 'logappend', 'logip', 'logtime', 'max-halfopen-ike', 'metric', 'mobike', 'modecfgclient',
  'modecfgpull', 'modecfgserver', 'ms-dh-downgrade', 'mtu', 'narrowing', 'nat-ikev1-method', 'nat-keepalive',
  'negotiationshunt', 'nflog', 'nflog-all', 'nhelpers', 'nic-offload', 'nm-configured', 'nopmtudisc',
  'ocsp-cache-max-age', 'ocsp-cache-min-age', 'ocsp-cache-size', 'ocsp-enable', 'ocsp-method', 'ocsp-strict',
  'ocsp-timeout', 'overlapip', 'pam-authorize', 'pfs', 'pfs-rekey-workaround', 'phase2', 'plutodebug', 'ppk',
  'priority', 'reauth', 'rekey', 'rekeyfuzz', 'rekeymargin', 'remote-peer-type', 'remote_peer_type',
  'replay-window', 'reqid', 'require-id-on-certificate', 'retransmit-interval', 'retransmit-timeout',
  'salifetime', 'seccomp', 'seedbits', 'send-no-esp-tfc', 'send-redirect', 'send-vendorid', 'sendca',
  'sendcert', 'sha2-truncbug', 'shuntlifetime', 'tcp-remoteport', 'tfc', 'type', 'uniqueids', 'vti-routing',
  'vti-shared', 'xauthby', 'xauthclient', 'xauthfail', 'xauthserver', 'xfrmlifetime',
];
/** 5.2 reads what 5.0 does, and the keywords it adds. */
const READS_5_2 = [
  ...READS_5_0,
  'ipsec-interface-managed', 'iptfs', 'iptfs-drop-time', 'iptfs-fragmentation', 'iptfs-init-delay', 'iptfs-max-queue-size',
  'iptfs-packet-size', 'iptfs-reorder-window', 'session-resumption',
];
const READS_5_3 = [
  'accept-redirect', 'aggressive', 'auto', 'cat', 'compress', 'decap-dscp', 'enable-tcp', 'encap-dscp',
  'encapsulation', 'esn', 'failureshunt', 'fake-strongswan', 'fragmentation', 'groundhog', 'ignore-peer-dns',
  'ikelifetime', 'ikepad', 'initial-contact', 'intermediate', 'ipsec-lifetime', 'iptfs', 'iptfs-drop-time',
  'iptfs-fragmentation', 'iptfs-init-delay', 'metric', 'mobike', 'modecfgclient', 'modecfgpull',
  'modecfgserver', 'ms-dh-downgrade', 'narrowing', 'nat-ikev1-method', 'nat-keepalive', 'negotiationshunt',
  'nic-offload', 'nopmtudisc', 'overlapip', 'pam-authorize', 'pfs', 'pfs-rekey-workaround', 'phase2', 'ppk',
  'reauth', 'rekey', 'rekeymargin', 'require-id-on-certificate', 'retransmit-timeout',
  'send-esp-tfc-padding-not-supported', 'send-redirect', 'send-vendorid', 'session-resumption',
  'sha2-truncbug', 'share-lease', 'tcp-remoteport', 'type', 'vti-routing', 'vti-shared', 'xauthby',
  'xauthclient', 'xauthfail', 'xauthserver',
  // The old names of some of these, which 5.3.2's addconn skipped the same way ("keyword ignored").
  'aggrmode', 'keylife', 'lifetime', 'salifetime', 'send-no-esp-tfc',
];

/** By release: 5.1 reads what 5.0 does, and 5.3.1 and 5.3.2 what 5.3 does. */
const READS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['5.0', new Set(READS_5_0)],
  ['5.1', new Set(READS_5_0)],
  ['5.2', new Set(READS_5_2)],
  ['5.3', new Set(READS_5_3)],
  ['5.3.1', new Set(READS_5_3)],
  ['5.3.2', new Set(READS_5_3)],
]);

/** Whether that release's addconn reads the keyword (base name for left/right ones) while parsing; undefined for other releases. */
export function libreswan5AddconnReads(release: string, keyword: string): boolean | undefined {
  return READS.get(release)?.has(keyword);
}

/**
 * Conn keys whose value Libreswan 5.3 on hands to pluto as text, and pluto added the conn with a
 * value of the wrong form all the same (`mtu=abc`, `sendca=bogusword`, `ipsec-max-bytes=abc`;
 * seen with 5.3.2 and 5.4 in a sweep of one wrong value per key), by base name, with the releases.
 */
const PLUTO_LOADS_ANYWAY: ReadonlyMap<string, VersionRange> = new Map([
  ['mtu', { from: '5.3' }],
  ['sendca', { from: '5.3', until: '5.4' }],
  ['ipsec-max-bytes', { from: '5.3' }],
  ['ipsec-max-packets', { from: '5.3' }],
  ['iptfs-max-queue-size', { from: '5.3' }],
  ['iptfs-packet-size', { from: '5.3' }],
  ['iptfs-reorder-window', { from: '5.3' }],
  ['iptfs-drop-time', { from: '5.4' }],
  ['iptfs-init-delay', { from: '5.4' }],
  ['compress', { from: '5.4' }],
]);

/** The releases within which pluto adds a conn whatever this key's value, if it is one of those. */
export function plutoLoadsAnyValue(keyword: string): VersionRange | undefined {
  return PLUTO_LOADS_ANYWAY.get(keyword);
}

/**
 * Conn keys whose value pluto checks against a range or list that differs from earlier releases,
 * only for a conn that negotiates: a shunt was added with `reqid=0`, `leftikeport=0`, `metric=0`,
 * `tcp-remoteport=0`, `ikepad=1`, `nic-offload=auto` or `phase2=default` by 5.3.2 and 5.4, which
 * refused the same in a conn that negotiates. By base name, with the releases that check.
 */
export const CHECKED_WHEN_NEGOTIATING: ReadonlyMap<string, VersionRange> = new Map([
  ['reqid', { from: '5.3' }],
  ['ikeport', { from: '5.3' }],
  ['metric', { from: '5.4' }],
  ['tcp-remoteport', { from: '5.4' }],
  ['ikepad', { from: '5.4' }],
  ['nic-offload', { from: '5.4' }],
  ['phase2', { from: '5.4' }],
]);
