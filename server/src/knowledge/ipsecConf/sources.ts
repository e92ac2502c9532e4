import type { Dialect } from './types';

/** Keyword names exactly as a primary source spells them (a Libreswan table even has `dns-match-id,`). */
export interface KeywordSource {
  readonly dialect: Dialect;
  /** Release the names are checked against. */
  readonly version: string;
  /** Repository, file and commit or tag the names were copied from. */
  readonly origin: string;
  readonly config: readonly string[];
  readonly conn: readonly string[];
  /** Base names of left/right keywords (conn sections); `''` is left=/right=. */
  readonly leftRight: readonly string[];
  readonly ca: readonly string[];
  /** Names valid in both conn and ca sections. */
  readonly connAndCa: readonly string[];
}

/** Copied from github.com/libreswan/libreswan lib/libipsecconf/keywords.c at tag v4.15. */
export const LIBRESWAN_4_15: KeywordSource = {
  dialect: 'libreswan',
  version: '4.15',
  origin: 'github.com/libreswan/libreswan lib/libipsecconf/keywords.c at tag v4.15',
  config: [
    'ikev1-policy', 'curl-iface', 'curl-timeout', 'myvendorid', 'syslog', 'plutodebug', 'logfile', 'plutostderrlog',
    'logtime', 'logappend', 'logip', 'audit-log', 'dnssec-enable', 'dnssec-rootkey-file', 'dnssec-anchors',
    'dumpdir', 'ipsecdir', 'nssdir', 'secretsfile', 'statsbin', 'uniqueids', 'shuntlifetime', 'global-redirect',
    'global-redirect-to', 'crl-strict', 'crlcheckinterval', 'ocsp-strict', 'ocsp-enable', 'ocsp-uri', 'ocsp-timeout',
    'ocsp-trustname', 'ocsp-cache-size', 'ocsp-cache-min-age', 'ocsp-cache-max-age', 'ocsp-method', 'ddos-mode',
    'seccomp', 'ddos-ike-threshold', 'max-halfopen-ike', 'ike-socket-bufsize', 'ike-socket-errqueue', 'nflog-all',
    'xfrmlifetime', 'virtual-private', 'virtual_private', 'seedbits', 'keep-alive', 'listen-tcp', 'listen-udp',
    'listen', 'protostack', 'nhelpers', 'drop-oppo-null', 'ikev1-secctx-attr-type', 'secctx-attr-type', 'interfaces',
  ],
  conn: [
    'auto', 'also', 'alsoflip', 'ike', 'hostaddrfamily', 'clientaddrfamily', 'type', 'authby', 'keyexchange',
    'ikev2', 'ppk', 'intermediate', 'esn', 'decap-dscp', 'nopmtudisc', 'fragmentation', 'mobike', 'narrowing',
    'pam-authorize', 'send-redirect', 'redirect-to', 'accept-redirect', 'accept-redirect-to', 'pfs', 'nat-keepalive',
    'initial-contact', 'cisco-unity', 'send-no-esp-tfc', 'fake-strongswan', 'send-vendorid', 'sha2-truncbug',
    'ms-dh-downgrade', 'require-id-on-certificate', 'dns-match-id,', 'ipsec-max-bytes', 'ipsec-lifetime', 'keylife',
    'lifetime', 'salifetime', 'ipsec-max-packets', 'retransmit-timeout', 'retransmit-interval', 'ikepad',
    'nat-ikev1-method', 'policy-label', 'sec-label', 'remote-peer-type', 'remote_peer_type', 'nm-configured',
    'xauthby', 'xauthfail', 'modecfgpull', 'modecfgdns', 'modecfgdomains', 'modecfgbanner', 'ignore-peer-dns',
    'mark', 'mark-in', 'mark-out', 'vti-interface', 'vti-routing', 'vti-shared', 'ipsec-interface', 'nic-offload',
    'encapsulation', 'forceencaps', 'overlapip', 'reauth', 'rekey', 'rekeymargin', 'rekeyfuzz', 'keyingtries',
    'replay-window', 'ikelifetime', 'failureshunt', 'negotiationshunt', 'enable-tcp', 'tcp-remoteport', 'connalias',
    'esp', 'ah', 'phase2alg', 'phase2', 'compress', 'metric', 'dpddelay', 'dpdtimeout', 'dpdaction', 'sendca', 'mtu',
    'priority', 'tfc', 'reqid', 'nflog', 'aggressive', 'aggrmode',
  ],
  leftRight: [
    '', 'subnet', 'subnets', 'sourceip', 'ikeport', 'vti', 'nexthop', 'updown', 'id', 'rsasigkey', 'ecdsakey',
    'pubkey', 'cert', 'ckaid', 'sendcert', 'ca', 'xauthserver', 'xauthclient', 'modecfgserver', 'modecfgclient',
    'username', 'xauthusername', 'addresspool', 'auth', 'cat', 'protoport', 'autheap',
  ],
  ca: [],
  connAndCa: [],
};

