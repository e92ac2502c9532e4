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

/*
 * The words of keys whose list 4.0 and later made longer, as the union over every 3.x release's
 * keywords.c (sides written out). From 3.7, addconn refuses the file over any other word
 * ("keyword auto, invalid value: keep", seen with 3.32); 3.0 to 3.6 warned and dropped the line.
 */
const SENDCERT = ['always', 'alwayssend', 'forcedtype', 'never', 'sendifasked'];
const END_AUTH = ['never', 'null', 'rsasig', 'secret'];
export const LIBRESWAN_3_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    auto: ['add', 'ignore', 'ondemand', 'route', 'start', 'up'],
    encapsulation: ['auto', 'no', 'yes'],
    esn: ['either', 'no', 'yes'],
    failureshunt: ['drop', 'hold', 'none', 'passthrough', 'reject'],
    fragmentation: ['force', 'insist', 'never', 'no', 'yes'],
    keyexchange: ['ike'],
    leftauth: END_AUTH,
    leftsendcert: SENDCERT,
    negotiationshunt: ['drop', 'hold', 'passthrough'],
    'nic-offload': ['auto', 'no', 'yes'],
    ppk: ['always', 'insist', 'never', 'no', 'permit', 'propose', 'yes'],
    'remote-peer-type': ['cisco'],
    remote_peer_type: ['cisco'],
    rightauth: END_AUTH,
    rightsendcert: SENDCERT,
    'send-redirect': ['auto', 'no', 'yes'],
    sendcert: ['always', 'alwayssend', 'never', 'sendifasked'],
  }).map(([key, words]) => [key, new Set(words)]),
);

/** Words some 3.x release took that 4.0 and later refuse (early 3.x still had Openswan's `auth=esp` and `type=udpencap`). */
export const LIBRESWAN_3_EXTRA_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    auth: ['ah', 'ah+esp', 'default', 'esp'],
    authby: ['secret|rsasig'],
    leftsendcert: ['forcedtype'],
    phase2: ['ah+esp'],
    rightsendcert: ['forcedtype'],
    type: ['udp', 'udpencap'],
  }).map(([key, words]) => [key, new Set(words)]),
);

/** Whether some 3.x release took this whole value for the key where 4.0 and later refuse it. */
export function libreswan3TookWord(key: string, value: string): boolean {
  return LIBRESWAN_3_EXTRA_WORDS.get(key.toLowerCase())?.has(value.trim().toLowerCase()) ?? false;
}

/** The first word of the value no 3.x release took for the key, with the words they did; undefined when all were taken or the key is not one of these. */
export function libreswan3RefusedWord(key: string, value: string): { readonly word: string; readonly took: readonly string[] } | undefined {
  const words = LIBRESWAN_3_WORDS.get(key.toLowerCase());
  if (!words) return undefined;
  const word = value.split(/[:,\s]+/).find((piece) => piece.length > 0 && !words.has(piece.toLowerCase()));
  return word === undefined ? undefined : { word, took: [...words] };
}

/*
 * The first 3.x release whose keywords.c took each newer name that a deprecated keyword points to
 * (`virtual_private` → `virtual-private` from 3.9); the names missing here no 3.x release took
 * (`ipsec-lifetime`, `rightikeport`, `ikev1-secctx-attr-type`).
 */
const NEWER_NAME_SINCE: ReadonlyMap<string, number> = new Map([
  ['virtual-private', 9],
  ['remote-peer-type', 9],
  ['logfile', 14],
  ['leftusername', 17],
  ['rightusername', 17],
  ['leftauth', 19],
  ['rightauth', 19],
  ['aggressive', 20],
  ['encapsulation', 19],
]);

/** Whether the 3.x release a file is pinned to (`3.25`; a bare `3` stands for any) took this keyword name. */
export function libreswan3Knows(name: string, release: string): boolean {
  const since = NEWER_NAME_SINCE.get(name.toLowerCase());
  const minor = /^3\.(\d+)/.exec(release)?.[1];
  return since !== undefined && minor !== undefined && Number(minor) >= since;
}
