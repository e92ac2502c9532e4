import type { KeywordInfo } from './types';
import { YES_NO, DURATION, COUNT, PORT, BYTE_COUNT, STRING, CONN } from './valueTypes';

/** conn keywords for kernel policy, encapsulation, routing devices, shunts and IP-TFS. */
export const CONN_KERNEL_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'installpolicy', leftRight: false, sections: CONN,
    type: YES_NO, default: 'yes',
    doc: 'Install kernel IPsec policies; set no when another tool (e.g. MIPv6) manages them.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'forceencaps', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Always use UDP encapsulation (NAT-T), even when no NAT is detected.',
    dialects: {
      libreswan: [
        { status: 'ignored', until: '5.0', replacement: 'encapsulation' },
        { status: 'removed', from: '5.0', replacement: 'encapsulation' },
      ],
      strongswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'encapsulation', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n', 'auto'] }, default: 'auto',
    doc: 'UDP encapsulation of ESP: auto (only behind NAT), yes (always) or no.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['yes', 'no', 'auto'] } },
        { status: 'valid', from: '5.0' },
      ],
    },
  },
  {
    name: 'enable-tcp', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n', 'fallback'] }, default: 'no',
    doc: 'Carry IKE and ESP over TCP (RFC 8229): no, yes (only TCP) or fallback (after UDP fails).',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['no', 'yes', 'fallback'] } },
        { status: 'valid', from: '5.0' },
      ],
    },
  },
  {
    name: 'tcp-remoteport', leftRight: false, sections: CONN,
    type: PORT, default: '4500',
    doc: 'Peer TCP port for IKE/ESP over TCP.',
    dialects: {
      // 5.4's pluto: "tcp-remoteport=0 invalid, must be in the range 1-65535", even without IKE over TCP (seen).
      libreswan: [{ status: 'valid', until: '5.4' }, { status: 'valid', from: '5.4', type: { kind: 'number', min: 1, max: 65535 } }],
    },
  },
  {
    name: 'overlapip', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Allow several instances of a road-warrior conn to get the same inner address.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid', from: '2.6.14' },
    },
  },
  {
    name: 'metric', leftRight: false, sections: CONN,
    type: COUNT, default: '1',
    doc: 'Metric of the routes the updown script installs.',
    dialects: {
      // 5.4's pluto: "metric=0 invalid, minimum is 1" (seen; 5.3.2 took it).
      libreswan: [{ status: 'valid', until: '5.4' }, { status: 'valid', from: '5.4', type: { kind: 'number', min: 1 } }],
      openswan: { status: 'valid', from: '2.6.20' },
    },
  },
  {
    name: 'mtu', leftRight: false, sections: CONN,
    type: COUNT,
    doc: 'MTU to set on the routes into the tunnel.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid', from: '2.6.33' },
    },
  },
  {
    name: 'priority', leftRight: false, sections: CONN,
    type: COUNT,
    doc: 'Priority of the kernel policies (lower wins); 0 lets pluto compute it.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'nflog-group', leftRight: false, sections: CONN,
    type: { kind: 'number', min: 1, max: 65535 },
    doc: 'NFLOG group that receives this connection\'s traffic, for inspection with tcpdump on nflog.',
    dialects: {
      libreswan: { status: 'valid', from: '5.3', build: 'NFLOG' },
    },
  },
  {
    name: 'nflog', leftRight: false, sections: CONN,
    type: { kind: 'number', min: 1, max: 65535 },
    doc: 'Old name of nflog-group.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '4.8' },
        { status: 'valid', from: '4.8', until: '5.0', build: 'iptables' },
        { status: 'valid', from: '5.0', until: '5.3', build: 'NFLOG' },
        { status: 'deprecated', from: '5.3', replacement: 'nflog-group', build: 'NFLOG' },
      ],
    },
  },
  {
    name: 'decap-dscp', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Copy the DSCP bits from the outer to the inner header on decapsulation.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'encap-dscp', leftRight: false, sections: CONN,
    type: YES_NO, default: 'yes',
    doc: 'Copy the DSCP bits from the inner to the outer header on encapsulation.',
    dialects: {
      libreswan: { status: 'valid', from: '5.0' },
    },
  },
  {
    name: 'nopmtudisc', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Turn off path MTU discovery for the tunnel (clear the DF bit).',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'nic-offload', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['no', 'crypto', 'packet', 'yes', 'auto'] }, default: 'no',
    doc: 'Offload ESP to the network card: crypto only, the whole packet, or not at all.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['no', 'yes', 'auto'] } },
        // 5.4 dropped auto ("nic-offload=auto" is invalid, seen).
        { status: 'valid', from: '5.0', until: '5.4' },
        { status: 'valid', from: '5.4', type: { kind: 'enum', values: ['no', 'crypto', 'packet', 'yes'] } },
      ],
    },
  },
  {
    name: 'ipsec-interface', leftRight: false, sections: CONN,
    type: { kind: 'number', min: 0, specials: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n'] }, default: 'no',
    doc: 'Route traffic through an XFRM interface `ipsecN` (yes means ipsec1) instead of policy-based routing.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', build: 'XFRM interfaces' },
        { status: 'valid', from: '5.0' },
      ],
    },
  },
  {
    name: 'vti-interface', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'Name of the VTI device for a route-based tunnel, e.g. `vti01`.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'vti-routing', leftRight: false, sections: CONN,
    type: YES_NO, default: 'yes',
    doc: 'Let the updown script add routes through the VTI device.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'vti-shared', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'The VTI device is shared by several connections; do not delete it with this one.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'clones', leftRight: false, sections: CONN,
    type: { kind: 'number', min: 1, specials: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n'] },
    doc: 'Experimental: number of parallel Child SAs (per-CPU SAs) to create; yes means one per CPU.',
    dialects: {
      libreswan: { status: 'valid', from: '5.4' },
    },
  },
  {
    name: 'connalias', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'Extra names by which the connection can be managed.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'sec-label', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'SELinux security label for labeled IPsec, e.g. `system_u:object_r:ipsec_spd_t:s0`.',
    dialects: {
      libreswan: { status: 'valid', from: '4.2' },
    },
  },
  {
    name: 'policy-label', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'Old name of sec-label.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '4.2', build: 'labeled IPsec' },
        { status: 'valid', from: '4.2', until: '5.3' },
        { status: 'deprecated', from: '5.3', replacement: 'sec-label' },
      ],
    },
  },
  {
    name: 'failureshunt', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['none', 'pass', 'passthrough', 'drop', 'hold', 'reject'] }, default: 'none',
    doc: 'What to do with the traffic when negotiation fails: nothing, let it pass in clear, or drop it.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['none', 'passthrough', 'drop', 'hold', 'reject'] } },
        { status: 'valid', from: '5.0' },
      ],
      openswan: { status: 'valid', type: { kind: 'enum', values: ['none', 'passthrough', 'drop', 'reject'] } },
    },
  },
  {
    name: 'negotiationshunt', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['pass', 'passthrough', 'drop', 'hold'] }, default: 'drop',
    doc: 'What to do with the traffic while negotiation is under way: pass it in clear or drop it.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['passthrough', 'drop', 'hold'] } },
        { status: 'valid', from: '5.0' },
      ],
    },
  },
  {
    name: 'share-lease', leftRight: false, sections: CONN,
    type: YES_NO, default: 'yes',
    doc: 'Let several connections of the same client share one leased address.',
    dialects: {
      libreswan: { status: 'valid', from: '5.3' },
    },
  },
  {
    name: 'iptfs', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Use IP-TFS (RFC 9347) aggregation and fragmentation mode for the Child SA.',
    dialects: {
      libreswan: { status: 'valid', from: '5.2' },
    },
  },
  {
    name: 'iptfs-fragmentation', leftRight: false, sections: CONN,
    type: YES_NO, default: 'yes',
    doc: 'IP-TFS: split inner packets across outer packets.',
    dialects: {
      libreswan: { status: 'valid', from: '5.2' },
    },
  },
  {
    name: 'iptfs-packet-size', leftRight: false, sections: CONN,
    type: BYTE_COUNT,
    doc: 'IP-TFS: size of the outer packets (0 follows the path MTU).',
    dialects: {
      libreswan: { status: 'valid', from: '5.2' },
    },
  },
  {
    name: 'iptfs-max-queue-size', leftRight: false, sections: CONN,
    type: BYTE_COUNT, default: '1000000',
    doc: 'IP-TFS: most bytes queued for sending.',
    dialects: {
      libreswan: { status: 'valid', from: '5.2' },
    },
  },
  {
    name: 'iptfs-reorder-window', leftRight: false, sections: CONN,
    type: COUNT, default: '3',
    doc: 'IP-TFS: number of outer packets kept for reordering.',
    dialects: {
      libreswan: { status: 'valid', from: '5.2' },
    },
  },
  {
    name: 'iptfs-init-delay', leftRight: false, sections: CONN,
    type: DURATION, default: '0s',
    doc: 'IP-TFS: delay before the first packet is sent.',
    dialects: {
      libreswan: { status: 'valid', from: '5.2' },
    },
  },
  {
    name: 'iptfs-drop-time', leftRight: false, sections: CONN,
    type: DURATION, default: '1s',
    doc: 'IP-TFS: wait this long for a missing outer packet before giving up on it.',
    dialects: {
      libreswan: { status: 'valid', from: '5.2' },
    },
  },
];