/** Copied from github.com/libreswan/libreswan lib/libipsecconf/keywords.c at tag v5.2. */
export const LIBRESWAN_5_2: KeywordSource = {
  dialect: 'libreswan',
  version: '5.2',
  origin: 'github.com/libreswan/libreswan lib/libipsecconf/keywords.c at tag v5.2',
  config: [
    'ikev1-policy', 'curl-iface', 'curl-timeout', 'myvendorid', 'syslog', 'plutodebug', 'debug', 'logfile',
    'plutostderrlog', 'logtime', 'logappend', 'logip', 'audit-log', 'dnssec-enable', 'dnssec-rootkey-file',
    'dnssec-anchors', 'dumpdir', 'ipsecdir', 'nssdir', 'secretsfile', 'statsbin', 'uniqueids', 'shuntlifetime',
    'global-redirect', 'global-redirect-to', 'crl-strict', 'crlcheckinterval', 'ocsp-strict', 'ocsp-enable',
    'ocsp-uri', 'ocsp-timeout', 'ocsp-trustname', 'ocsp-cache-size', 'ocsp-cache-min-age', 'ocsp-cache-max-age',
    'ocsp-method', 'ddos-mode', 'seccomp', 'ddos-ike-threshold', 'max-halfopen-ike', 'ike-socket-bufsize',
    'ike-socket-errqueue', 'nflog-all', 'xfrmlifetime', 'virtual-private', 'virtual_private', 'seedbits',
    'keep-alive', 'listen-tcp', 'listen-udp', 'listen', 'protostack', 'nhelpers', 'drop-oppo-null', 'interfaces',
    'ikev1-secctx-attr-type', 'secctx-attr-type', 'ipsec-interface-managed',
  ],
  conn: [
    'plutodebug', 'debug', 'auto', 'also', 'ike', 'hostaddrfamily', 'clientaddrfamily', 'type', 'authby',
    'keyexchange', 'ikev2', 'ppk', 'ppk-ids', 'intermediate', 'esn', 'decap-dscp', 'encap-dscp', 'nopmtudisc',
    'fragmentation', 'mobike', 'narrowing', 'pam-authorize', 'send-redirect', 'redirect-to', 'accept-redirect',
    'accept-redirect-to', 'pfs', 'session-resumption', 'nat-keepalive', 'initial-contact', 'cisco-unity',
    'send-no-esp-tfc', 'iptfs', 'iptfs-fragmentation', 'iptfs-packet-size', 'iptfs-max-queue-size',
    'iptfs-reorder-window', 'iptfs-init-delay', 'iptfs-drop-time', 'fake-strongswan', 'send-vendorid',
    'sha2-truncbug', 'ms-dh-downgrade', 'pfs-rekey-workaround', 'require-id-on-certificate', 'dns-match-id,',
    'ipsec-max-bytes', 'ipsec-lifetime', 'keylife', 'lifetime', 'salifetime', 'ipsec-max-packets',
    'retransmit-timeout', 'retransmit-interval', 'ikepad', 'nat-ikev1-method', 'policy-label', 'sec-label',
    'remote-peer-type', 'remote_peer_type', 'nm-configured', 'xauthby', 'xauthfail', 'modecfgpull', 'modecfgdns',
    'modecfgdomains', 'modecfgbanner', 'ignore-peer-dns', 'mark', 'mark-in', 'mark-out', 'vti-interface',
    'vti-routing', 'vti-shared', 'ipsec-interface', 'nic-offload', 'encapsulation', 'overlapip', 'reauth', 'rekey',
    'rekeymargin', 'rekeyfuzz', 'keyingtries', 'replay-window', 'ikelifetime', 'failureshunt', 'negotiationshunt',
    'enable-tcp', 'tcp-remoteport', 'connalias', 'esp', 'ah', 'phase2alg', 'phase2', 'compress', 'metric',
    'dpddelay', 'ikev1-dpdtimeout', 'dpdtimeout', 'dpdaction', 'sendca', 'mtu', 'priority', 'tfc', 'reqid', 'nflog',
    'aggressive', 'aggrmode',
  ],
  leftRight: [
    '', 'subnet', 'subnets', 'sourceip', 'ikeport', 'interface-ip', 'vti', 'nexthop', 'updown', 'id', 'rsasigkey',
    'ecdsakey', 'pubkey', 'cert', 'ckaid', 'sendcert', 'ca', 'xauthserver', 'xauthclient', 'modecfgserver',
    'modecfgclient', 'username', 'xauthusername', 'addresspool', 'auth', 'cat', 'protoport', 'autheap', 'groundhog',
  ],
  ca: [],
  connAndCa: [],
};

