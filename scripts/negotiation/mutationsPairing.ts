import { ESP_PROPOSALS, IKE_PROPOSALS } from './generate';
import { always, set, type Mutation } from './mutationKit';
import type { SideConfig } from './spec';
import { narrower, sibling, wider } from './net4';
import type { Rng } from './random';

function wrongId(current: string | undefined): string {
  if (!current || current.startsWith('@')) return '@intruder.example';
  if (current.includes('=')) return 'CN=intruder.example, O=ngt lab';
  if (current.includes('@')) return 'admin@intruder.example';
  return '192.0.2.99';
}

/** Two disjoint non-empty lists of proposals, or two sharing exactly one. */
/**
 * Single proposals that Libreswan's built-in lists take or refuse depending on the IKE version
 * and the release: SHA-1, MODP-1536 and 3DES only over IKEv1, MODP-3072 and SHA2-512 only over
 * IKEv2, AES-256 and AES-GCM in IKEv1's ESP list only from 4.15.
 */
const IKE_AGAINST_DEFAULTS = ['aes256-sha2_256-modp2048', 'aes128-sha1-modp1536', 'aes256-sha2_512-modp3072', '3des-sha1-modp2048'] as const;
const ESP_AGAINST_DEFAULTS = ['aes128-sha1', 'aes256-sha2_256', 'aes_gcm256-null', '3des-sha1', 'aes256-sha1'] as const;

/** One side sets no `key=`, so its daemon's built-in list; the other side one proposal from `pool`. */
function leftToDefaults(key: 'ike' | 'esp', pool: readonly string[]): Mutation {
  return {
    name: `${key}-left-to-defaults`,
    rule: 'peer-proposal-mismatch',
    weight: 2,
    summary: `one side sets no ${key}= (the daemon's built-in proposals), the other one proposal`,
    applies: always,
    apply: (_p, side, peer, rng) => {
      const proposal = rng.pick(pool);
      set(side, key, undefined);
      set(peer, key, proposal);
      return `no ${key}= vs ${key}=${proposal}`;
    },
  };
}

function proposalLists(all: readonly string[], rng: Rng, overlap: boolean): [string[], string[]] {
  const shuffled = rng.shuffle(all);
  if (!overlap) return [shuffled.slice(0, 1 + rng.int(2)), shuffled.slice(2, 3 + rng.int(2))];
  const common = shuffled[0];
  return [rng.shuffle([common, shuffled[1]]), rng.shuffle([common, shuffled[2], ...(rng.chance(0.5) ? [shuffled[3]] : [])])];
}

/** Spellings Libreswan 4 reads as the same method, per key type and IKE version. */
const SAME_METHOD: Record<'rsa' | 'ec', Record<'v1' | 'v2', readonly (readonly [string | undefined, string | undefined])[]>> = {
  rsa: {
    v1: [['rsasig', undefined], ['rsa', 'rsasig']],
    v2: [['rsa-sha2', 'rsasig'], ['rsasig', undefined], ['rsa-sha2_256', 'rsa'], ['rsa-sha2', undefined]],
  },
  ec: {
    v1: [],
    v2: [['ecdsa-sha2', 'ecdsa'], ['ecdsa-sha2_256', 'ecdsa-sha2']],
  },
};

/** Both conns carry only L2TP between the two ends (the selectors of L2TP/IPsec guides). */
function restrictToL2tp(...sides: SideConfig[]): void {
  for (const end of sides) {
    set(end, 'leftprotoport', '17/1701');
    set(end, 'rightprotoport', '17/1701');
  }
}

