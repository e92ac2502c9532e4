/**
 * `leftprotoport=`/`rightprotoport=`: the protocol and port an end's traffic selector carries,
 * in a form two gateways' values can be compared in.
 */

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export interface ProtoPort {
  /** IP protocol number; undefined for any protocol. */
  readonly protocol: number | undefined;
  readonly ports: PortRange;
}

export const ANY_PROTOPORT: ProtoPort = { protocol: undefined, ports: { from: 0, to: 65535 } };

/** Names both daemons read from /etc/protocols on every system. */
const PROTOCOLS: Readonly<Record<string, number>> = { icmp: 1, igmp: 2, tcp: 6, udp: 17, gre: 47, esp: 50, ah: 51, 'ipv6-icmp': 58, sctp: 132 };

/** Protocols whose "port" is a port; for ICMP the daemons put the message type and code there. */
const WITH_PORTS = new Set([6, 17, 132]);

function parseProtocol(text: string): number | undefined | 'unknown' {
  const word = text.trim().toLowerCase();
  if (word === '' || word === '%any' || word === '0') return undefined;
  if (/^\d{1,3}$/.test(word)) {
    const n = Number(word);
    return n <= 255 ? n : 'unknown';
  }
  return PROTOCOLS[word] ?? 'unknown';
}

function parsePorts(text: string): PortRange | 'unknown' {
  const word = text.trim().toLowerCase();
  if (word === '' || word === '%any' || word === '0') return ANY_PROTOPORT.ports;
  const range = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(word);
  if (!range) return 'unknown';
  const from = Number(range[1]);
  const to = range[2] === undefined ? from : Number(range[2]);
  return from <= to && to <= 65535 ? { from, to } : 'unknown';
}

/**
 * The selector a value stands for, or undefined where only the daemon's host can tell (a port or
 * protocol name from its /etc/services, `%opaque`, an ICMP type) or the value is not one.
 */
export function parseProtoport(value: string): ProtoPort | undefined {
  const slash = value.indexOf('/');
  const protocol = parseProtocol(slash < 0 ? value : value.slice(0, slash));
  const ports = slash < 0 ? ANY_PROTOPORT.ports : parsePorts(value.slice(slash + 1));
  if (protocol === 'unknown' || ports === 'unknown') return undefined;
  const anyPort = ports.from === 0 && ports.to === 65535;
  if (!anyPort && protocol !== undefined && !WITH_PORTS.has(protocol)) return undefined;
  return { protocol, ports };
}

/** How selector `a` stands to `b`: the same, sharing nothing, holding it (wider), held by it (narrower), or overlapping only in part. */
export type ProtoportRelation = 'equal' | 'disjoint' | 'wider' | 'narrower' | 'crossing';

function contains(outer: ProtoPort, inner: ProtoPort): boolean {
  const protocolHolds = outer.protocol === undefined || outer.protocol === inner.protocol;
  return protocolHolds && outer.ports.from <= inner.ports.from && inner.ports.to <= outer.ports.to;
}

export function relateProtoports(a: ProtoPort, b: ProtoPort): ProtoportRelation {
  if (a.protocol !== undefined && b.protocol !== undefined && a.protocol !== b.protocol) return 'disjoint';
  if (a.ports.to < b.ports.from || b.ports.to < a.ports.from) return 'disjoint';
  const aHoldsB = contains(a, b);
  const bHoldsA = contains(b, a);
  if (aHoldsB && bHoldsA) return 'equal';
  if (aHoldsB) return 'wider';
  if (bHoldsA) return 'narrower';
  return 'crossing';
}
