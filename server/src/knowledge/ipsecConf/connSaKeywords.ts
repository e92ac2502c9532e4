import type { KeywordInfo } from './types';
import { YES_NO, DURATION, COUNT, BYTE_COUNT, ESP_PROPOSALS, AH_PROPOSALS, MARK, CONN } from './valueTypes';

/** conn keywords for the IPsec (Child) SA: proposals, lifetimes, limits, marks. */
export const CONN_SA_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'esp', leftRight: false, sections: CONN,
    type: ESP_PROPOSALS,
    doc: 'ESP (phase 2) proposals, e.g. `aes256-sha2_256`. A DH group asks for PFS: strongSwan writes it after a dash (`aes256gcm16-modp2048`), Libreswan after a semicolon (`aes_gcm256;modp2048`; before 5.4 it reads a group after a dash as the integrity algorithm and refuses the conn). strongSwan adds its default proposals to a list that does not end in `!`.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'ah', leftRight: false, sections: CONN,
    type: AH_PROPOSALS,
    doc: 'AH proposals: integrity-only protection without encryption.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', from: '5.1.1' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'phase2alg', leftRight: false, sections: CONN,
    type: ESP_PROPOSALS,
    doc: 'Phase 2 proposals for whatever phase2= selects (older name for esp=/ah=).',
    dialects: {
      libreswan: [
        { status: 'deprecated', until: '5.3', replacement: 'esp' },
        { status: 'valid', from: '5.3' },
      ],
      strongswan: { status: 'removed', replacement: 'esp' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'phase2', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['esp', 'ah', 'default'] }, default: 'esp',
    doc: 'Protocol of the Child SA: ESP (encryption and integrity) or AH (integrity only).',
    dialects: {
      // 5.4 takes esp and ah only ("phase2=default" is invalid, seen).
      libreswan: [{ status: 'valid', until: '5.4' }, { status: 'valid', from: '5.4', type: { kind: 'enum', values: ['esp', 'ah'] } }],
      openswan: { status: 'valid', type: { kind: 'enum', values: ['ah+esp', 'esp', 'ah', 'default'] } },
    },
  },
  {
    name: 'auth', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['ah+esp', 'esp', 'ah', 'default'] }, default: 'esp',
    doc: 'Openswan: phase 2 protocol, same as phase2= (esp or ah).',
    dialects: {
      strongswan: [
        { status: 'valid', until: '5.1.1', note: 'Dropped in strongSwan 5.1.1; integrity-only protection is set with ah=.' },
        { status: 'removed', from: '5.1.1', replacement: 'ah' },
      ],
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'compress', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Propose IPComp compression for the Child SA.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'ipsec-lifetime', leftRight: false, sections: CONN,
    type: DURATION, default: '8h',
    doc: 'Lifetime of the Child (IPsec) SA before it is rekeyed.',
    dialects: {
      libreswan: { status: 'valid', from: '4.8' },
      strongswan: { status: 'removed', replacement: 'lifetime' },
    },
  },
  {
    name: 'salifetime', leftRight: false, sections: CONN,
    type: DURATION, default: '8h',
    doc: 'Lifetime of the IPsec SA before it is rekeyed.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '4.8' },
        { status: 'deprecated', from: '4.8', replacement: 'ipsec-lifetime' },
      ],
      strongswan: { status: 'removed', replacement: 'lifetime' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'keylife', leftRight: false, sections: CONN,
    type: DURATION,
    doc: 'Lifetime of the IPsec SA (old synonym of salifetime / lifetime).',
    dialects: {
      libreswan: [
        { status: 'deprecated', until: '4.8', replacement: 'salifetime' },
        { status: 'deprecated', from: '4.8', replacement: 'ipsec-lifetime' },
      ],
      strongswan: { status: 'valid', sameAs: 'lifetime', default: '1h' },
      openswan: { status: 'valid', default: '8h' },
    },
  },
  {
    name: 'lifetime', leftRight: false, sections: CONN,
    type: DURATION,
    doc: 'Lifetime of the CHILD_SA before it is rekeyed.',
    dialects: {
      libreswan: [
        { status: 'deprecated', until: '4.8', replacement: 'salifetime' },
        { status: 'deprecated', from: '4.8', replacement: 'ipsec-lifetime' },
      ],
      strongswan: { status: 'valid', default: '1h' },
      openswan: { status: 'valid', default: '8h' },
    },
  },
  {
    name: 'ipsec-max-bytes', leftRight: false, sections: CONN,
    type: BYTE_COUNT,
    doc: 'Rekey the Child SA after this many bytes.',
    dialects: {
      libreswan: { status: 'valid', from: '4.8' },
    },
  },
  {
    name: 'ipsec-max-packets', leftRight: false, sections: CONN,
    type: BYTE_COUNT,
    doc: 'Rekey the Child SA after this many packets.',
    dialects: {
      libreswan: { status: 'valid', from: '4.8' },
    },
  },
  {
    name: 'lifebytes', leftRight: false, sections: CONN,
    type: COUNT,
    doc: 'Hard byte limit of the CHILD_SA.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'marginbytes', leftRight: false, sections: CONN,
    type: COUNT,
    doc: 'Rekey this many bytes before lifebytes is reached.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'lifepackets', leftRight: false, sections: CONN,
    type: COUNT,
    doc: 'Hard packet limit of the CHILD_SA.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'marginpackets', leftRight: false, sections: CONN,
    type: COUNT,
    doc: 'Rekey this many packets before lifepackets is reached.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'replay-window', leftRight: false, sections: CONN,
    type: COUNT,
    doc: 'Size of the anti-replay window in packets; 0 turns replay protection off.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'removed', replacement: 'replay_window' },
    },
  },
  {
    name: 'replay_window', leftRight: false, sections: CONN,
    type: { kind: 'number', min: -1 }, default: '-1',
    doc: 'Size of the anti-replay window in packets; -1 uses charon\'s global default.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'replay-window' },
      strongswan: { status: 'valid', from: '5.2.0' },
    },
  },
  {
    name: 'reqid', leftRight: false, sections: CONN,
    type: COUNT,
    doc: 'Fixed reqid for the kernel policies and SAs (useful with static firewall rules).',
    dialects: {
      // 5.3's pluto reads it itself: "reqid=0 invalid, must be in the range 1-16383" (seen with 5.3.2 and 5.4).
      libreswan: [{ status: 'valid', until: '5.3' }, { status: 'valid', from: '5.3', type: { kind: 'number', min: 1, max: 16383 } }],
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'mark', leftRight: false, sections: CONN,
    type: MARK,
    doc: 'Netfilter mark (value/mask) on the policies and SAs in both directions, for route-based setups.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'mark-in', leftRight: false, sections: CONN,
    type: MARK,
    doc: 'Mark for the inbound policy and SA only.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'removed', replacement: 'mark_in' },
    },
  },
  {
    name: 'mark-out', leftRight: false, sections: CONN,
    type: MARK,
    doc: 'Mark for the outbound policy and SA only.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'removed', replacement: 'mark_out' },
    },
  },
  {
    name: 'mark_in', leftRight: false, sections: CONN,
    type: MARK,
    doc: 'Mark for the inbound policy and SA only; `%unique` picks a fresh one per SA.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'mark-in' },
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'mark_out', leftRight: false, sections: CONN,
    type: MARK,
    doc: 'Mark for the outbound policy and SA only.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'mark-out' },
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'tfc', leftRight: false, sections: CONN,
    type: COUNT,
    doc: 'Traffic Flow Confidentiality: pad ESP packets up to this many bytes.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', type: { kind: 'number', min: 0, specials: ['%mtu'] } },
    },
  },
  {
    name: 'sendca', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['none', 'issuer', 'all'] }, default: 'all',
    doc: 'Which CA certificates to send along with this end\'s certificate.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
];
