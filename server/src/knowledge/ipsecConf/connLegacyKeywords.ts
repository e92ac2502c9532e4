import type { KeywordInfo } from './types';
import { YES_NO, COUNT, STRING, CONN } from './valueTypes';

/** conn keywords only Openswan knows. */
export const CONN_LEGACY_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'disablearrivalcheck', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Skip the check that decrypted packets came through the expected tunnel (KLIPS).',
    dialects: {
      libreswan: { status: 'removed', note: 'The kernel always checks the inbound policy.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'sareftrack', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['yes', 'no', 'conntrack'] },
    doc: 'Track SA references (SAref) so that L2TP servers can tell overlapping clients apart.',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: { status: 'valid', from: '2.6.30' },
    },
  },
  {
    name: 'loopback', leftRight: false, sections: CONN,
    type: YES_NO,
    doc: 'Allow a connection between two addresses of the same host (labeled IPsec testing).',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: { status: 'valid', from: '2.6.38' },
    },
  },
  {
    name: 'labeled_ipsec', leftRight: false, sections: CONN,
    type: YES_NO,
    doc: 'Use SELinux labeled IPsec for this connection.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'sec-label' },
      openswan: { status: 'valid', from: '2.6.38' },
    },
  },
  {
    name: 'policy_label', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'SELinux policy label for labeled IPsec.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'sec-label' },
      openswan: { status: 'valid', from: '2.6.38' },
    },
  },
  {
    name: 'firstmsgid', leftRight: false, sections: CONN,
    type: COUNT,
    doc: 'First IKEv1 message ID to use (interoperability setting).',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: { status: 'valid', from: '2.6.52' },
    },
  },
];