/** Copied from github.com/libreswan/libreswan lib/libswan/ipsecconf/{setup.c,conn.c} at commit 0c4e3eccfbb2cdfa1e21c154ee847a141a611a4f (after v5.4). */
export const LIBRESWAN_HEAD: KeywordSource = {
  dialect: 'libreswan',
  version: '5.4',
  origin: 'github.com/libreswan/libreswan lib/libswan/ipsecconf/{setup.c,conn.c} at commit 0c4e3eccfbb2cdfa1e21c154ee847a141a611a4f (after v5.4)',
  config: [
    'ikev1-policy', 'curl-iface', 'myvendorid', 'plutodebug', 'logfile', 'loglimit', 'logtime', 'logappend', 'logip',
    'audit-log', 'dnssec-enable', 'dnssec-rootkey-file', 'dnssec-anchors', 'dumpdir', 'ipsecdir', 'nssdir',
    'exampledir', 'rundir', 'logstderr', 'secretsfile', 'statsbin', 'uniqueids', 'shuntlifetime', 'global-redirect',
    'global-redirect-to', 'crl-strict', 'crlcheckinterval', 'crl-timeout', 'ocsp-strict', 'ocsp-enable', 'ocsp-uri',
    'ocsp-timeout', 'ocsp-trustname', 'ocsp-cache-size', 'ocsp-cache-min-age', 'ocsp-cache-max-age', 'ocsp-method',
    'seccomp', 'ddos-mode', 'ddos-ike-threshold', 'max-halfopen-ike', 'ike-socket-bufsize', 'ike-socket-errqueue',
    'expire-lifetime', 'virtual-private', 'seeddev', 'seedbits', 'keep-alive', 'listen-tcp', 'listen-udp', 'listen',
    'protostack', 'nhelpers', 'drop-oppo-null', 'expire-shunt-interval', 'dns-resolver', 'ipsec-interface-managed',
    'nflog-all', 'curl-timeout', 'xfrmlifetime', 'syslog', 'plutostderrlog', 'virtual_private', 'interfaces',
    'ikev1-secctx-attr-type', 'secctx-attr-type',
  ],
  conn: [
    'debug', 'also', 'connalias', 'auto', 'hostaddrfamily', 'authby', 'keyexchange', 'ikev2', 'ppk', 'ppk-ids',
    'intermediate', 'esn', 'decap-dscp', 'encap-dscp', 'nopmtudisc', 'fragmentation', 'mobike', 'narrowing',
    'pam-authorize', 'send-redirect', 'redirect-to', 'accept-redirect', 'accept-redirect-to', 'pfs',
    'session-resumption', 'send-supported-auth-methods', 'nat-keepalive', 'initial-contact',
    'send-esp-tfc-padding-not-supported', 'reject-simultaneous-ike-auth', 'iptfs', 'iptfs-fragmentation',
    'iptfs-packet-size', 'iptfs-max-queue-size', 'iptfs-reorder-window', 'iptfs-init-delay', 'iptfs-drop-time',
    'fake-strongswan', 'send-vendorid', 'sha2-truncbug', 'share-lease', 'ms-dh-downgrade', 'pfs-rekey-workaround',
    'require-id-on-certificate', 'dns-match-id,', 'ipsec-max-bytes', 'ipsec-max-packets', 'ipsec-lifetime',
    'retransmit-timeout', 'retransmit-interval', 'ikepad', 'nat-ikev1-method', 'sec-label', 'remote-peer-type',
    'nm-configured', 'cisco-unity', 'cisco-split', 'xauthby', 'xauthfail', 'modecfgpull', 'modecfgdns',
    'modecfgdomains', 'modecfgbanner', 'ignore-peer-dns', 'mark', 'mark-in', 'mark-out', 'vti-interface',
    'vti-routing', 'vti-shared', 'ipsec-interface', 'clones', 'nic-offload', 'encapsulation', 'overlapip', 'reauth',
    'rekey', 'rekeymargin', 'rekeyfuzz', 'replay-window', 'ikelifetime', 'type', 'failureshunt', 'negotiationshunt',
    'enable-tcp', 'tcp-remoteport', 'ike', 'esp', 'ah', 'phase2', 'phase2alg', 'compress', 'metric', 'dpddelay',
    'dpdtimeout', 'sendca', 'mtu', 'priority', 'tfc', 'reqid', 'nflog-group', 'aggressive', 'aggrmode', 'keylife',
    'lifetime', 'ikev1-dpdtimeout', 'nflog', 'salifetime', 'policy-label', 'remote_peer_type', 'send-no-esp-tfc',
    'dpdaction', 'clientaddrfamily', 'keyingtries',
  ],
  leftRight: [
    '', 'subnets', 'subnet', 'sourceip', 'ikeport', 'interface-ip', 'vti', 'nexthop', 'updown', 'updown-config',
    'id', 'rsasigkey', 'ecdsakey', 'eddsakey', 'pubkey', 'cert', 'ckaid', 'sendcert', 'ca', 'xauthserver',
    'xauthclient', 'modecfgserver', 'modecfgclient', 'username', 'addresspool', 'auth', 'cat', 'protoport',
    'autheap', 'groundhog', 'xauthusername',
  ],
  ca: [],
  connAndCa: [],
};

