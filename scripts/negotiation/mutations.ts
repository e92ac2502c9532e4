import { ESP_PROPOSALS, IKE_PROPOSALS, randomSecret } from './generate';
import { narrower, sibling, wider } from './net4';
import { HOST_ADDRESS } from './pki';
import type { Rng } from './random';
import type { PairCase, SideConfig } from './spec';
import { peerOf, sideOf } from './spec';

export interface Mutation {
  readonly name: string;
  readonly weight: number;
  readonly summary: string;
  /** The existing rule meant to catch this mutation, if any. */
  readonly rule?: string;
  readonly applies: (pair: PairCase) => boolean;
  /** Changes `side` (and maybe its peer); returns what it did in words. */
  readonly apply: (pair: PairCase, side: SideConfig, peer: SideConfig, rng: Rng) => string;
}

const isCert = (p: PairCase): boolean => p.base.auth !== 'psk';
const always = (): boolean => true;

/** Replaces a setting keeping its place, or appends it. */
function set(side: SideConfig, key: string, value: string | undefined): void {
  if (value === undefined) delete side.conn[key];
  else side.conn[key] = value;
}

function wrongId(current: string | undefined): string {
  if (!current || current.startsWith('@')) return '@intruder.example';
  if (current.includes('=')) return 'CN=intruder.example, O=ngt lab';
  if (current.includes('@')) return 'admin@intruder.example';
  return '192.0.2.99';
}

/** Two disjoint non-empty lists of proposals, or two sharing exactly one. */
function proposalLists(all: readonly string[], rng: Rng, overlap: boolean): [string[], string[]] {
  const shuffled = rng.shuffle(all);
  if (!overlap) return [shuffled.slice(0, 1 + rng.int(2)), shuffled.slice(2, 3 + rng.int(2))];
  const common = shuffled[0];
  return [rng.shuffle([common, shuffled[1]]), rng.shuffle([common, shuffled[2], ...(rng.chance(0.5) ? [shuffled[3]] : [])])];
}

