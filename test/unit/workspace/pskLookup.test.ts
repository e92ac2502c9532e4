import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../../server/src/model/parse';
import type { IpsecNode } from '../../../server/src/workspace/model';
import { lookupPsk } from '../../../server/src/workspace/pskLookup';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

/** A gateway whose only interesting part is its ipsec.secrets. */
function nodeWith(secrets: string): IpsecNode {
  return { secrets: [parseDocument('file:///ws/gw/ipsec.secrets', secrets, 'ipsec-secrets')] } as unknown as IpsecNode;
}

/** The line (zero-based) of the entry chosen for the pair, or what the lookup said instead. */
function chosen(secrets: string, local = '@a.example', remote = '@b.example'): number | string {
  const found = lookupPsk(nodeWith(secrets), { local, remote });
  return typeof found === 'object' ? found.found.entry.secretType?.line ?? -1 : found;
}

describe('which PSK entry Libreswan takes for a pair of IDs', () => {
  it('prefers both IDs, then an own ID with a wildcard, then the peer with one, then wildcards', () => {
    const file = ['%any : PSK "k1"', '@b.example %any : PSK "k2"', '@a.example %any : PSK "k3"', '@a.example @b.example : PSK "k4"', ''].join('\n');
    assert.equal(chosen(file), 3);
    assert.equal(chosen(file.split('\n').slice(0, 3).join('\n')), 2);
    assert.equal(chosen(file.split('\n').slice(0, 2).join('\n')), 1);
    assert.equal(chosen(file.split('\n').slice(0, 1).join('\n')), 0);
  });

  it('takes an entry without IDs or with the own ID alone as a default, and the first of equals', () => {
    assert.equal(chosen(': PSK "k"\n'), 0);
    assert.equal(chosen('@a.example : PSK "k"\n'), 0);
    assert.equal(chosen('%any : PSK "one"\n%any : PSK "two"\n'), 0);
  });

  it('finds nothing for entries naming other IDs, and cannot tell for host names resolved through DNS', () => {
    assert.equal(chosen('192.0.2.1 192.0.2.2 : PSK "k"\n'), 'none');
    assert.equal(chosen('@b.example : PSK "k"\n'), 'none');
    assert.equal(chosen('gw.example.org @b.example : PSK "k"\n'), 'unknown');
  });

  it('compares names without case and addresses as written by IKE', () => {
    assert.equal(chosen('@A.Example @B.example : PSK "k"\n'), 0);
    assert.equal(chosen('192.0.2.1 192.0.2.2 : PSK "k"\n', '192.0.2.1', '192.0.2.2'), 0);
  });

  it('compares IPv6 addresses as addresses, however each file spells them', () => {
    assert.equal(chosen('2001:db8::1 2001:DB8::2 : PSK "k"\n', '2001:db8:0::1', '2001:db8:0:0:0:0:0:2'), 0);
    assert.equal(chosen('2001:db8::1 2001:db8::3 : PSK "k"\n', '2001:db8::1', '2001:db8::2'), 'none');
  });
});

const A = 'conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n';
const B = 'conn a\n\tleft=192.0.2.2\n\tright=192.0.2.1\n\tauthby=secret\n';
const CONFS = ['/ws/a/ipsec.conf', '/ws/b/ipsec.conf'];

function pair(secretsA: string, secretsB: string, head = LIBRESWAN_4, a = A, b = B) {
  return workspaceFindings({ '/ws/a/ipsec.conf': head + a, '/ws/b/ipsec.conf': head + b, '/ws/a/ipsec.secrets': secretsA, '/ws/b/ipsec.secrets': secretsB }, CONFS);
}

describe('peer-psk-mismatch with the entry the daemon picks', () => {
  it('compares %any entries, and the entry for the pair ahead of a wildcard', () => {
    assert.deepEqual(summarize(pair('%any : PSK "MARKER-one"\n', '%any : PSK "MARKER-two"\n')), ['a/ipsec.secrets:0 peer-psk-mismatch error', 'b/ipsec.secrets:0 peer-psk-mismatch error']);
    assert.deepEqual(summarize(pair('%any : PSK "other"\n192.0.2.1 192.0.2.2 : PSK "same"\n', '192.0.2.2 192.0.2.1 : PSK "same"\n')), []);
    assert.doesNotMatch(JSON.stringify(pair('%any : PSK "MARKER-one"\n', '%any : PSK "MARKER-two"\n')), /MARKER/);
  });

  it('compares the bytes a key stands for: hex, base64 and the quoted text they spell are one key, a quoted "0x…" is text', () => {
    const hex = Buffer.from('a shared test key').toString('hex');
    const base64 = Buffer.from('a shared test key').toString('base64');
    assert.deepEqual(summarize(pair(`%any : PSK 0x${hex}\n`, '%any : PSK "a shared test key"\n')), []);
    assert.deepEqual(summarize(pair(`%any : PSK 0s${base64}\n`, `%any : PSK 0x${hex.toUpperCase()}\n`)), []);
    assert.deepEqual(summarize(pair('%any : PSK "0x6b6579"\n', '%any : PSK 0x6b6579\n')), ['a/ipsec.secrets:0 peer-psk-mismatch error', 'b/ipsec.secrets:0 peer-psk-mismatch error']);
  });
});