/**
 * Copied from github.com/strongswan/strongswan src/starter/keywords.txt (sections from keywords.h.in) at commit
 * 3b902ea59b86a8ac097e27a34db85feb877a00f9, after 6.0.6; the file is the same in 5.9.14 and every 6.0 release.
 */
export const STRONGSWAN_HEAD: KeywordSource = {
  dialect: 'strongswan',
  version: '6.0.6',
  origin: 'github.com/strongswan/strongswan src/starter/keywords.txt (sections from keywords.h.in) at commit 3b902ea59b86a8ac097e27a34db85feb877a00f9',
  config: [
    'charondebug', 'uniqueids', 'cachecrls', 'strictcrlpolicy', 'interfaces', 'dumpdir', 'charonstart', 'plutostart',
    'klipsdebug', 'plutodebug', 'prepluto', 'postpluto', 'plutostderrlog', 'fragicmp', 'packetdefault', 'hidetos',
    'overridemtu', 'crlcheckinterval', 'nocrsend', 'nat_traversal', 'keep_alive', 'force_keepalive',
    'virtual_private', 'pkcs11module', 'pkcs11initargs', 'pkcs11keepstate', 'pkcs11proxy',
  ],
  conn: [
    'keyexchange', 'type', 'compress', 'installpolicy', 'aggressive', 'authby', 'eap_identity', 'aaa_identity',
    'mobike', 'forceencaps', 'fragmentation', 'ikedscp', 'ikelifetime', 'lifetime', 'keylife', 'rekeymargin',
    'margintime', 'lifebytes', 'marginbytes', 'lifepackets', 'marginpackets', 'keyingtries', 'rekeyfuzz', 'rekey',
    'reauth', 'ike', 'esp', 'ah', 'dpddelay', 'dpdtimeout', 'dpdaction', 'closeaction', 'sha256_96', 'inactivity',
    'modeconfig', 'xauth', 'xauth_identity', 'mediation', 'mediated_by', 'me_peerid', 'reqid', 'replay_window',
    'mark', 'mark_in', 'mark_out', 'tfc', 'left', 'leftikeport', 'leftsubnet', 'leftsubnetwithin', 'leftprotoport',
    'leftsourceip', 'leftdns', 'leftfirewall', 'lefthostaccess', 'leftallowany', 'leftupdown', 'leftauth',
    'leftauth2', 'leftid', 'leftid2', 'leftsigkey', 'leftrsasigkey', 'leftcert', 'leftcert2', 'leftcertpolicy',
    'leftsendcert', 'leftca', 'leftca2', 'leftgroups', 'leftgroups2', 'right', 'rightikeport', 'rightsubnet',
    'rightsubnetwithin', 'rightprotoport', 'rightsourceip', 'rightdns', 'rightfirewall', 'righthostaccess',
    'rightallowany', 'rightupdown', 'rightauth', 'rightauth2', 'rightid', 'rightid2', 'rightsigkey',
    'rightrsasigkey', 'rightcert', 'rightcert2', 'rightcertpolicy', 'rightsendcert', 'rightca', 'rightca2',
    'rightgroups', 'rightgroups2', 'pfs', 'pfsgroup', 'eap', 'leftnexthop', 'rightnexthop',
  ],
  leftRight: [],
  ca: [
    'cacert', 'crluri', 'crluri1', 'crluri2', 'ocspuri', 'ocspuri1', 'ocspuri2', 'certuribase', 'ldaphost',
    'ldapbase',
  ],
  connAndCa: [
    'also', 'auto',
  ],
};

