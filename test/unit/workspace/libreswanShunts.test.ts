import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedConns } from './refusedConns';

const RELEASES = ['4.10', '5.0', '5.1', '5.2', '5.3', '5.3.1', '5.3.2', '5.4'] as const;

/**
 * Shunts (`type=passthrough`, `drop`, `reject`) and ends' authentication methods, each conn added to
 * the pluto of Libreswan 4.10 (Debian) and of 5.0 to 5.4 (built from their tags) with
 * `npm run test:pluto-add`'s AddSession and `ikev1-policy=accept`, 2026-12-04. Per release: R = the
 * conn was refused (by addconn or pluto, for any reason), L = pluto added it.
 */
const SEEN: readonly (readonly [string, string])[] = [
  ['rightauth=secret|authby=rsasig', 'RRRRLLLL'],
  ['authby=rsasig,secret|rightauth=secret', 'RRRRLLLL'],
  ['type=passthrough|leftauth=secret|rightauth=secret|keyexchange=ikev1', 'RRRRLLLL'],
  ['type=reject|authby=null|keyexchange=ikev1', 'RRRRLLLL'],
  ['leftauth=secret|rightauth=secret|keyexchange=ikev1', 'RRRRRRRR'],
  ['authby=null|keyexchange=ikev1', 'RRRRRRRR'],
  ['leftauth=secret|authby=secret', 'RRRRLLLL'],
  ['type=passthrough|authby=never|leftauth=secret|rightauth=secret|keyexchange=ikev1', 'RRRRLLLL'],
  ['type=passthrough|rightauth=secret|authby=rsasig', 'RRRRLLLL'],
  ['type=passthrough|leftid=%fromcert|authby=secret', 'RRRRLLLL'],
  ['type=passthrough|leftauth=rsasig|rightauth=rsasig|authby=secret', 'RRRRLLLL'],
  ['type=passthrough|esp=sha1', 'RLLLLLLL'],
  ['type=passthrough|esp=aes-none', 'RLLLLLLL'],
  ['type=passthrough|ikev2=no|mobike=yes', 'RLLLLLLL'],
  ['type=passthrough|ikev2=no|narrowing=yes', 'RLLLLLLL'],
  ['type=passthrough|leftauth=secret|rightauth=null', 'RRRRLLLL'],
  ['type=passthrough|ike=aes;dh20;addke1=dh21', 'RLLLLLLL'],
  ['type=passthrough|leftsourceip=192.0.2.9', 'RRRRRRRR'],
  ['type=passthrough|aggressive=yes', 'RRRRRRRL'],
  ['type=drop|leftauth=secret|rightauth=secret', 'RRRRLLLL'],
  ['type=passthrough|leftauth=secret', 'RRRRLLLL'],
  ['type=passthrough|authby=null|ikev2=no', 'RRRRLLLL'],
  ['type=passthrough|leftsubnet=%dynamic', 'RRRRRRRR'],
  ['type=passthrough|authby=rsasig|ikev2=no', 'RRRRLLLL'],
  ['type=passthrough|leftauth=never|rightauth=never', 'RLLLLLLL'],
  ['type=passthrough|leftauth=secret|rightauth=secret|ikev2=no', 'RRRRLLLL'],
  ['type=passthrough|enable-tcp=yes|ikev2=no', 'RLLLLLLL'],
  ['type=passthrough|leftprotoport=tcp/%any|rightprotoport=tcp/%any', 'RRRRRRRR'],
  ['type=passthrough|tcp-remoteport=500|enable-tcp=yes', 'RLLLLLLL'],
  ['type=passthrough|rightaddresspool=10.9.0.1-10.9.0.9|narrowing=no', 'RLLRRRRL'],
  ['type=passthrough|esp=aes-modp2048', 'RLLLLLLL'],
  ['type=passthrough|ike=aes-sha1-modp1024', 'RLLLLLLL'],
  ['leftauth=secret|authby=rsasig', 'RRRRLLLL'],
  ['leftauth=rsasig|authby=secret', 'RRRRRRRR'],
  ['leftauth=null|authby=secret', 'RRRRRRRR'],
  ['leftauth=null|rightauth=secret', 'RRRRRRRR'],
  ['leftauth=secret|rightauth=null|authby=secret', 'RRRRRRRR'],
  ['type=passthrough|authby=never|leftauth=secret|rightauth=secret', 'RRRRLLLL'],
  ['type=drop|authby=never|leftauth=secret|rightauth=secret', 'RRRRLLLL'],
  ['type=passthrough|authby=never|esp=aes-none', 'LLLLLLLL'],
  ['type=passthrough|authby=never|ikev2=no|mobike=yes', 'RLLLLLLL'],
  ['type=passthrough|authby=never|ikev2=no|enable-tcp=yes', 'RLLLLLLL'],
  ['type=passthrough|authby=never|ike=aes;dh20;addke1=dh21', 'LLLLLLLL'],
  ['type=passthrough|authby=never|ike=aes-sha1-modp1024', 'LLLLLLLL'],
  ['type=passthrough|authby=never|esp=aes-modp2048', 'LLLLLLLL'],
  ['type=passthrough|authby=never|aggressive=yes', 'LRRRRRRL'],
  ['type=passthrough|authby=never|leftid=%fromcert', 'LLLLLLLL'],
  ['type=passthrough|authby=never|rightaddresspool=10.9.0.1-10.9.0.9|narrowing=no', 'LLLRRRRL'],
  ['type=passthrough|authby=never|ikev2=no|narrowing=yes', 'RLLLLLLL'],
  ['type=passthrough|authby=never|leftauth=never|rightauth=never', 'LLLLLLLL'],
  ['type=passthrough|authby=never|leftauth=secret', 'RRRRLLLL'],
  ['type=passthrough|authby=never|esp=sha1', 'LLLLLLLL'],
  ['type=passthrough|authby=never|phase2=ah|esp=aes', 'RLLLLLLL'],
  ['type=passthrough|authby=never|phase2=ah|tfc=100', 'RLLLLLLL'],
  ['type=passthrough|authby=never|ikev2=no|aggressive=yes', 'LRRRRRRL'],
  ['type=passthrough|authby=never|leftauth=secret|rightauth=null', 'RRRRLLLL'],
  ['type=passthrough|authby=never|ah=sha1', 'LLLLLLLL'],
  ['rightauth=secret|authby=null', 'RRRRRRRR'],
  ['leftauth=null|authby=rsasig', 'RRRRLLLL'],
  ['leftauth=rsasig|authby=null', 'RRRRRRRR'],
  ['leftsubnet=10.1.0.0/24|leftsourceip=10.1.0.1|leftinterface-ip=10.1.0.1/24|authby=secret', 'RRRRRRRR'],
  ['leftsourceip=192.0.2.1|leftinterface-ip=192.0.2.1/24|authby=secret', 'RRRRRRRR'],
  ['leftinterface-ip=10.1.0.1/24|authby=secret', 'RLLLLLLL'],
  ['leftsubnet=10.1.0.0/24|leftsourceip=10.1.0.1|rightinterface-ip=10.2.0.1/24|authby=secret', 'RLLLLLLL'],
  ['type=passthrough|authby=never|leftsubnet=10.1.0.0/24|leftsourceip=10.1.0.1|leftinterface-ip=10.1.0.1/24', 'RRRRRRRR'],
  ['type=passthrough|authby=never|tcp-remoteport=500|enable-tcp=yes', 'LLLLLLLL'],
  ['type=passthrough|authby=never|tcp-remoteport=0|enable-tcp=yes', 'LLLLLLLL'],
  ['type=passthrough|authby=never|nic-offload=packet', 'RLLLLLLL'],
  ['type=passthrough|authby=never|leftmodecfgclient=yes|rightaddresspool=10.9.0.1-10.9.0.9', 'LRRRRRRL'],
  ['type=passthrough|authby=never|ikev2=no|narrowing=no', 'LLLRLLLL'],
  ['type=passthrough|authby=never|phase2=ah|ah=aes-sha1', 'RLLLLLLL'],
  ['type=passthrough|authby=never|leftid=%fromcert|leftauth=secret|rightauth=secret', 'RRRRLLLL'],
  ['type=passthrough|authby=never|ikev2=no|mobike=no', 'LLLLLLLL'],
  ['type=passthrough|authby=never|rightsubnet=10.1.0.0/24|rightsourceip=10.2.0.1', 'LRRRRRRR'],
  ['leftmodecfgclient=yes|rightaddresspool=10.9.0.1-10.9.0.9|authby=secret', 'LRRRRRRR'],
  ['leftcat=yes|rightaddresspool=10.9.0.1-10.9.0.9|authby=secret', 'LRRRRRRR'],
  ['rightmodecfgclient=yes|leftaddresspool=10.9.0.1-10.9.0.9|authby=secret', 'LRRRRRRR'],
  ['leftmodecfgclient=yes|leftaddresspool=10.9.0.1-10.9.0.9|authby=secret', 'LLLLLLLL'],
];

/** For each conn of SEEN, whether ipsec-lint pinned to `release` says it does not load. */
function refusedByUs(release: string): boolean[] {
  const conns = SEEN.map(([body], index) => `conn c${index}\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${body.split('|').map((line) => `\t${line}\n`).join('')}\tauto=add\n`);
  return refusedConns(release, 'config setup\n\tikev1-policy=accept\n', conns);
}

describe('Libreswan shunts and end methods, by release', () => {
  for (const [index, release] of RELEASES.entries()) {
    it(`refuses exactly the conns Libreswan ${release} refused`, () => {
      const ours = refusedByUs(release);
      for (const [row, [body, verdicts]] of SEEN.entries()) assert.equal(ours[row], verdicts[index] === 'R', `${body} on ${release}`);
    });
  }
});
