import type { SectionKind } from './types';

/*
 * Keywords Libreswan 3's parser took that 4.0 and later refuse, read from
 * lib/libipsecconf/keywords.c of every 3.x release (3.0 to 3.32): the union, obsolete ones
 * included (3.x warned about those and went on). Per-end keywords are listed without their side.
 * Used only for files pinned to a Libreswan release older than every modelled one, so that a
 * key such a release took is not called an error.
 */
const CONFIG = [
  'crl_strict', 'curl_iface', 'curl_timeout', 'ddos-ike-treshold', 'disable_port_floating', 'force-busy', 'force_busy',
  'force_keepalive', 'forwardcontrol', 'fragicmp', 'hidetos', 'keep_alive', 'klipsdebug', 'myid', 'nat-ikeport',
  'nat_ikeport', 'nat_traversal', 'nocrsend', 'ocsp_enable', 'ocsp_strict', 'ocsp_timeout', 'ocsp_trust_name', 'ocsp_uri',
  'oe', 'overridemtu', 'perpeerlog', 'perpeerlogdir', 'pluto', 'plutofork', 'plutoopts', 'plutorestartoncrash',
  'plutostderrlogtime', 'plutowait', 'postpluto', 'prepluto', 'retransmits', 'rp_filter', 'secctx-attr-value',
  'secctx_attr_value', 'strictcrlpolicy',
];
const CONN = [
  'cisco_unity', 'connaddrfamily', 'disablearrivalcheck', 'ike-frag', 'ike_frag', 'initial_contact', 'labeled-ipsec',
  'labeled_ipsec', 'loopback', 'modecfgdns1', 'modecfgdns2', 'modecfgdomain', 'modecfgwins1', 'modecfgwins2', 'nat_keepalive',
  'nm_configured', 'policy_label', 'sareftrack', 'send_vendorid', 'sha2_truncbug',
];
const CONN_PER_END = ['rsasigkey2', 'subnetwithin', 'xauthname'];

/** Each such key, sides written out, with the kind of section 3.x took it in. */
export const LIBRESWAN_3_ONLY: ReadonlyMap<string, SectionKind> = new Map<string, SectionKind>([
  ...CONFIG.map((name) => [name, 'config'] as const),
  ...CONN.map((name) => [name, 'conn'] as const),
  ...CONN_PER_END.flatMap((name) => [[`left${name}`, 'conn'], [`right${name}`, 'conn']] as const),
]);

/** Keys every 3.x release took in config setup that 4.0 and later take only in a conn. */
export const LIBRESWAN_3_MOVED: ReadonlyMap<string, SectionKind> = new Map<string, SectionKind>([['ikeport', 'config']]);

/** Whether a Libreswan 3 release took the key in this kind of section, where 4.0 and later refuse it. */
export function libreswan3Took(key: string, section: SectionKind): boolean {
  const lower = key.toLowerCase();
  return LIBRESWAN_3_ONLY.get(lower) === section || LIBRESWAN_3_MOVED.get(lower) === section;
}
