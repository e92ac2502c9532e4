import { set, type Mutation } from './mutationKit';
import type { PairCase } from './spec';

/** A mutation that writes one setting into the side's conn. */
function oneSetting(name: string, rule: string, summary: string, applies: (p: PairCase) => boolean, key: string, value: (p: PairCase) => string, detail: string): Mutation {
  return {
    name,
    rule,
    weight: 1,
    summary,
    applies,
    apply: (p, side) => {
      const written = value(p);
      set(side, key, written);
      return `${key}=${written} ${detail}`;
    },
  };
}

const REFUSED = 'libreswan-conn-refused';

/** A mutation of config setup's ikev1-policy on a pair whose conns speak IKEv1. */
function ikev1PolicyMutation(name: string, policy: 'drop' | 'unset', summary: string, detail: string): Mutation {
  return {
    name,
    rule: REFUSED,
    weight: 1,
    summary,
    applies: (p) => !p.base.ikev2,
    apply: (_p, side) => {
      side.ikev1Policy = policy;
      return detail;
    },
  };
}

/** Settings pluto refuses when the conn is added, though addconn --checkconfig passes them (the judging rule says which). */
export const ADD_TIME_MUTATIONS: readonly Mutation[] = [
  oneSetting('tfc-transport', REFUSED, 'tfc= padding on a transport-mode conn', (p) => p.base.type === 'transport', 'tfc', () => '100', 'with type=transport'),
  oneSetting('mobike-ikev1', REFUSED, 'mobike=yes on an IKEv1 conn', (p) => !p.base.ikev2, 'mobike', () => 'yes', 'with IKEv1'),
  oneSetting('auth-one-end', REFUSED, 'leftauth= without rightauth= on an IKEv2 conn', (p) => p.base.ikev2, 'leftauth', (p) => (p.base.auth === 'psk' ? 'secret' : p.base.auth === 'ec' ? 'ecdsa' : 'rsasig'), 'and no rightauth='),
  oneSetting('fromcert-psk', REFUSED, 'rightid=%fromcert on a conn that uses a pre-shared key', (p) => p.base.auth === 'psk', 'rightid', () => '%fromcert', 'with authby=secret'),
  ikev1PolicyMutation('ikev1-policy-drop', 'drop', 'config setup says ikev1-policy=drop on a gateway whose conn speaks IKEv1', 'ikev1-policy=drop in config setup, with an IKEv1 conn'),
  oneSetting('subnet-family', 'conn-family-mismatch', 'rightsubnet= of the other IP family than leftsubnet=', (p) => p.base.subnets, 'rightsubnet', () => '2001:db8:5::/64', 'against an IPv4 leftsubnet'),
];

/**
 * Mutations that only some builds refuse: drawn only in campaigns of Libreswan 5, whose pluto
 * drops IKEv1 unless config setup accepts it (Debian's 4.10 refuses it too, but upstream 4.x
 * does not, so ipsec-lint only warns for a 4.x gateway).
 */
export const LIBRESWAN5_MUTATIONS: readonly Mutation[] = [
  ikev1PolicyMutation('ikev1-policy-default', 'unset', 'config setup leaves ikev1-policy= to its default on a gateway whose conn speaks IKEv1 (Libreswan 5 campaigns only)', 'no ikev1-policy= in config setup, with an IKEv1 conn'),
];
