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

/** Settings pluto refuses when the conn is added, though addconn --checkconfig passes them (the judging rule says which). */
export const ADD_TIME_MUTATIONS: readonly Mutation[] = [
  oneSetting('tfc-transport', REFUSED, 'tfc= padding on a transport-mode conn', (p) => p.base.type === 'transport', 'tfc', () => '100', 'with type=transport'),
  oneSetting('mobike-ikev1', REFUSED, 'mobike=yes on an IKEv1 conn', (p) => !p.base.ikev2, 'mobike', () => 'yes', 'with IKEv1'),
  oneSetting('auth-one-end', REFUSED, 'leftauth= without rightauth= on an IKEv2 conn', (p) => p.base.ikev2, 'leftauth', (p) => (p.base.auth === 'psk' ? 'secret' : p.base.auth === 'ec' ? 'ecdsa' : 'rsasig'), 'and no rightauth='),
  oneSetting('fromcert-psk', REFUSED, 'rightid=%fromcert on a conn that uses a pre-shared key', (p) => p.base.auth === 'psk', 'rightid', () => '%fromcert', 'with authby=secret'),
  oneSetting('subnet-family', 'conn-family-mismatch', 'rightsubnet= of the other IP family than leftsubnet=', (p) => p.base.subnets, 'rightsubnet', () => '2001:db8:5::/64', 'against an IPv4 leftsubnet'),
];