/** Copied from github.com/strongswan/strongswan src/starter/keywords.txt and keywords.h at tag 5.0.0. */
export const STRONGSWAN_5_0_0: KeywordSource = {
  dialect: 'strongswan',
  version: '5.0.0',
  origin: 'github.com/strongswan/strongswan src/starter/keywords.txt and keywords.h at tag 5.0.0',
  config: [
    'charondebug', 'uniqueids', 'cachecrls', 'strictcrlpolicy', 'interfaces', 'dumpdir', 'charonstart', 'plutostart',
    'klipsdebug', 'plutodebug', 'prepluto', 'postpluto', 'plutostderrlog', 'fragicmp', 'packetdefault', 'hidetos',
    'overridemtu', 'crlcheckinterval', 'nocrsend', 'nat_traversal', 'keep_alive', 'force_keepalive',
    'virtual_private', 'pkcs11module', 'pkcs11initargs', 'pkcs11keepstate', 'pkcs11proxy',
  ],
  conn: [
    'keyexchange', 'type', 'compress', 'installpolicy', 'aggressive', 'auth', 'authby', 'eap_identity',
    'aaa_identity', 'mobike', 'forceencaps', 'ikelifetime', 'lifetime', 'keylife', 'rekeymargin', 'margintime',
    'lifebytes', 'marginbytes', 'lifepackets', 'marginpackets', 'keyingtries', 'rekeyfuzz', 'rekey', 'reauth', 'ike',
    'esp', 'dpddelay', 'dpdtimeout', 'dpdaction', 'closeaction', 'inactivity', 'modeconfig', 'xauth',
    'xauth_identity', 'mediation', 'mediated_by', 'me_peerid', 'reqid', 'mark', 'mark_in', 'mark_out', 'tfc', 'left',
    'leftikeport', 'leftsubnet', 'leftsubnetwithin', 'leftprotoport', 'leftsourceip', 'leftnatip', 'leftfirewall',
    'lefthostaccess', 'leftallowany', 'leftupdown', 'leftauth', 'leftauth2', 'leftid', 'leftid2', 'leftrsasigkey',
    'leftcert', 'leftcert2', 'leftcertpolicy', 'leftsendcert', 'leftca', 'leftca2', 'leftgroups', 'right',
    'rightikeport', 'rightsubnet', 'rightsubnetwithin', 'rightprotoport', 'rightsourceip', 'rightnatip',
    'rightfirewall', 'righthostaccess', 'rightallowany', 'rightupdown', 'rightauth', 'rightauth2', 'rightid',
    'rightid2', 'rightrsasigkey', 'rightcert', 'rightcert2', 'rightcertpolicy', 'rightsendcert', 'rightca',
    'rightca2', 'rightgroups', 'pfs', 'pfsgroup', 'eap', 'leftnexthop', 'rightnexthop',
  ],
  leftRight: [],
  ca: [
    'cacert', 'crluri', 'crluri1', 'crluri2', 'ocspuri', 'ocspuri1', 'ocspuri2', 'certuribase', 'ldaphost',
    'ldapbase',
  ],
  connAndCa: [
    'also', 'auto',
  ],
};

