import type { KeywordInfo } from './types';
import { YES_NO, DURATION, STRING, ID, CONN } from './valueTypes';

/** conn keywords for optional IKE features, NAT-T, interoperability quirks and EAP/mediation identities. */
export const CONN_IKE_FEATURE_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'fragmentation', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n', 'force', 'never', 'insist'] }, default: 'yes',
    doc: 'IKE message fragmentation: use it when the peer supports it, never, or always (force).',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['never', 'no', 'yes', 'insist', 'force'] } },
        { status: 'valid', from: '5.0' },
      ],
      strongswan: { status: 'valid', from: '5.0.2', type: { kind: 'enum', values: ['yes', 'accept', 'force', 'no'] }, note: 'accept only answers fragmented messages, never sends them.' },
    },
  },
  // Libreswan 3 took these as other names of fragmentation= (keywords.c of 3.32); 4.0 dropped them.
  {
    name: 'ike-frag', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['never', 'no', 'yes', 'insist', 'force'] },
    doc: 'Libreswan 3 spelling of fragmentation=.',
    dialects: { libreswan: { status: 'removed', replacement: 'fragmentation' } },
  },
  {
    name: 'ike_frag', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['never', 'no', 'yes', 'insist', 'force'] },
    doc: 'Libreswan 3 spelling of fragmentation=.',
    dialects: { libreswan: { status: 'removed', replacement: 'fragmentation' } },
  },
  {
    name: 'mobike', leftRight: false, sections: CONN,
    type: YES_NO,
    doc: 'IKEv2 MOBIKE (RFC 4555): let the tunnel follow address changes of a roaming client.',
    dialects: {
      libreswan: { status: 'valid', default: 'no' },
      strongswan: { status: 'valid', default: 'yes' },
    },
  },
  {
    name: 'narrowing', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'IKEv2: accept (and propose) traffic selectors narrower than configured.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid', from: '2.6.38' },
    },
  },
  {
    name: 'esn', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n', 'either'] }, default: 'either',
    doc: 'Extended (64-bit) sequence numbers for the Child SA.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['yes', 'no', 'either'] } },
        { status: 'valid', from: '5.0' },
      ],
    },
  },
  {
    name: 'ppk', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n', 'never', 'permit', 'propose', 'insist', 'always'] },
    doc: 'Post-quantum preshared keys (RFC 8784): never, permit, propose or insist on mixing a PPK into the keys.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['never', 'permit', 'propose', 'insist', 'yes', 'always', 'no'] } },
        { status: 'valid', from: '5.0' },
      ],
    },
  },
  {
    name: 'ppk-ids', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'Comma-separated PPK identities this connection may use.',
    dialects: {
      libreswan: { status: 'valid', from: '5.0' },
    },
  },
  {
    name: 'intermediate', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Use the IKE_INTERMEDIATE exchange (RFC 9242), e.g. for extra post-quantum key exchanges.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'session-resumption', leftRight: false, sections: CONN,
    type: YES_NO,
    doc: 'Support IKEv2 session resumption (RFC 5723) tickets.',
    dialects: {
      libreswan: { status: 'valid', from: '5.2' },
    },
  },
  {
    name: 'send-supported-auth-methods', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Announce the supported authentication methods to the peer (RFC 9593).',
    dialects: {
      libreswan: { status: 'valid', from: '5.4' },
    },
  },
  {
    name: 'initial-contact', leftRight: false, sections: CONN,
    type: YES_NO, default: 'yes',
    doc: 'Send INITIAL_CONTACT so the peer drops stale SAs from an earlier session.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'retransmit-timeout', leftRight: false, sections: CONN,
    type: DURATION,
    doc: 'Give up an IKE exchange when no answer arrives within this time.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'retransmit-interval', leftRight: false, sections: CONN,
    type: DURATION,
    doc: 'Initial delay before the first IKE retransmission (milliseconds without a unit); it doubles each time.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'nat-ikev1-method', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['both', 'rfc', 'drafts', 'none'] }, default: 'both',
    doc: 'Which IKEv1 NAT-T payload formats to offer: RFC 3947, the old drafts, both or none.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'nat-keepalive', leftRight: false, sections: CONN,
    type: YES_NO, default: 'yes',
    doc: 'Send NAT-T keepalive packets when this end is behind NAT.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'ikepad', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n', '1', '0', 'auto'] },
    doc: 'Pad IKEv1 messages to a multiple of 4 bytes; turn off for peers that reject padding.',
    dialects: {
      // A plain yes/no (kt_bool) in Libreswan 4; 5.0 added `auto`.
      // 5.4 reads it from a list without 1 and 0 ("ikepad=1" is invalid, seen).
      libreswan: [
        { status: 'valid', until: '5.0', type: YES_NO },
        { status: 'valid', from: '5.0', until: '5.4' },
        { status: 'valid', from: '5.4', type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n', 'auto'] } },
      ],
    },
  },
  {
    name: 'sha2-truncbug', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Use the 96-bit SHA2-256 truncation of old Linux kernels, for interoperability only.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'removed', replacement: 'sha256_96' },
    },
  },
  {
    name: 'sha2_truncbug', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Use the 96-bit SHA2-256 truncation of old Linux kernels (Openswan spelling).',
    dialects: {
      libreswan: { status: 'removed', replacement: 'sha2-truncbug' },
      openswan: { status: 'valid', from: '2.6.38' },
    },
  },
  {
    name: 'sha256_96', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Use 96-bit truncation for HMAC-SHA256 in ESP/AH, matching old Linux kernels.',
    dialects: {
      strongswan: { status: 'valid', from: '5.5.3' },
    },
  },
  {
    name: 'ms-dh-downgrade', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Allow the weak DH group Windows clients fall back to on rekey.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'pfs-rekey-workaround', leftRight: false, sections: CONN,
    type: YES_NO,
    doc: 'Interoperability workaround for peers that get PFS wrong during Child SA rekey.',
    dialects: {
      libreswan: { status: 'valid', from: '5.0' },
    },
  },
  {
    name: 'require-id-on-certificate', leftRight: false, sections: CONN,
    type: YES_NO, default: 'yes',
    doc: 'Require the peer\'s ID to appear in its certificate (subject or SAN).',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'dns-match-id', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Opportunistic encryption: require the peer ID to match the reverse DNS of its address.',
    dialects: {
      libreswan: { status: 'removed', note: 'The keyword table spells it `dns-match-id,` (with a comma), so the parser rejects `dns-match-id=`; whack --dns-match-id works.' },
    },
  },
  {
    name: 'reject-simultaneous-ike-auth', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Reject an IKE_AUTH that crosses one this end has sent itself.',
    dialects: {
      libreswan: { status: 'valid', from: '5.4' },
    },
  },
  {
    name: 'fake-strongswan', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Send a strongSwan vendor ID, to unlock workarounds in strongSwan peers.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'send-vendorid', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Send this daemon\'s vendor ID (myvendorid) to the peer.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'remote-peer-type', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['ietf', 'cisco'] },
    doc: 'Peer quirks to expect; cisco turns on Cisco IKEv1 remote-access extensions.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['cisco'] }, note: 'Libreswan 4 takes only cisco; leave the key out for an ordinary peer.' },
        { status: 'valid', from: '5.0', default: 'ietf' },
      ],
    },
  },
  {
    name: 'remote_peer_type', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['ietf', 'cisco'] },
    doc: 'Peer quirks to expect (older spelling of remote-peer-type).',
    dialects: {
      libreswan: [
        { status: 'deprecated', from: '4.2', until: '5.0', replacement: 'remote-peer-type', type: { kind: 'enum', values: ['cisco'] } },
        { status: 'deprecated', from: '5.0', replacement: 'remote-peer-type' },
      ],
      openswan: { status: 'valid', from: '2.6.24', type: { kind: 'enum', values: ['cisco'] }, note: 'Openswan only knows the value cisco.' },
    },
  },
  {
    name: 'hostaddrfamily', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['ipv4', 'ipv6', 'v4', 'inet', 'v6', 'inet6'] },
    doc: 'Address family of left/right when it cannot be told from the values (e.g. DNS names).',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'clientaddrfamily', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['ipv4', 'ipv6', 'v4', 'inet', 'v6', 'inet6'] },
    doc: 'Address family of the protected subnets when it cannot be told from the values.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.3' },
        { status: 'ignored', from: '5.3' },
      ],
      openswan: { status: 'valid', from: '2.6.47' },
    },
  },
  {
    name: 'connaddrfamily', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['ipv4', 'ipv6', 'v4', 'inet', 'v6', 'inet6'] },
    doc: 'Address family of the tunnel traffic (Openswan; older name of clientaddrfamily).',
    dialects: {
      libreswan: { status: 'removed', note: 'The family now follows from the addresses; see hostaddrfamily.' },
      openswan: { status: 'valid', from: '2.6.03' },
    },
  },
  {
    name: 'endaddrfamily', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['ipv4', 'ipv6', 'v4', 'inet', 'v6', 'inet6'] },
    doc: 'Address family of the gateways (Openswan 2.6.47 and later).',
    dialects: {
      libreswan: { status: 'removed', replacement: 'hostaddrfamily' },
      openswan: { status: 'valid', from: '2.6.47' },
    },
  },
  {
    name: 'tunneladdrfamily', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['ipv4', 'ipv6', 'v4', 'inet', 'v6', 'inet6'] },
    doc: 'Address family of the tunnel traffic (Openswan synonym of clientaddrfamily).',
    dialects: {
      libreswan: { status: 'removed', note: 'The family now follows from the addresses.' },
      openswan: { status: 'valid', from: '2.6.50' },
    },
  },
  {
    name: 'aaa_identity', leftRight: false, sections: CONN,
    type: ID,
    doc: 'Identity of the AAA (RADIUS) server in EAP authentication.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'eap_identity', leftRight: false, sections: CONN,
    type: ID,
    doc: 'Identity the client uses for EAP; `%identity` asks the client for it.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'xauth_identity', leftRight: false, sections: CONN,
    type: ID,
    doc: 'User name the client sends for XAUTH, if it differs from its IKE identity.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'eap', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'Old EAP method selector; use leftauth=eap-… instead.',
    dialects: {
      strongswan: { status: 'ignored', replacement: 'auth' },
    },
  },
  {
    name: 'mediation', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'This connection is to a mediation server (IKEv2 mediation extension).',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'mediated_by', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'Name of the mediation connection through which this connection is set up.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'me_peerid', leftRight: false, sections: CONN,
    type: ID,
    doc: 'Identity of the other peer as known to the mediation server.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'ikedscp', leftRight: false, sections: CONN,
    type: STRING, default: '000000',
    doc: 'DSCP value for outgoing IKE packets, written as six binary digits.',
    dialects: {
      strongswan: { status: 'valid', from: '5.0.3' },
    },
  },
];
