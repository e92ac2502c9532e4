import type { SectionKind } from './types';

/*
 * Every keyword some Libreswan 3 release took, by kind of section: the union over lib/libipsecconf/keywords.c
 * of each 3.x tag (3.0 to 3.32); per-end ones without their side. Used to keep suggestions for a
 * misspelt key in a file pinned to a 3.x release to names that release line knew.
 */
const CONFIG = [
  'audit-log', 'crl-strict', 'crl_strict', 'crlcheckinterval', 'curl-iface', 'curl-timeout', 'curl_iface',
  'curl_timeout', 'ddos-ike-threshold', 'ddos-ike-treshold', 'ddos-mode', 'disable_port_floating', 'dnssec-anchors',
  'dnssec-enable', 'dnssec-rootkey-file', 'drop-oppo-null', 'dumpdir', 'force-busy', 'force_busy',
  'force_keepalive', 'forwardcontrol', 'fragicmp', 'global-redirect', 'global-redirect-to', 'hidetos',
  'ike-socket-bufsize', 'ike-socket-errqueue', 'ikeport', 'interfaces', 'ipsecdir', 'keep-alive', 'keep_alive',
  'klipsdebug', 'listen', 'logappend', 'logfile', 'logip', 'logtime', 'max-halfopen-ike', 'myid', 'myvendorid',
  'nat-ikeport', 'nat_ikeport', 'nat_traversal', 'nflog-all', 'nhelpers', 'nocrsend', 'nssdir',
  'ocsp-cache-max-age', 'ocsp-cache-min-age', 'ocsp-cache-size', 'ocsp-enable', 'ocsp-method', 'ocsp-strict',
  'ocsp-timeout', 'ocsp-trustname', 'ocsp-uri', 'ocsp_enable', 'ocsp_strict', 'ocsp_timeout', 'ocsp_trust_name',
  'ocsp_uri', 'oe', 'overridemtu', 'perpeerlog', 'perpeerlogdir', 'pluto', 'plutodebug', 'plutofork', 'plutoopts',
  'plutorestartoncrash', 'plutostderrlog', 'plutostderrlogtime', 'plutowait', 'postpluto', 'prepluto', 'protostack',
  'retransmits', 'rp_filter', 'seccomp', 'secctx-attr-type', 'secctx-attr-value', 'secctx_attr_value',
  'secretsfile', 'seedbits', 'shuntlifetime', 'statsbin', 'strictcrlpolicy', 'syslog', 'uniqueids',
  'virtual-private', 'virtual_private', 'xfrmlifetime',
];
const CONN = [
  'accept-redirect', 'accept-redirect-to', 'aggressive', 'aggrmode', 'ah', 'also', 'alsoflip', 'auth', 'authby',
  'auto', 'cisco-unity', 'cisco_unity', 'clientaddrfamily', 'compress', 'connaddrfamily', 'connalias', 'decap-dscp',
  'disablearrivalcheck', 'dpdaction', 'dpddelay', 'dpdtimeout', 'encapsulation', 'esn', 'esp', 'failureshunt',
  'fake-strongswan', 'forceencaps', 'fragmentation', 'hostaddrfamily', 'ike', 'ike-frag', 'ike_frag', 'ikelifetime',
  'ikepad', 'ikev2', 'initial-contact', 'initial_contact', 'ipsec-interface', 'keyexchange', 'keyingtries',
  'keylife', 'labeled-ipsec', 'labeled_ipsec', 'lifetime', 'loopback', 'mark', 'mark-in', 'mark-out', 'metric',
  'mobike', 'modecfgbanner', 'modecfgdns', 'modecfgdns1', 'modecfgdns2', 'modecfgdomain', 'modecfgdomains',
  'modecfgpull', 'modecfgwins1', 'modecfgwins2', 'ms-dh-downgrade', 'mtu', 'narrowing', 'nat-ikev1-method',
  'nat-keepalive', 'nat_keepalive', 'negotiationshunt', 'nflog', 'nic-offload', 'nm-configured', 'nm_configured',
  'nopmtudisc', 'overlapip', 'pam-authorize', 'pfs', 'phase2', 'phase2alg', 'policy-label', 'policy_label', 'ppk',
  'priority', 'reauth', 'redirect-to', 'rekey', 'rekeyfuzz', 'rekeymargin', 'remote-peer-type', 'remote_peer_type',
  'replay-window', 'reqid', 'require-id-on-certificate', 'retransmit-interval', 'retransmit-timeout', 'salifetime',
  'sareftrack', 'send-no-esp-tfc', 'send-redirect', 'send-vendorid', 'send_vendorid', 'sendca', 'sha2-truncbug',
  'sha2_truncbug', 'tfc', 'type', 'vti-interface', 'vti-routing', 'vti-shared', 'x-comment', 'xauthby', 'xauthfail',
];
const CONN_PER_END = [
  '', 'addresspool', 'auth', 'ca', 'cat', 'cert', 'ckaid', 'id', 'interface-ip', 'modecfgclient', 'modecfgdns1',
  'modecfgdns2', 'modecfgserver', 'modecfgwins1', 'modecfgwins2', 'nexthop', 'protoport', 'rsasigkey', 'rsasigkey2',
  'sendcert', 'sourceip', 'subnet', 'subnets', 'subnetwithin', 'updown', 'username', 'vti', 'xauthclient',
  'xauthname', 'xauthserver', 'xauthusername',
];

const NAMES: Readonly<Record<'config' | 'conn', ReadonlySet<string>>> = {
  config: new Set(CONFIG),
  conn: new Set([...CONN, ...CONN_PER_END.flatMap((base) => [`left${base}`, `right${base}`])]),
};

/** Whether some 3.x release took the keyword in this kind of section. */
export function libreswan3Named(name: string, section: SectionKind): boolean {
  return section !== 'ca' && NAMES[section].has(name.toLowerCase());
}