/** Copied from github.com/xelerance/Openswan lib/libipsecconf/keywords.c at tag v2.6.52.3. */
export const OPENSWAN_2_6_52_3: KeywordSource = {
  dialect: 'openswan',
  version: '2.6.52.3',
  origin: 'github.com/xelerance/Openswan lib/libipsecconf/keywords.c at tag v2.6.52.3',
  config: [
    'interfaces', 'myid', 'syslog', 'klipsdebug', 'plutodebug', 'plutoopts', 'plutostderrlog', 'plutostderrlogtime',
    'plutorestartoncrash', 'dumpdir', 'manualstart', 'pluto', 'plutowait', 'oe', 'prepluto', 'postpluto', 'fragicmp',
    'hidetos', 'uniqueids', 'overridemtu', 'nocrsend', 'strictcrlpolicy', 'crlcheckinterval', 'force_busy',
    'virtual_private', 'nat_traversal', 'disable_port_floating', 'keep_alive', 'force_keepalive', 'listen',
    'protostack', 'nhelpers', 'secctx_attr_value', 'forwardcontrol', 'rp_filter', 'plutofork',
  ],
  conn: [
    'ike', 'auto', 'also', 'alsoflip', 'endaddrfamily', 'connaddrfamily', 'clientaddrfamily', 'tunneladdrfamily',
    'type', 'authby', 'keyexchange', 'ikev2', 'narrowing', 'sareftrack', 'pfs', 'sha2_truncbug', 'keylife',
    'lifetime', 'salifetime', 'loopback', 'labeled_ipsec', 'policy_label', 'remote_peer_type', 'nm_configured',
    'forceencaps', 'overlapip', 'rekey', 'rekeymargin', 'rekeyfuzz', 'keyingtries', 'ikelifetime',
    'disablearrivalcheck', 'failureshunt', 'connalias', 'phase2alg', 'esp', 'ah', 'phase2', 'auth', 'compress',
    'metric', 'dpddelay', 'dpdtimeout', 'dpdaction', 'firstmsgid', 'mtu', 'aggrmode', 'aggressive', 'modecfgpull',
  ],
  leftRight: [
    '', 'subnet', 'subnets', 'sourceip', 'nexthop', 'firewall', 'updown', 'id', 'rsasigkey', 'rsasigkey2', 'spibase',
    'cert', 'sendcert', 'ca', 'subnetwithin', 'protoport', 'xauthserver', 'xauthclient', 'xauthname',
    'modecfgserver', 'modecfgclient', 'xauthusername', 'modecfgdns1', 'modecfgdns2', 'modecfgwins1', 'modecfgwins2',
    'spi', 'espenckey', 'espauthkey', 'espreplay_window',
  ],
  ca: [],
  connAndCa: [],
};

export const KEYWORD_SOURCES: readonly KeywordSource[] = [
  LIBRESWAN_4_15,
  LIBRESWAN_5_2,
  LIBRESWAN_HEAD,
  STRONGSWAN_5_0_0,
  STRONGSWAN_HEAD,
  OPENSWAN_2_6_52_3,
];