describe('conn-psk-missing', () => {
  const withIds = (conn: string, me: string, peer: string) => conn.replace('\tauthby=secret\n', `\tleftid=${me}\n\trightid=${peer}\n\tauthby=secret\n`);
  const a = withIds(A, '@a.example', '@b.example');
  const b = withIds(B, '@b.example', '@a.example');

  it('reports a conn whose IDs no entry names', () => {
    const found = pair('192.0.2.1 192.0.2.2 : PSK "k"\n', '@b.example @a.example : PSK "k"\n', LIBRESWAN_4, a, b);
    assert.deepEqual(summarize(found, 'conn-psk-missing'), ['a/ipsec.conf:6 conn-psk-missing error']);
    assert.match(found.find((f) => f.code === 'conn-psk-missing')?.message ?? '', /no PSK entry in ipsec\.secrets names this pair of IDs \(@a\.example and @b\.example\)/);
  });

  it('is quiet with a fitting or wildcard entry and without an ipsec.secrets; a warning when the daemon is not known', () => {
    assert.deepEqual(summarize(pair('@a.example @b.example : PSK "k"\n', '%any : PSK "k"\n', LIBRESWAN_4, a, b), 'conn-psk-missing'), []);
    assert.deepEqual(summarize(workspaceFindings({ '/ws/a/ipsec.conf': LIBRESWAN_4 + a }, ['/ws/a/ipsec.conf']), 'conn-psk-missing'), []);
    assert.deepEqual(summarize(pair('192.0.2.1 192.0.2.2 : PSK "k"\n', '%any : PSK "k"\n', '', a, b), 'conn-psk-missing'), ['a/ipsec.conf:5 conn-psk-missing warning']);
  });

  it("follows strongSwan's lookup for strongSwan: an entry naming either ID fits, one naming only other IDs does not (seen with 5.9.8)", () => {
    const strongswan = pair('192.0.2.1 192.0.2.2 : PSK "k"\n', '%any : PSK "k"\n', STRONGSWAN, a, b);
    assert.deepEqual(summarize(strongswan, 'conn-psk-missing'), ['a/ipsec.conf:6 conn-psk-missing error']);
    assert.match(strongswan.find((f) => f.code === 'conn-psk-missing')?.message ?? '', /names either of this pair of IDs \(@a\.example, @b\.example\)/);
    // One ID is enough for strongSwan, not for Libreswan; a bare name is an ID to strongSwan, not a host to look up.
    assert.deepEqual(summarize(pair('@b.example : PSK "k"\n', '%any : PSK "k"\n', STRONGSWAN, a, b), 'conn-psk-missing'), []);
    assert.deepEqual(summarize(pair('@b.example : PSK "k"\n', '%any : PSK "k"\n', LIBRESWAN_4, a, b), 'conn-psk-missing'), ['a/ipsec.conf:6 conn-psk-missing error']);
    assert.deepEqual(summarize(pair('a.example : PSK "k"\n', '%any : PSK "k"\n', STRONGSWAN, a, b), 'conn-psk-missing'), []);
    assert.deepEqual(summarize(pair(': PSK "k"\n', '%any : PSK "k"\n', STRONGSWAN, a, b), 'conn-psk-missing'), []);
    assert.deepEqual(summarize(pair('*@example : PSK "k"\n', '%any : PSK "k"\n', STRONGSWAN, a, b), 'conn-psk-missing'), []);
  });

  it("takes, over strongSwan's IKEv1, an entry naming the two addresses when the IDs find none (seen with 5.9.8 on both ends)", () => {
    const v1 = (conn: string) => conn.replace('\tauthby=secret\n', '\tauthby=secret\n\tkeyexchange=ikev1\n');
    const byAddress = '192.0.2.1 192.0.2.2 : PSK "k"\n';
    assert.deepEqual(summarize(pair(byAddress, '%any : PSK "k"\n', STRONGSWAN, v1(a), v1(b)), 'conn-psk-missing'), []);
    assert.deepEqual(summarize(pair('192.0.2.9 : PSK "k"\n', '%any : PSK "k"\n', STRONGSWAN, v1(a), v1(b)), 'conn-psk-missing'), ['a/ipsec.conf:6 conn-psk-missing error']);
    // Libreswan's IKEv1 does not (4.10: "no preshared key found for `@west.example' and `@east.example'").
    const libreswanV1 = (conn: string) => conn.replace('\tauthby=secret\n', '\tauthby=secret\n\tikev2=no\n');
    assert.deepEqual(summarize(pair(byAddress, '%any : PSK "k"\n', LIBRESWAN_4, libreswanV1(a), libreswanV1(b)), 'conn-psk-missing'), ['a/ipsec.conf:6 conn-psk-missing error']);
  });
});
