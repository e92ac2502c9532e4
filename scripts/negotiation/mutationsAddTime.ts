import { set, type Mutation } from './mutationKit';

const RULE = 'libreswan-conn-refused';

/** Settings pluto refuses when the conn is added, though addconn --checkconfig passes them (the judging rule says which). */
export const ADD_TIME_MUTATIONS: readonly Mutation[] = [
  {
    name: 'tfc-transport',
    rule: RULE,
    weight: 1,
    summary: 'tfc= padding on a transport-mode conn',
    applies: (p) => p.base.type === 'transport',
    apply: (_p, side) => {
      set(side, 'tfc', '100');
      return 'tfc=100 with type=transport';
    },
  },
  {
    name: 'mobike-ikev1',
    rule: RULE,
    weight: 1,
    summary: 'mobike=yes on an IKEv1 conn',
    applies: (p) => !p.base.ikev2,
    apply: (_p, side) => {
      set(side, 'mobike', 'yes');
      return 'mobike=yes with IKEv1';
    },
  },
  {
    name: 'auth-one-end',
    rule: RULE,
    weight: 1,
    summary: 'leftauth= without rightauth= on an IKEv2 conn',
    applies: (p) => p.base.ikev2,
    apply: (p, side) => {
      const auth = p.base.auth === 'psk' ? 'secret' : p.base.auth === 'ec' ? 'ecdsa' : 'rsasig';
      set(side, 'leftauth', auth);
      return `leftauth=${auth}, no rightauth=`;
    },
  },
  {
    name: 'fromcert-psk',
    rule: RULE,
    weight: 1,
    summary: 'rightid=%fromcert on a conn that uses a pre-shared key',
    applies: (p) => p.base.auth === 'psk',
    apply: (_p, side) => {
      set(side, 'rightid', '%fromcert');
      return 'rightid=%fromcert with authby=secret';
    },
  },
  {
    name: 'subnet-family',
    rule: 'conn-family-mismatch',
    weight: 1,
    summary: 'rightsubnet= of the other IP family than leftsubnet=',
    applies: (p) => p.base.subnets,
    apply: (_p, side) => {
      set(side, 'rightsubnet', '2001:db8:5::/64');
      return 'rightsubnet=2001:db8:5::/64 against an IPv4 leftsubnet';
    },
  },
];
