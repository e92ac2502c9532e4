import type { KeywordInfo } from './types';
import { YES_NO, STRING, FILENAME, ADDRESS, ID, PUBKEY, CONN } from './valueTypes';

/** Per-end (`left…`/`right…`) keywords for identities, keys, certificates and client roles. */
export const CONN_END_AUTH_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'id', leftRight: true, sections: CONN,
    type: ID,
    doc: 'How this end identifies itself in IKE: `@fqdn`, `@user@fqdn`, an address, a DN, or `%fromcert`.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'id2', leftRight: true, sections: CONN,
    type: ID,
    doc: 'Identity for the second authentication round (IKEv2 multiple authentication).',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'rsasigkey', leftRight: true, sections: CONN,
    type: PUBKEY,
    doc: 'RSA public key of this end (`0s…`), or `%cert` to take it from the certificate.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: [
        { status: 'valid', until: '5.1.0' },
        { status: 'valid', from: '5.1.0', sameAs: 'sigkey' },
      ],
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'rsasigkey2', leftRight: true, sections: CONN,
    type: PUBKEY,
    doc: 'Second RSA public key, used while rolling over to a new key.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'rsasigkey' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'sigkey', leftRight: true, sections: CONN,
    type: PUBKEY,
    doc: 'Raw public key of this end, inline or as a path to a PEM/DER file.',
    dialects: {
      strongswan: { status: 'valid', from: '5.1.0' },
    },
  },
  {
    name: 'ecdsakey', leftRight: true, sections: CONN,
    type: PUBKEY,
    doc: 'ECDSA public key of this end, in the same forms as rsasigkey.',
    dialects: {
      libreswan: { status: 'valid', from: '4.8' },
    },
  },
  {
    name: 'eddsakey', leftRight: true, sections: CONN,
    type: PUBKEY,
    doc: 'EdDSA (Ed25519) public key of this end.',
    dialects: {
      libreswan: { status: 'valid', from: '5.4' },
    },
  },
  {
    name: 'pubkey', leftRight: true, sections: CONN,
    type: PUBKEY,
    doc: 'Raw public key of this end in any supported algorithm (DNS-style encoding).',
    dialects: {
      libreswan: { status: 'valid', from: '4.8' },
    },
  },
  {
    name: 'cert', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Certificate for this end: its NSS nickname (Libreswan) or file name.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', type: FILENAME, note: 'Relative paths are looked up in /etc/ipsec.d/certs; `%smartcard` loads it from a token.' },
      openswan: { status: 'valid', type: FILENAME },
    },
  },
  {
    name: 'cert2', leftRight: true, sections: CONN,
    type: FILENAME,
    doc: 'Certificate for the second authentication round.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'ckaid', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Hex CKA_ID of the private key in NSS, for raw-key authentication without a certificate.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'sendcert', leftRight: true, sections: CONN,
    type: { kind: 'enum', values: ['always', 'sendifasked', 'never', 'alwayssend', 'ifasked', 'yes', 'no'] },
    doc: 'When to send this end\'s certificate to the peer.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.3', default: 'always', type: { kind: 'enum', values: ['always', 'sendifasked', 'never', 'alwayssend'] } },
        { status: 'valid', from: '5.3', default: 'always' },
      ],
      strongswan: { status: 'valid', type: { kind: 'enum', values: ['always', 'ifasked', 'never', 'yes', 'no'] }, default: 'ifasked' },
      openswan: { status: 'valid', type: { kind: 'enum', values: ['never', 'sendifasked', 'alwayssend', 'always', 'forcedtype'] }, default: 'sendifasked' },
    },
  },
  {
    name: 'ca', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Distinguished name of the CA that must have issued the peer\'s certificate; `%same` reuses the other side\'s.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'ca2', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Required issuing CA for the second authentication round.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'certpolicy', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Certificate policy OIDs the peer\'s certificate chain must contain.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'auth', leftRight: true, sections: CONN,
    type: { kind: 'enum', values: ['never', 'secret', 'psk', 'rsasig', 'rsa', 'ecdsa', 'null', 'eaponly'] },
    doc: 'How this end authenticates, when the two ends differ (IKEv2 asymmetric authentication).',
    dialects: {
      // keywords.c's kw_auth_list (to 5.2) has "rsa" as an alias and no "psk"; 5.3's pluto reads the names of
      // lib/libswan/constants.c, without "rsa" ("'rsa' unrecognized", seen with 5.3 and 5.4); 5.4 those of auth_names.c, where PSK is one.
      libreswan: [
        { status: 'valid', until: '5.3', type: { kind: 'enum', values: ['never', 'secret', 'rsasig', 'rsa', 'ecdsa', 'null', 'eaponly'] } },
        { status: 'valid', from: '5.3', until: '5.4', type: { kind: 'enum', values: ['never', 'secret', 'rsasig', 'ecdsa', 'null', 'eaponly'] } },
        { status: 'valid', from: '5.4', type: { kind: 'enum', values: ['never', 'secret', 'psk', 'rsasig', 'ecdsa', 'null', 'eaponly'] } },
      ],
      strongswan: { status: 'valid', type: STRING, note: 'Takes pubkey, rsa, ecdsa, psk, eap[-type], xauth[-backend] and optional hash/identity suffixes, e.g. `rsa-sha256` or `eap-tls`.' },
    },
  },
  {
    name: 'auth2', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Authentication method for a second round, e.g. `eap-mschapv2` after a certificate.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'autheap', leftRight: true, sections: CONN,
    type: { kind: 'enum', values: ['none', 'tls'] }, default: 'none',
    doc: 'EAP method this end uses (only EAP-TLS is supported).',
    dialects: {
      libreswan: [
        { status: 'valid', from: '4.6', until: '4.7', build: 'EAP-TLS' },
        { status: 'valid', from: '4.7' },
      ],
    },
  },
  {
    name: 'groups', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Group memberships (from attribute certificates or EAP-RADIUS) the peer must have.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'groups2', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Required group memberships for the second authentication round.',
    dialects: {
      strongswan: { status: 'valid', from: '5.0.1' },
    },
  },
  {
    name: 'xauthserver', leftRight: true, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'This end is the XAUTH server (asks the other end for a user name and password).',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'xauthclient', leftRight: true, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'This end is an XAUTH client.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'modecfgserver', leftRight: true, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'This end hands out addresses and DNS settings with IKEv1 Mode Config.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'modecfgclient', leftRight: true, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'This end receives its address and DNS settings with Mode Config.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'username', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'User name this end sends for XAUTH or EAP.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'xauthusername', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Old name of username=, still written by NetworkManager-libreswan.',
    dialects: {
      libreswan: { status: 'deprecated', from: '4.2', replacement: 'username' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'xauthname', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'XAUTH user name this end sends (Openswan spelling).',
    dialects: {
      libreswan: { status: 'removed', replacement: 'username' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'modecfgdns1', leftRight: true, sections: CONN,
    type: ADDRESS,
    doc: 'First DNS server handed out with Mode Config.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'modecfgdns' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'modecfgdns2', leftRight: true, sections: CONN,
    type: ADDRESS,
    doc: 'Second DNS server handed out with Mode Config.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'modecfgdns' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'modecfgwins1', leftRight: true, sections: CONN,
    type: ADDRESS,
    doc: 'First WINS server handed out with Mode Config.',
    dialects: {
      libreswan: { status: 'removed', note: 'WINS servers are no longer handed out.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'modecfgwins2', leftRight: true, sections: CONN,
    type: ADDRESS,
    doc: 'Second WINS server handed out with Mode Config.',
    dialects: {
      libreswan: { status: 'removed', note: 'WINS servers are no longer handed out.' },
      openswan: { status: 'valid' },
    },
  },
];
