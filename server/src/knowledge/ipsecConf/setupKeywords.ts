import type { KeywordInfo } from './types';
import { YES_NO, DURATION, COUNT, STRING, FILENAME, ADDRESS, ADDRESS_LIST, SUBNET_LIST, CONFIG } from './valueTypes';

/** `config setup` keywords of current releases. */
export const SETUP_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'ikev1-policy', leftRight: false, sections: CONFIG,
    type: { kind: 'enum', values: ['accept', 'reject', 'drop'] },
    doc: 'What to do with IKEv1 requests globally: accept them, answer with an error (reject) or silently drop them.',
    dialects: {
      libreswan: [
        { status: 'valid', from: '4.2', until: '4.5', default: 'accept' },
        { status: 'valid', from: '4.5', until: '5.0', default: 'accept', packagedDefault: { value: 'drop', by: "Debian's and Ubuntu's Libreswan packages (Debian 4.5-2 on)" } },
        { status: 'valid', from: '5.0', default: 'drop' },
      ],
    },
  },
  {
    name: 'curl-iface', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Network interface (or source address) that curl uses to fetch CRLs and OCSP responses.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'curl-timeout', leftRight: false, sections: CONFIG,
    type: DURATION,
    doc: 'Timeout for fetching CRLs over the network; renamed crl-timeout in Libreswan 5.3.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.3' },
        { status: 'deprecated', from: '5.3', replacement: 'crl-timeout' },
      ],
    },
  },
  {
    name: 'crl-timeout', leftRight: false, sections: CONFIG,
    type: DURATION, default: '5s',
    doc: 'How long to wait when fetching a CRL before giving up.',
    dialects: {
      libreswan: { status: 'valid', from: '5.3' },
    },
  },
  {
    name: 'dnssec-enable', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'yes',
    doc: 'Validate DNS answers (e.g. IPSECKEY lookups) with DNSSEC.',
    dialects: {
      libreswan: { status: 'valid', build: 'DNSSEC' },
    },
  },
  {
    name: 'dnssec-rootkey-file', leftRight: false, sections: CONFIG,
    type: FILENAME,
    doc: 'File with the DNSSEC root key used as the trust anchor.',
    dialects: {
      libreswan: { status: 'valid', build: 'DNSSEC' },
    },
  },
  {
    name: 'dnssec-anchors', leftRight: false, sections: CONFIG,
    type: FILENAME,
    doc: 'File with additional DNSSEC trust anchors.',
    dialects: {
      libreswan: { status: 'valid', build: 'DNSSEC' },
    },
  },
  {
    name: 'uniqueids', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'yes',
    doc: 'Replace an existing IKE SA when the same peer ID connects again.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', type: { kind: 'enum', values: ['yes', 'no', 'never', 'replace', 'keep'] }, note: 'never also ignores INITIAL_CONTACT; keep refuses the new SA instead of replacing the old one.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'shuntlifetime', leftRight: false, sections: CONFIG,
    type: DURATION, default: '15m',
    doc: 'How long bare shunts (e.g. from failed opportunistic attempts) stay in place.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'global-redirect', leftRight: false, sections: CONFIG,
    type: { kind: 'enum', values: ['yes', 'no', 'auto'] }, default: 'no',
    doc: 'Redirect every new IKEv2 client to another gateway (RFC 5685); auto does it only under load.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'global-redirect-to', leftRight: false, sections: CONFIG,
    type: ADDRESS_LIST,
    doc: 'Gateways (addresses or names) that global-redirect sends clients to.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'crl-strict', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'no',
    doc: 'Reject peer certificates when no current CRL is available.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'crlcheckinterval', leftRight: false, sections: CONFIG,
    type: DURATION,
    doc: 'How often to refetch CRLs; 0 turns periodic fetching off.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'ignored', note: 'A pluto setting; strongSwan uses cachecrls and strictcrlpolicy.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'ocsp-strict', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'no',
    doc: 'Fail authentication when the OCSP responder cannot give a good answer.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ocsp-enable', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'no',
    doc: 'Check peer certificates with OCSP.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ocsp-uri', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'OCSP responder URI to use instead of the one named in the certificate.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ocsp-timeout', leftRight: false, sections: CONFIG,
    type: DURATION, default: '2s',
    doc: 'How long to wait for an OCSP response.',
    dialects: {
      // A plain number of seconds (kt_number, then kt_unsigned) until 5.1 made it a duration.
      libreswan: [{ status: 'valid', until: '5.1', type: COUNT }, { status: 'valid', from: '5.1' }],
    },
  },
  {
    name: 'ocsp-trustname', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'NSS nickname of the certificate that signs the OCSP responses.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ocsp-cache-size', leftRight: false, sections: CONFIG,
    type: COUNT, default: '1000',
    doc: 'How many OCSP responses to cache.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ocsp-cache-min-age', leftRight: false, sections: CONFIG,
    type: DURATION, default: '1h',
    doc: 'Keep cached OCSP responses at least this long.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ocsp-cache-max-age', leftRight: false, sections: CONFIG,
    type: DURATION, default: '1d',
    doc: 'Drop cached OCSP responses after this long.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ocsp-method', leftRight: false, sections: CONFIG,
    type: { kind: 'enum', values: ['get', 'post'] }, default: 'get',
    doc: 'HTTP method for OCSP requests; post forces POST, get tries GET first.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ddos-mode', leftRight: false, sections: CONFIG,
    type: { kind: 'enum', values: ['auto', 'busy', 'unlimited'] }, default: 'auto',
    doc: 'Anti-DoS behaviour: switch automatically, always require cookies (busy), or never (unlimited).',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ddos-ike-threshold', leftRight: false, sections: CONFIG,
    type: COUNT, default: '25000',
    doc: 'Number of half-open IKE SAs at which pluto starts demanding cookies.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'max-halfopen-ike', leftRight: false, sections: CONFIG,
    type: COUNT, default: '50000',
    doc: 'Refuse new IKE exchanges above this many half-open IKE SAs.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ike-socket-bufsize', leftRight: false, sections: CONFIG,
    type: COUNT,
    doc: 'Receive and send buffer size of the IKE sockets (kernel default when unset).',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ike-socket-errqueue', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'yes',
    doc: 'Read ICMP errors from the IKE socket error queue to notice unreachable peers.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'expire-lifetime', leftRight: false, sections: CONFIG,
    type: DURATION,
    doc: 'Lifetime of the kernel\'s acquire (larval) states before they expire.',
    dialects: {
      libreswan: { status: 'valid', from: '5.3', build: 'XFRM' },
    },
  },
  {
    name: 'xfrmlifetime', leftRight: false, sections: CONFIG,
    type: DURATION,
    doc: 'Old name of expire-lifetime.',
    dialects: {
      // A plain number of seconds (kt_number, then kt_unsigned) until 5.3 made it a duration.
      libreswan: [
        { status: 'valid', until: '4.8', type: COUNT },
        { status: 'valid', from: '4.8', until: '5.3', build: 'XFRM', type: COUNT },
        { status: 'deprecated', from: '5.3', replacement: 'expire-lifetime', build: 'XFRM' },
      ],
    },
  },
  {
    name: 'expire-shunt-interval', leftRight: false, sections: CONFIG,
    type: DURATION, default: '20s',
    doc: 'How often pluto scans for expired bare shunts.',
    dialects: {
      libreswan: { status: 'valid', from: '5.3' },
    },
  },
  {
    name: 'virtual-private', leftRight: false, sections: CONFIG,
    type: SUBNET_LIST,
    doc: 'Networks peers behind NAT may use as their inner address, e.g. `%v4:10.0.0.0/8,%v4:!192.168.1.0/24`.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'virtual_private', leftRight: false, sections: CONFIG,
    type: SUBNET_LIST,
    doc: 'Networks peers behind NAT may claim (Openswan spelling of virtual-private).',
    dialects: {
      libreswan: [
        { status: 'deprecated', until: '5.3', replacement: 'virtual-private' },
        { status: 'ignored', from: '5.3' },
      ],
      strongswan: { status: 'ignored', note: 'charon does not use it.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'keep-alive', leftRight: false, sections: CONFIG,
    type: DURATION,
    doc: 'Interval of NAT-T keepalive packets sent to peers behind NAT.',
    dialects: {
      // A plain number of seconds (kt_number, then kt_unsigned) until 5.2 made it a duration.
      libreswan: [{ status: 'valid', until: '5.2', type: COUNT }, { status: 'valid', from: '5.2' }],
    },
  },
  {
    name: 'listen-tcp', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'no',
    doc: 'Accept IKE over TCP (RFC 8229) on port 4500.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'listen-udp', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'yes',
    doc: 'Accept IKE over UDP on ports 500 and 4500.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'listen', leftRight: false, sections: CONFIG,
    type: ADDRESS,
    doc: 'Only listen for IKE on this local address instead of all interfaces.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid', from: '2.6.30' },
    },
  },
  {
    name: 'drop-oppo-null', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'no',
    doc: 'Drop opportunistic requests that use NULL authentication.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ikev1-secctx-attr-type', leftRight: false, sections: CONFIG,
    type: COUNT,
    doc: 'IKEv1 attribute number used for SELinux security contexts (labeled IPsec).',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', build: 'labeled IPsec' },
        { status: 'ignored', from: '5.0' },
      ],
    },
  },
  {
    name: 'secctx-attr-type', leftRight: false, sections: CONFIG,
    type: COUNT,
    doc: 'Short name of ikev1-secctx-attr-type.',
    dialects: {
      libreswan: [
        { status: 'deprecated', until: '5.0', replacement: 'ikev1-secctx-attr-type', build: 'labeled IPsec' },
        { status: 'ignored', from: '5.0' },
      ],
    },
  },
  {
    name: 'cachecrls', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'no',
    doc: 'Store fetched CRLs in /etc/ipsec.d/crls for reuse.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'strictcrlpolicy', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'no',
    doc: 'Require a fresh CRL for every peer certificate.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'crl-strict' },
      strongswan: { status: 'valid', type: { kind: 'enum', values: ['yes', 'no', 'ifuri'] }, note: 'ifuri is strict only when the certificate names a CRL or OCSP URI.' },
      openswan: { status: 'valid' },
    },
  },
];