/** Changes to the conns' settings: what the peer-* rules compare. */
export const PAIRING_MUTATIONS: readonly Mutation[] = [
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
    name: 'authby-differs',
    rule: 'peer-authby-mismatch',
    weight: 2,
    summary: 'one side uses another authentication method',
    applies: always,
    apply: (p, side, _peer, rng) => {
      if (p.base.auth === 'psk') {
        const method = rng.pick(['rsasig', 'ecdsa', undefined] as const);
        set(side, 'authby', method);
        return method ? `authby=${method}` : 'authby unset (certificates by default)';
      }
      set(side, 'authby', 'secret');
      side.secrets = [`%any : PSK "${side.host}-only-key-0123456789"`];
      return 'authby=secret with a PSK';
    },
  },
  {
    name: 'authby-equivalent',
    weight: 1,
    summary: 'authby lists that share the method in use (rsasig,ecdsa vs rsasig)',
    applies: (p) => p.base.auth === 'rsa' && p.base.ikev2,
    apply: (_p, side, peer) => {
      set(side, 'authby', 'rsasig,ecdsa');
      set(peer, 'authby', 'rsasig');
      return 'authby=rsasig,ecdsa here, authby=rsasig at the peer';
    },
  },
  {
    name: 'authby-spelling',
    weight: 1,
    summary: 'the same method spelled differently on each side',
    applies: (p) => p.base.auth !== 'psk' && SAME_METHOD[p.base.auth][p.base.ikev2 ? 'v2' : 'v1'].length > 0,
    apply: (p, side, peer, rng) => {
      const [here, there] = rng.pick(SAME_METHOD[p.base.auth === 'ec' ? 'ec' : 'rsa'][p.base.ikev2 ? 'v2' : 'v1']);
      set(side, 'authby', here);
      set(peer, 'authby', there);
      return `${here ? `authby=${here}` : 'authby unset'} here, ${there ? `authby=${there}` : 'authby unset'} at the peer`;
    },
  },
  {
    name: 'ec-authby-default',
    rule: 'cert-key-type-authby',
    weight: 2,
    summary: 'EC certificates with an authby that makes Libreswan sign with RSA',
    applies: (p) => p.base.auth === 'ec',
    apply: (_p, side, peer, rng) => {
      const value = rng.pick([undefined, 'rsasig,ecdsa', 'ecdsa,rsasig', 'rsasig'] as const);
      set(side, 'authby', value);
      const both = rng.chance(0.5);
      if (both) set(peer, 'authby', value);
      return `${value ? `authby=${value}` : 'authby unset'} on ${both ? 'both sides' : 'this side'}`;
    },
  },
  {
    name: 'ec-leftauth',
    weight: 1,
    summary: 'EC certificates with authby unset but leftauth=/rightauth=ecdsa',
    applies: (p) => p.base.auth === 'ec',
    apply: (_p, side) => {
      set(side, 'authby', undefined);
      set(side, 'leftauth', 'ecdsa');
      set(side, 'rightauth', 'ecdsa');
      return 'authby unset, leftauth=ecdsa rightauth=ecdsa';
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
    rule: 'peer-proposal-mismatch',
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
  leftToDefaults('ike', IKE_AGAINST_DEFAULTS),
  leftToDefaults('esp', ESP_AGAINST_DEFAULTS),
  {
    name: 'esp-disjoint',
    rule: 'peer-proposal-mismatch',
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
    name: 'ikev1-pfs-group',
    rule: 'peer-pfs-mismatch',
    weight: 1,
    summary: "IKEv1 with PFS: esp= names a group on one side, another or none (the IKE SA's) on the other",
    applies: (p) => !p.base.ikev2,
    apply: (_p, side, peer, rng) => {
      const ours = rng.pick(['aes256-sha2_256;modp3072', 'aes256-sha2_256;modp2048', 'aes128-sha1;modp1536']);
      const theirs = rng.pick([undefined, 'aes256-sha2_256', 'aes256-sha2_256;modp2048', 'aes256-sha2_256;modp3072']);
      for (const end of [side, peer]) set(end, 'pfs', undefined);
      set(side, 'esp', ours);
      set(peer, 'esp', theirs);
      return `esp=${ours} vs ${theirs === undefined ? 'no esp=' : `esp=${theirs}`}`;
    },
  },
  {
    name: 'subnet-not-mirrored',
    rule: 'peer-subnet-mismatch',
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
    rule: 'peer-subnet-mismatch',
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
    name: 'protoport-agreed',
    weight: 1,
    summary: 'both ends restricted to L2TP (17/1701) on both sides',
    applies: always,
    apply: (_p, side, peer) => {
      restrictToL2tp(side, peer);
      return 'leftprotoport=17/1701 and rightprotoport=17/1701 on both sides';
    },
  },
  {
    name: 'protoport-disjoint',
    rule: 'peer-protoport-mismatch',
    weight: 1,
    summary: "rightprotoport shares no traffic with the peer's leftprotoport",
    applies: always,
    apply: (_p, side, peer, rng) => {
      restrictToL2tp(side, peer);
      const value = rng.chance(0.5) ? '6/1701' : '17/1702';
      set(side, 'rightprotoport', value);
      return `17/1701 on both sides, but rightprotoport=${value}`;
    },
  },
  {
    name: 'protoport-any-port',
    rule: 'peer-protoport-mismatch',
    weight: 1,
    summary: "IKEv2; rightprotoport takes any port of the peer's protocol, where the peer's leftprotoport names one",
    applies: (p) => p.base.ikev2,
    apply: (_p, side, peer) => {
      restrictToL2tp(side, peer);
      set(side, 'rightprotoport', '17/%any');
      return '17/1701 on both sides, but rightprotoport=17/%any';
    },
  },
  {
    name: 'proposal-defaults',
    rule: 'peer-proposal-mismatch',
    weight: 1,
    summary: "IKEv2; ike= names no DH group and esp= no integrity (pluto's defaults), the peer insists on MODP-1536, on SHA-1 or on what the defaults hold",
    applies: (p) => p.base.ikev2,
    apply: (_p, side, peer, rng) => {
      set(side, 'ike', 'aes256-sha2_256');
      set(side, 'esp', 'aes256');
      const [key, value] = rng.pick([['ike', 'aes256-sha2_256-modp1536'], ['esp', 'aes256-sha1'], ['ike', 'aes256-sha2_256-modp3072']] as const);
      set(peer, key, value);
      return `ike=aes256-sha2_256 and esp=aes256, the peer's ${key}=${value}`;
    },
  },
  {
    name: 'ike-version-differs',
    rule: 'peer-ike-version-mismatch',
    weight: 2,
    summary: 'IKEv1 on one side, IKEv2 on the other',
    applies: (p) => p.base.auth !== 'ec',
    apply: (_p, side) => {
      const value = side.conn.ikev2 === 'yes' ? 'no' : 'yes';
      set(side, 'ikev2', value);
      return `ikev2=${value}`;
    },
  },
];
