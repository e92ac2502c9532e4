import type { KeywordInfo } from './types';
import { YES_NO, DURATION, PERCENT, STRING, IKE_PROPOSALS, CONN_LIST, CONN, CONN_CA, CONFIG_CONN } from './valueTypes';

/** conn keywords for the connection as a whole and its IKE SA: startup, version, authentication, lifetimes, liveness. */
export const CONN_IKE_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'also', leftRight: false, sections: CONN,
    type: CONN_LIST,
    doc: 'Include the settings of another conn section here (may be repeated).',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', sections: CONN_CA, note: 'Also allowed in ca sections, to include another ca section.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'alsoflip', leftRight: false, sections: CONN,
    type: CONN_LIST,
    doc: 'Include another conn section with left and right swapped.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0' },
        { status: 'removed', from: '5.0' },
      ],
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'auto', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['ignore', 'add', 'ondemand', 'route', 'up', 'start', 'keep'] }, default: 'ignore',
    doc: 'What to do at startup: nothing (ignore), load it (add), install a trap policy (route/ondemand), or bring it up (start/up).',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', sections: CONN_CA, type: { kind: 'enum', values: ['ignore', 'add', 'route', 'start'] }, note: 'In a ca section only ignore and add matter; route and start count as add.' },
      openswan: { status: 'valid', type: { kind: 'enum', values: ['ignore', 'add', 'route', 'start', 'up'] } },
    },
  },
  {
    name: 'type', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['tunnel', 'transport', 'pass', 'passthrough', 'drop', 'reject'] }, default: 'tunnel',
    doc: 'IPsec mode (tunnel or transport), or a shunt policy that passes or drops the traffic without IPsec.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', type: { kind: 'enum', values: ['tunnel', 'transport', 'transport_proxy', 'passthrough', 'pass', 'drop', 'reject', 'beet'] } },
      openswan: { status: 'valid', type: { kind: 'enum', values: ['tunnel', 'transport', 'udp', 'udpencap', 'pass', 'passthrough', 'reject', 'drop'] } },
    },
  },
  {
    name: 'keyexchange', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['ike', 'ikev1', 'ikev2'] },
    doc: 'IKE version to use for this connection.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['ike'] }, note: 'Libreswan 4 only takes `ike`; choose the version with ikev2=.' },
        { status: 'valid', from: '5.0', default: 'ikev2' },
      ],
      strongswan: { status: 'valid', default: 'ike', note: '`ike` initiates with IKEv2 and accepts both versions.' },
      openswan: [
        { status: 'valid', until: '3.0.0', type: { kind: 'enum', values: ['ike'] }, default: 'ike' },
        { status: 'valid', from: '3.0.0', type: { kind: 'enum', values: ['ike', 'ikev1', 'isakmp', 'oakley', 'ikev2', 'rfc7296'] }, default: 'ike' },
      ],
    },
  },
  {
    name: 'ikev2', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['never', 'permit', 'propose', 'insist', 'yes', 'always', 'no'] },
    doc: 'Whether to use IKEv2: never, permit (answer only), propose (initiate, allow IKEv1), or insist (IKEv2 only).',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0' },
        { status: 'deprecated', from: '5.0', replacement: 'keyexchange', type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n', 'never', 'propose', 'permit', 'insist', 'always'] }, note: 'Libreswan 5 reduces it to yes/no; write keyexchange=ikev1 or ikev2 instead' },
      ],
      openswan: { status: 'valid', default: 'permit' },
    },
  },
  {
    name: 'ikev1', leftRight: false, sections: CONN,
    type: YES_NO,
    doc: 'Whether IKEv1 may be used for this connection (Openswan 3).',
    dialects: {
      libreswan: { status: 'removed', replacement: 'keyexchange' },
      openswan: { status: 'valid', from: '3.0.0' },
    },
  },
  {
    name: 'authby', leftRight: false, sections: CONN,
    type: { kind: 'enumList', values: ['secret', 'rsasig', 'rsa', 'ecdsa', 'eddsa', 'null', 'never', 'rsa-sha1', 'rsa-sha2', 'rsa-sha2_256', 'rsa-sha2_384', 'rsa-sha2_512', 'ecdsa-sha1', 'ecdsa-sha2', 'ecdsa-sha2_256', 'ecdsa-sha2_384', 'ecdsa-sha2_512', 'gssapi'] },
    doc: 'How both ends authenticate: pre-shared key (secret), public-key signatures, NULL or never.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', type: { kind: 'enum', values: ['psk', 'secret', 'pubkey', 'rsa', 'rsasig', 'ecdsa', 'ecdsasig', 'xauthpsk', 'xauthrsasig', 'never'] }, default: 'pubkey', note: 'Only one value; use leftauth/rightauth for anything finer.' },
      openswan: { status: 'valid', type: { kind: 'enum', values: ['never', 'rsasig', 'secret'] }, default: 'rsasig' },
    },
  },
  {
    name: 'ike', leftRight: false, sections: CONN,
    type: IKE_PROPOSALS,
    doc: 'IKE (phase 1) proposals, e.g. `aes256-sha2_256-modp2048`. strongSwan adds its default proposals to a list that does not end in `!` (and offers them alone when `ike=` is not set); Libreswan offers only the list, or its built-in proposals when there is none. Both ends must share a proposal.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'aggressive', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Use IKEv1 Aggressive Mode instead of Main Mode (needed by some PSK remote-access peers; weaker).',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid' },
      openswan: { status: 'valid', from: '2.6.50' },
    },
  },
  {
    name: 'aggrmode', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Use IKEv1 Aggressive Mode (older spelling of aggressive).',
    dialects: {
      libreswan: { status: 'deprecated', replacement: 'aggressive' },
      strongswan: { status: 'removed', replacement: 'aggressive' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'pfs', leftRight: false, sections: CONN,
    type: YES_NO, default: 'yes',
    doc: 'Perfect Forward Secrecy: run a new Diffie-Hellman exchange for each Child SA rekey.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'ignored', note: 'Enable PFS by adding a DH group to the esp= proposal instead.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'pfsgroup', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'DH group for PFS (obsolete; name the group in the esp/phase2alg proposal).',
    dialects: {
      libreswan: { status: 'removed', replacement: 'esp' },
      strongswan: { status: 'ignored', replacement: 'esp', note: 'Add the DH group to the esp= proposal instead.' },
    },
  },
  {
    name: 'ikelifetime', leftRight: false, sections: CONN,
    type: DURATION,
    doc: 'Lifetime of the IKE SA before it is rekeyed (or reauthenticated).',
    dialects: {
      libreswan: { status: 'valid', default: '8h' },
      strongswan: { status: 'valid', default: '3h' },
      openswan: { status: 'valid', default: '1h' },
    },
  },
  {
    name: 'rekey', leftRight: false, sections: CONN,
    type: YES_NO, default: 'yes',
    doc: 'Renegotiate SAs before they expire; with no, let them expire and wait for the peer.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'reauth', leftRight: false, sections: CONN,
    type: YES_NO,
    doc: 'On IKE SA rekey, authenticate again from scratch instead of an in-place rekey.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', default: 'yes' },
    },
  },
  {
    name: 'rekeymargin', leftRight: false, sections: CONN,
    type: DURATION, default: '9m',
    doc: 'Start rekeying this long before the SA expires.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', sameAs: 'margintime' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'margintime', leftRight: false, sections: CONN,
    type: DURATION, default: '9m',
    doc: 'Start rekeying this long before the SA expires (strongSwan spelling of rekeymargin).',
    dialects: {
      libreswan: { status: 'removed', replacement: 'rekeymargin' },
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'rekeyfuzz', leftRight: false, sections: CONN,
    type: PERCENT, default: '100%',
    doc: 'Random extra added to rekeymargin, in percent, so that many tunnels do not rekey at once.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'keyingtries', leftRight: false, sections: CONN,
    type: { kind: 'number', min: 0, specials: ['%forever'] },
    doc: 'How many times to try negotiating (or renegotiating) before giving up; 0 or `%forever` retries forever.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.3', note: 'Ignored with a warning from Libreswan 5.3; revival decides retries.' },
        { status: 'ignored', from: '5.3', note: 'Ignored with a warning from Libreswan 5.3; revival decides retries.' },
      ],
      strongswan: { status: 'valid', default: '3' },
      openswan: { status: 'valid', default: '%forever' },
    },
  },
  {
    name: 'dpddelay', leftRight: false, sections: CONN,
    type: DURATION,
    doc: 'Interval between dead peer detection probes (liveness checks).',
    dialects: {
      libreswan: { status: 'valid', default: '0' },
      strongswan: { status: 'valid', default: '30s' },
      openswan: { status: 'valid', default: '30s' },
    },
  },
  {
    name: 'dpdtimeout', leftRight: false, sections: CONN,
    type: DURATION,
    doc: 'Declare the peer dead when nothing is heard for this long (IKEv1; IKEv2 uses retransmission timeouts).',
    dialects: {
      libreswan: { status: 'valid', default: '0' },
      strongswan: { status: 'valid', default: '150s' },
      openswan: { status: 'valid', default: '120s' },
    },
  },
  {
    name: 'ikev1-dpdtimeout', leftRight: false, sections: CONN,
    type: DURATION,
    doc: 'IKEv1 dead peer timeout (name used by Libreswan 5.0 to 5.3 for dpdtimeout).',
    dialects: {
      libreswan: [
        { status: 'valid', from: '5.0', until: '5.4' },
        { status: 'deprecated', from: '5.4', replacement: 'dpdtimeout' },
      ],
    },
  },
  {
    name: 'dpdaction', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['hold', 'clear', 'restart', 'restart_by_peer'] },
    doc: 'What to do when the peer is declared dead: clear the SAs, hold (trap) the traffic, or restart.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', note: 'Libreswan 5 ignores it; a dead peer always leads to revival.' },
        { status: 'ignored', from: '5.0', note: 'Libreswan 5 ignores it; a dead peer always leads to revival.' },
      ],
      strongswan: { status: 'valid', type: { kind: 'enum', values: ['none', 'clear', 'hold', 'restart'] }, default: 'none' },
      openswan: { status: 'valid', default: 'hold' },
    },
  },
  {
    name: 'closeaction', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['none', 'clear', 'hold', 'restart'] }, default: 'none',
    doc: 'What to do when the peer closes the CHILD_SA: nothing, clear, hold (trap) or restart.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'inactivity', leftRight: false, sections: CONN,
    type: DURATION,
    doc: 'Close the CHILD_SA after this long without traffic.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'debug', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'Debug categories for this connection only (experimental); same words as plutodebug.',
    dialects: {
      libreswan: [
        { status: 'valid', from: '5.0', until: '5.1' },
        { status: 'valid', from: '5.1', until: '5.3', sections: CONFIG_CONN },
        { status: 'valid', from: '5.3' },
      ],
    },
  },
];
