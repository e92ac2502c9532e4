import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { genericEndAuth, libreswanEndAuth, runsLibreswan } from '../../../server/src/workspace/authMethods';
import { Memo } from '../../../server/src/workspace/memo';
import type { EffectiveConn, EffectiveValue } from '../../../server/src/workspace/model';
import { fixturePath } from '../../helpers';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

/** Just enough of an effective conn for the authentication model: its values by key. */
function conn(values: Record<string, string>): EffectiveConn {
  const map = new Map<string, EffectiveValue>(Object.entries(values).map(([key, value]) => [key, { value, via: 'self', setting: { key: { text: key } } } as unknown as EffectiveValue]));
  return { name: 'c', values: map, memo: new Memo() } as unknown as EffectiveConn;
}

const methods = (set: ReadonlySet<string> | undefined) => [...(set ?? [])].sort();

describe('how Libreswan authenticates an end', () => {
  it('signs with the first of RSA, ECDSA, PSK that authby= allows, and accepts every kind it lists', () => {
    const byDefault = libreswanEndAuth(conn({}), 'left');
    assert.deepEqual(methods(byDefault?.proves), ['rsa']);
    assert.deepEqual(methods(byDefault?.accepts), ['ecdsa', 'rsa']);
    assert.deepEqual(methods(libreswanEndAuth(conn({ authby: 'ecdsa,rsasig' }), 'left')?.proves), ['rsa']);
    assert.deepEqual(methods(libreswanEndAuth(conn({ authby: 'ecdsa-sha2_256' }), 'left')?.proves), ['ecdsa']);
    assert.deepEqual(methods(libreswanEndAuth(conn({ authby: 'rsa-sha2' }), 'left')?.proves), ['rsa']);
    assert.deepEqual(methods(libreswanEndAuth(conn({ authby: 'secret' }), 'left')?.accepts), ['psk']);
  });

  it('follows leftauth=/rightauth=, which narrow what is accepted to their own kind', () => {
    const c = conn({ leftauth: 'ecdsa', rightauth: 'rsasig' });
    assert.deepEqual(methods(libreswanEndAuth(c, 'left')?.proves), ['ecdsa']);
    assert.deepEqual(methods(libreswanEndAuth(c, 'right')?.accepts), ['rsa']);
  });

  it('knows one method per IKEv1 conn and leaves what IKEv1 refuses to load alone', () => {
    assert.deepEqual(methods(libreswanEndAuth(conn({ ikev2: 'no' }), 'left')?.accepts), ['rsa']);
    assert.equal(libreswanEndAuth(conn({ ikev2: 'no', authby: 'ecdsa' }), 'left'), undefined);
    assert.equal(libreswanEndAuth(conn({ ikev2: 'no', authby: 'secret,rsasig' }), 'left'), undefined);
    assert.equal(libreswanEndAuth(conn({ authby: 'bogus' }), 'left'), undefined);
  });

  it('reads other daemons as public keys of any kind, pre-shared keys or null', () => {
    assert.deepEqual(methods(genericEndAuth(conn({ authby: 'rsasig' }), 'left')?.proves), ['ecdsa', 'rsa']);
    assert.deepEqual(methods(genericEndAuth(conn({ authby: 'psk' }), 'left')?.proves), ['psk']);
    assert.deepEqual(methods(genericEndAuth(conn({ rightauth: 'pubkey', authby: 'secret' }), 'right')?.accepts), ['ecdsa', 'rsa']);
    assert.equal(genericEndAuth(conn({ leftauth: 'eap-mschapv2' }), 'left'), undefined);
  });

  it('tells a chosen, a possible and an excluded Libreswan apart', () => {
    assert.equal(runsLibreswan({ choice: { dialect: 'libreswan', source: 'comment', reason: '' }, plausible: ['libreswan'] }), 'yes');
    assert.equal(runsLibreswan({ plausible: ['openswan', 'libreswan', 'strongswan'] }), 'maybe');
    assert.equal(runsLibreswan({ choice: { dialect: 'strongswan', source: 'comment', reason: '' }, plausible: ['strongswan'] }), 'no');
  });
});

const A = 'conn b\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tright=192.0.2.2\n\trightid=@b.example\n';
const B = 'conn a\n\tleft=192.0.2.2\n\tleftid=@b.example\n\tright=192.0.2.1\n\trightid=@a.example\n';
const CONFS = ['/ws/a/ipsec.conf', '/ws/b/ipsec.conf'];

function authby(head: string, extraA: string, extraB: string): string[] {
  return summarize(workspaceFindings({ '/ws/a/ipsec.conf': head + A + extraA, '/ws/b/ipsec.conf': head + B + extraB }, CONFS), 'peer-authby-mismatch');
}