export const MUTATIONS: readonly Mutation[] = [
  { name: 'none', weight: 4, summary: 'consistent pair (baseline)', applies: always, apply: () => 'consistent pair' },
  {
    name: 'rightid-differs',
    rule: 'peer-id-mismatch',
    weight: 2,
    summary: "rightid is not the peer's ID",
    applies: always,
    apply: (_p, side) => {
      const id = wrongId(side.conn.rightid);
      set(side, 'rightid', id);
      return `rightid=${id}`;
    },
  },
  {
    name: 'right-address-differs',
    rule: 'peer-address-mismatch',
    weight: 2,
    summary: "right= is not the peer's address",
    applies: always,
    apply: (_p, side) => {
      set(side, 'right', '192.0.2.77');
      return 'right=192.0.2.77';
    },
  },
  {
    name: 'psk-differs',
    weight: 2,
    summary: 'the two PSKs differ',
    applies: (p) => p.base.auth === 'psk',
    apply: (_p, side, _peer, rng) => {
      side.secrets = side.secrets.map((line) => line.replace(/PSK "[^"]*"/, `PSK "${randomSecret(rng)}"`));
      return 'another PSK in ipsec.secrets';
    },
  },
  {
    name: 'psk-selector-ips',
    weight: 1,
    summary: 'PSK indexed by addresses while the conn uses other IDs',
    applies: (p) => p.base.auth === 'psk' && (p.base.idForm === 'fqdn' || p.base.idForm === 'email') && p.base.pskSelector === 'ids',
    apply: (_p, side) => {
      const peer = peerOf(side.host);
      side.secrets = side.secrets.map((line) => line.replace(/^.*? : PSK/, `${HOST_ADDRESS[side.host]} ${HOST_ADDRESS[peer]} : PSK`));
      return 'ipsec.secrets selects the PSK by addresses';
    },
  },
  {
    name: 'authby-differs',
    rule: 'peer-authby-mismatch',
    weight: 2,
    summary: 'one side uses another authentication method',
    applies: always,
    apply: (p, side, _peer, rng) => {
      if (p.base.auth === 'psk') {
        const method = rng.pick(['rsasig', 'ecdsa'] as const);
        set(side, 'authby', method);
        return `authby=${method}`;
      }
      set(side, 'authby', 'secret');
      side.secrets = [`%any : PSK "${randomSecret(rng)}"`];
      return 'authby=secret with a PSK';
    },
  },
  {
    name: 'authby-equivalent',
    weight: 1,
    summary: 'authby spelled differently but compatible (rsasig,ecdsa vs rsasig)',
    applies: (p) => p.base.auth === 'rsa',
    apply: (_p, side, peer) => {
      set(side, 'authby', 'rsasig,ecdsa');
      set(peer, 'authby', 'rsasig');
      return 'authby=rsasig,ecdsa here, authby=rsasig at the peer';
    },
  },
  {
    name: 'type-differs',
    rule: 'peer-type-mismatch',
    weight: 2,
    summary: 'tunnel on one side, transport on the other',
    applies: always,
    apply: (_p, side) => {
      const type = side.conn.type === 'transport' ? 'tunnel' : 'transport';
      set(side, 'type', type);
      if (type === 'transport') {
        set(side, 'leftsubnet', undefined);
        set(side, 'rightsubnet', undefined);
      }
      return `type=${type}`;
    },
  },
  {
    name: 'ike-disjoint',
    weight: 2,
    summary: 'ike= lists without a common proposal',
    applies: always,
    apply: (_p, side, peer, rng) => {
      const [a, b] = proposalLists(IKE_PROPOSALS, rng, false);
      set(side, 'ike', a.join(','));
      set(peer, 'ike', b.join(','));
      return `ike=${a.join(',')} vs ike=${b.join(',')}`;
    },
  },
  {
    name: 'ike-overlap',
    weight: 1,
    summary: 'different ike= lists sharing one proposal',
    applies: always,
    apply: (_p, side, peer, rng) => {
      const [a, b] = proposalLists(IKE_PROPOSALS, rng, true);
      set(side, 'ike', a.join(','));
      set(peer, 'ike', b.join(','));
      return `ike=${a.join(',')} vs ike=${b.join(',')}`;
    },
  },
  {
    name: 'esp-disjoint',
    weight: 2,
    summary: 'esp= lists without a common proposal',
    applies: always,
    apply: (_p, side, peer, rng) => {
      const [a, b] = proposalLists(ESP_PROPOSALS, rng, false);
      set(side, 'esp', a.join(','));
      set(peer, 'esp', b.join(','));
      return `esp=${a.join(',')} vs esp=${b.join(',')}`;
    },
  },
  {
    name: 'esp-overlap',
    weight: 1,
    summary: 'different esp= lists sharing one proposal',
    applies: always,
    apply: (_p, side, peer, rng) => {
      const [a, b] = proposalLists(ESP_PROPOSALS, rng, true);
      set(side, 'esp', a.join(','));
      set(peer, 'esp', b.join(','));
      return `esp=${a.join(',')} vs esp=${b.join(',')}`;
    },
  },
  {
    name: 'pfs-differs',
    rule: 'peer-pfs-mismatch',
    weight: 2,
    summary: 'pfs=no on one side, pfs=yes on the other',
    applies: always,
    apply: (_p, side, peer, rng) => {
      set(side, 'pfs', 'no');
      set(peer, 'pfs', rng.chance(0.5) ? 'yes' : undefined);
      return `pfs=no vs ${peer.conn.pfs ? 'pfs=yes' : 'pfs unset (yes)'}`;
    },
  },
  {
    name: 'subnet-not-mirrored',
    weight: 2,
    summary: "rightsubnet is disjoint from the peer's leftsubnet",
    applies: (p) => p.base.subnets,
    apply: (_p, side) => {
      const subnet = sibling(side.conn.rightsubnet);
      set(side, 'rightsubnet', subnet);
      return `rightsubnet=${subnet}`;
    },
  },
  {
    name: 'subnet-resized',
    weight: 1,
    summary: "rightsubnet is wider or narrower than the peer's leftsubnet",
    applies: (p) => p.base.subnets,
    apply: (_p, side, _peer, rng) => {
      const subnet = rng.chance(0.5) ? wider(side.conn.rightsubnet) : narrower(side.conn.rightsubnet);
      set(side, 'rightsubnet', subnet);
      return `rightsubnet=${subnet}`;
    },
  },
  {
    name: 'ike-version-differs',
    weight: 2,
    summary: 'IKEv1 on one side, IKEv2 on the other',
    applies: (p) => p.base.auth !== 'ec',
    apply: (_p, side) => {
      const value = side.conn.ikev2 === 'yes' ? 'no' : 'yes';
      set(side, 'ikev2', value);
      return `ikev2=${value}`;
    },
  },
  {
    name: 'ca-missing',
    rule: 'ca-missing',
    weight: 2,
    summary: "the CA is not in one side's cacerts (nor its NSS db)",
    applies: isCert,
    apply: (_p, side) => {
      side.cacerts = [];
      return 'no CA certificate';
    },
  },
  {
    name: 'other-ca',
    rule: 'ca-missing',
    weight: 2,
    summary: "one side's certificate is issued by a CA its peer does not trust",
    applies: isCert,
    apply: (_p, side, _peer, rng) => {
      if (side.cert) side.cert.variant = 'other-ca';
      const trustsOwn = rng.chance(0.5);
      side.cacerts = trustsOwn ? ['main', 'other'] : ['main'];
      return trustsOwn ? 'certificate from the other CA; both CAs in its own cacerts' : 'certificate from the other CA';
    },
  },
  {
    name: 'san-missing',
    rule: 'cert-id-mismatch',
    weight: 2,
    summary: "one side's certificate does not carry its ID",
    applies: (p) => isCert(p) && ['fqdn', 'ip', 'email'].includes(p.base.idForm),
    apply: (_p, side) => {
      if (side.cert) side.cert.variant = 'nosan';
      return 'certificate with SAN DNS:unrelated.example only';
    },
  },
  {
    name: 'cert-expired',
    rule: 'cert-validity',
    weight: 2,
    summary: "one side's certificate has expired",
    applies: isCert,
    apply: (_p, side) => {
      if (side.cert) side.cert.variant = 'expired';
      return 'certificate valid 2020-01-01..2021-01-01';
    },
  },
  {
    name: 'ec-authby-default',
    weight: 2,
    summary: 'EC certificates without authby=ecdsa',
    applies: (p) => p.base.auth === 'ec',
    apply: (_p, side, peer, rng) => {
      const value = rng.pick([undefined, 'rsasig,ecdsa'] as const);
      set(side, 'authby', value);
      const both = rng.chance(0.5);
      if (both) set(peer, 'authby', value);
      return `${value ? `authby=${value}` : 'authby unset'} on ${both ? 'both sides' : 'this side'}`;
    },
  },
];

export function mutationNamed(name: string): Mutation | undefined {
  return MUTATIONS.find((m) => m.name === name);
}

/** Applies one mutation chosen by weight among those that fit the pair (or the one named). */
export function mutate(pair: PairCase, rng: Rng, only?: readonly string[]): void {
  const candidates = MUTATIONS.filter((m) => m.applies(pair) && (!only || only.includes(m.name)));
  if (candidates.length === 0) return;
  const mutation = rng.weighted(candidates.map((m) => [m, m.weight] as const));
  const host = rng.pick(['west', 'east'] as const);
  const side = sideOf(pair, host);
  const peer = sideOf(pair, peerOf(host));
  pair.detail = mutation.apply(pair, side, peer, rng);
  pair.mutation = mutation.name;
  pair.mutatedSide = mutation.name === 'none' ? undefined : host;
}
