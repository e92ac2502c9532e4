import type { KeywordInfo } from './types';
import { STRING, FILENAME, CA } from './valueTypes';

/** strongSwan `ca` section keywords. */
export const CA_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'cacert', leftRight: false, sections: CA,
    type: FILENAME,
    doc: 'CA certificate this section describes; relative paths are looked up in /etc/ipsec.d/cacerts.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'crluri', leftRight: false, sections: CA,
    type: STRING,
    doc: 'Where to fetch CRLs for this CA (http://, ldap:// or file:// URI).',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'crluri1', leftRight: false, sections: CA,
    type: STRING,
    doc: 'Same as crluri.',
    dialects: {
      strongswan: { status: 'valid', sameAs: 'crluri' },
    },
  },
  {
    name: 'crluri2', leftRight: false, sections: CA,
    type: STRING,
    doc: 'Second CRL distribution point for this CA.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'ocspuri', leftRight: false, sections: CA,
    type: STRING,
    doc: 'OCSP responder to ask about certificates issued by this CA.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'ocspuri1', leftRight: false, sections: CA,
    type: STRING,
    doc: 'Same as ocspuri.',
    dialects: {
      strongswan: { status: 'valid', sameAs: 'ocspuri' },
    },
  },
  {
    name: 'ocspuri2', leftRight: false, sections: CA,
    type: STRING,
    doc: 'Second OCSP responder for this CA.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'certuribase', leftRight: false, sections: CA,
    type: STRING,
    doc: 'Base URL for hash-and-URL certificate lookups of end-entity certificates issued by this CA.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'ldaphost', leftRight: false, sections: CA,
    type: STRING,
    doc: 'LDAP server for CRL lookups (strongSwan 4); put full ldap:// URIs in crluri instead.',
    dialects: {
      strongswan: { status: 'ignored' },
    },
  },
  {
    name: 'ldapbase', leftRight: false, sections: CA,
    type: STRING,
    doc: 'LDAP base DN for CRL lookups (strongSwan 4).',
    dialects: {
      strongswan: { status: 'ignored' },
    },
  },
];