describe('peer-authby-mismatch', () => {
  it('accepts lists that share the method Libreswan signs with, and spellings of one method', () => {
    assert.deepEqual(authby(LIBRESWAN_4, '\tauthby=rsasig,ecdsa\n', '\tauthby=rsasig\n'), []);
    assert.deepEqual(authby(LIBRESWAN_4, '\tauthby=rsa-sha2\n', '\tauthby=rsasig\n'), []);
    assert.deepEqual(authby(LIBRESWAN_4, '\tauthby=ecdsa-sha2_256\n', '\tauthby=ecdsa\n'), []);
    assert.deepEqual(authby(LIBRESWAN_4, '', '\tauthby=rsasig\n'), []);
  });

  it('reports a pre-shared key against the default certificates, on both sides', () => {
    assert.deepEqual(authby(LIBRESWAN_4, '\tauthby=secret\n', ''), ['a/ipsec.conf:6 peer-authby-mismatch error', 'b/ipsec.conf:1 peer-authby-mismatch error']);
    assert.deepEqual(authby('', '\tauthby=secret\n', ''), ['a/ipsec.conf:5 peer-authby-mismatch error', 'b/ipsec.conf:0 peer-authby-mismatch error']);
  });

  it('with Libreswan, an end that signs with RSA is refused by one that takes only ECDSA', () => {
    const found = workspaceFindings({ '/ws/a/ipsec.conf': `${LIBRESWAN_4}${A}\tauthby=rsasig,ecdsa\n`, '/ws/b/ipsec.conf': `${LIBRESWAN_4}${B}\tauthby=ecdsa\n` }, CONFS).filter((f) => f.code === 'peer-authby-mismatch');
    assert.deepEqual(summarize(found), ['a/ipsec.conf:6 peer-authby-mismatch error', 'b/ipsec.conf:6 peer-authby-mismatch error']);
    assert.match(found[0].message, /this side proves itself with an RSA signature \(authby=rsasig,ecdsa\), which the peer .* does not accept \(it takes an ECDSA signature\)/);
  });

  it('is a warning when only Libreswan would refuse and the daemon is not known, and nothing for strongSwan', () => {
    assert.deepEqual(authby('', '\tauthby=rsasig,ecdsa\n', '\tauthby=ecdsa\n'), ['a/ipsec.conf:5 peer-authby-mismatch warning', 'b/ipsec.conf:5 peer-authby-mismatch warning']);
    assert.deepEqual(authby(STRONGSWAN, '\tauthby=rsasig\n', '\tauthby=ecdsasig\n'), []);
  });
});

describe('cert-key-type-authby', () => {
  const ecCert = readFileSync(fixturePath('certs', 'ec-gateway.der'));
  const rsaCert = readFileSync(fixturePath('certs', 'gateway.der'));
  const node = (head: string, settings: string, certificate: Buffer = ecCert) => ({
    '/ws/gw/etc/ipsec.conf': `${head}conn peer\n\tleft=192.0.2.1\n\tleftcert=gw.der\n\tright=192.0.2.2\n${settings}`,
    '/ws/gw/etc/ipsec.d/certs/gw.der': certificate,
    '/ws/gw/etc/ipsec.d/cacerts/ca.der': readFileSync(fixturePath('certs', 'test-ca.der')),
  });
  const codes = (files: Record<string, string | Buffer>) => summarize(workspaceFindings(files, ['/ws/gw/etc/ipsec.conf']), 'cert-key-type-authby');

  it('reports an EC key that Libreswan would sign with RSA: authby unset, rsasig, or RSA listed first', () => {
    assert.deepEqual(codes(node(LIBRESWAN_4, '')), ['gw/etc/ipsec.conf:3 cert-key-type-authby error']);
    assert.deepEqual(codes(node(LIBRESWAN_4, '\tauthby=rsasig,ecdsa\n')), ['gw/etc/ipsec.conf:5 cert-key-type-authby error']);
    assert.deepEqual(codes(node(LIBRESWAN_4, '\tauthby=ecdsa,rsasig\n')), ['gw/etc/ipsec.conf:5 cert-key-type-authby error']);
    assert.deepEqual(codes(node(LIBRESWAN_4, '\tauthby=ecdsa\n\tikev2=no\n')), []);
    assert.deepEqual(codes(node(LIBRESWAN_4, '\tikev2=no\n')), ['gw/etc/ipsec.conf:3 cert-key-type-authby error']);
  });

  it('accepts authby=ecdsa or leftauth=ecdsa for EC keys and RSA methods for RSA keys', () => {
    assert.deepEqual(codes(node(LIBRESWAN_4, '\tauthby=ecdsa\n')), []);
    assert.deepEqual(codes(node(LIBRESWAN_4, '\tleftauth=ecdsa\n\trightauth=ecdsa\n')), []);
    assert.deepEqual(codes(node(LIBRESWAN_4, '', rsaCert)), []);
    assert.deepEqual(codes(node(LIBRESWAN_4, '\tauthby=ecdsa\n', rsaCert)), ['gw/etc/ipsec.conf:5 cert-key-type-authby error']);
  });

  it('is a warning when the daemon is not known, and nothing for strongSwan, which signs with the key it has', () => {
    assert.deepEqual(codes(node('', '')), ['gw/etc/ipsec.conf:2 cert-key-type-authby warning']);
    assert.deepEqual(codes(node(STRONGSWAN, '')), []);
  });
});
