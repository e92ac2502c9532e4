import type { KeywordInfo } from './types';
import { YES_NO, COUNT, PORT, STRING, ADDRESS, ADDRESS_LIST, HOST, SUBNET, SUBNET_LIST, ADDRESS_POOL, PROTOPORT, CONN } from './valueTypes';

/** Per-end (`left…`/`right…`) keywords for addresses, networks and scripts. */
export const CONN_END_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: '', leftRight: true, sections: CONN,
    type: HOST,
    doc: 'Public address of this end: an IP address, a DNS name, or a magic value such as `%defaultroute` or `%any`.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', note: 'Also takes `%any4`, `%any6`, ranges and subnets (for a responder), and several comma-separated addresses.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'subnet', leftRight: true, sections: CONN,
    type: SUBNET_LIST,
    doc: 'Private network(s) behind this end that the tunnel protects; without it only the host itself is covered.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', note: 'Takes a comma-separated list; each entry may carry `[proto/port]`.' },
      openswan: { status: 'valid', type: SUBNET, note: 'One subnet (or `vhost:`/`vnet:` for NAT); use subnets= for several.' },
    },
  },
  {
    name: 'subnets', leftRight: true, sections: CONN,
    type: SUBNET_LIST,
    doc: 'Several subnets behind this end; the connection is instantiated once per subnet pair.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'subnetwithin', leftRight: true, sections: CONN,
    type: SUBNET,
    doc: 'Accept a peer proposal for any subnet inside this one.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'subnet' },
      strongswan: { status: 'deprecated', replacement: 'subnet', sameAs: 'subnet', note: 'strongSwan reads it as leftsubnet=/rightsubnet=, the subnet itself rather than any subnet within it; write that instead' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'sourceip', leftRight: true, sections: CONN,
    type: ADDRESS,
    doc: 'Inner source address to use for traffic from this host into the tunnel.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid', type: STRING, note: 'Local side: an address or `%config`/`%config4`/`%config6` to request one. Remote side: a pool (CIDR, range, `%poolname`) to hand out.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'ikeport', leftRight: true, sections: CONN,
    type: PORT,
    doc: 'UDP port this end uses for IKE instead of 500/4500.',
    dialects: {
      // From 5.3 pluto wants a port it can use: "leftikeport=0 invalid, must be in range 1-65535" (seen with 5.3.2 and 5.4).
      libreswan: [{ status: 'valid', until: '5.3' }, { status: 'valid', from: '5.3', type: { kind: 'number', min: 1, max: 65535 } }],
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'interface-ip', leftRight: true, sections: CONN,
    type: SUBNET,
    doc: 'Address with prefix length to put on the ipsec-interface device, e.g. `192.0.2.1/24`.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '4.4' },
        { status: 'removed', from: '4.4', until: '5.0' },
        { status: 'valid', from: '5.0' },
      ],
    },
  },
  {
    name: 'vti', leftRight: true, sections: CONN,
    type: SUBNET,
    doc: 'Address with prefix length to assign to the VTI device of this connection.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'nexthop', leftRight: true, sections: CONN,
    type: ADDRESS,
    doc: 'Next-hop router towards the other end; `%defaultroute` or `%direct` are also accepted.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'ignored', note: 'The kernel routing table decides the next hop in charon.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'updown', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Script run when the tunnel goes up or down, to set routes and firewall rules.',
    dialects: {
      libreswan: { status: 'valid', default: 'ipsec _updown' },
      strongswan: { status: 'valid' },
      openswan: { status: 'valid', default: 'ipsec _updown' },
    },
  },
  {
    name: 'updown-config', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Experimental flags for how the updown script is run (`exec`, `async`).',
    dialects: {
      libreswan: { status: 'valid', from: '5.4' },
    },
  },
  {
    name: 'dns', leftRight: true, sections: CONN,
    type: ADDRESS_LIST,
    doc: 'DNS servers to request from the peer (local side) or to hand out (remote side), via configuration payloads.',
    dialects: {
      strongswan: { status: 'valid', from: '5.0.1' },
    },
  },
  {
    name: 'firewall', leftRight: true, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Have the default updown script add firewall rules that let tunnel traffic through.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'updown', note: 'Add firewall rules from a custom updown script.' },
      strongswan: { status: 'valid' },
      openswan: [
        { status: 'valid', until: '2.6.47' },
        { status: 'ignored', from: '2.6.47' },
      ],
    },
  },
  {
    name: 'hostaccess', leftRight: true, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Let the default updown script also allow access to the gateway itself from the peer\'s subnet.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'allowany', leftRight: true, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Accept the peer from any address even though left/right names one.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'protoport', leftRight: true, sections: CONN,
    type: PROTOPORT,
    doc: 'Restrict the tunnel to one protocol and port on this end, e.g. `17/1701` for L2TP. The peer must name the same selector for this end: Libreswan refuses any other unless `narrowing=yes`.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'addresspool', leftRight: true, sections: CONN,
    type: ADDRESS_POOL,
    doc: 'Range or prefix of addresses to lease to clients, e.g. `10.0.10.1-10.0.10.200`.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'cat', leftRight: true, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Client Address Translation: NAT the leased address to the real one on the client.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '4.8' },
        { status: 'valid', from: '4.8', until: '5.0', build: 'iptables' },
        { status: 'valid', from: '5.0', build: 'CAT' },
      ],
    },
  },
  {
    name: 'groundhog', leftRight: true, sections: CONN,
    type: YES_NO,
    doc: 'Testing aid that makes this end replay a fixed state; not for production.',
    dialects: {
      // 5.0 to 5.2 read it from a list without y and n ("leftgroundhog=y, invalid"; seen with 5.0 and 5.2).
      libreswan: [
        { status: 'valid', from: '5.0', until: '5.3', type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'on', 'off', '1', '0'] } },
        { status: 'valid', from: '5.3' },
      ],
    },
  },
  {
    name: 'natip', leftRight: true, sections: CONN,
    type: ADDRESS,
    doc: 'Address of this end as seen through NAT (strongSwan 5.0.0 only).',
    dialects: {
      strongswan: [
        { status: 'valid', until: '5.0.1' },
        { status: 'removed', from: '5.0.1' },
      ],
    },
  },
  {
    name: 'spi', leftRight: true, sections: CONN,
    type: COUNT,
    doc: 'Manual keying: SPI of this end\'s SA.',
    dialects: {
      libreswan: { status: 'removed', note: 'Manual keying is gone.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'spibase', leftRight: true, sections: CONN,
    type: COUNT,
    doc: 'Manual keying: base number for generated SPIs.',
    dialects: {
      libreswan: { status: 'removed', note: 'Manual keying is gone.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'espenckey', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Manual keying: ESP encryption key (hex).',
    dialects: {
      libreswan: { status: 'removed', note: 'Manual keying is gone.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'espauthkey', leftRight: true, sections: CONN,
    type: STRING,
    doc: 'Manual keying: ESP authentication key (hex).',
    dialects: {
      libreswan: { status: 'removed', note: 'Manual keying is gone.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'espreplay_window', leftRight: true, sections: CONN,
    type: COUNT,
    doc: 'Manual keying: replay window size of this end\'s SA.',
    dialects: {
      libreswan: { status: 'removed', note: 'Manual keying is gone.' },
      openswan: { status: 'valid' },
    },
  },
];
