import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const LIBRESWAN_5 = '# ipsec-dialect: libreswan-5\n';
const STRONGSWAN_5_9_8 = '# ipsec-dialect: strongswan-5.9.8\n';

const one = (files: Record<string, string | Buffer>, code: string) => summarize(workspaceFindings(files, ['/ws/gw/ipsec.conf']), code);

describe('also-conflict', () => {
  const conf = (head: string, own: string) => ({ '/ws/gw/ipsec.conf': `${head}conn shared\n\ttype=transport\n\tikev2=yes\n\nconn peer\n\talso=shared\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${own}\tauto=add\n` });

  it('reports a key the conn sets to another value than its also= conn, which Libreswan refuses', () => {
    const found = workspaceFindings(conf(LIBRESWAN_4, '\ttype=tunnel\n'), ['/ws/gw/ipsec.conf']).filter((f) => f.code === 'also-conflict');
    assert.deepEqual(summarize(found), ['gw/ipsec.conf:9 also-conflict error']);
    assert.match(found[0].message, /conn peer: type=tunnel here, but type=transport in conn shared \(pulled in by also=\): Libreswan refuses to load the conn/);
  });

  it('lets the same value twice and %default values pass, and is a warning when the daemon is not known', () => {
    assert.deepEqual(one(conf(LIBRESWAN_4, '\tikev2=yes\n'), 'also-conflict'), []);
    assert.deepEqual(one({ '/ws/gw/ipsec.conf': `${LIBRESWAN_4}conn %default\n\ttype=transport\n\nconn peer\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\ttype=tunnel\n` }, 'also-conflict'), []);
    assert.deepEqual(one(conf('', '\ttype=tunnel\n'), 'also-conflict'), ['gw/ipsec.conf:8 also-conflict warning']);
    assert.deepEqual(one(conf(STRONGSWAN, '\ttype=tunnel\n'), 'also-conflict'), []);
  });

  it('lets the keys Libreswan joins take a value from each conn (connalias=, leftsubnets=; 4.10 and 5.2 added such conns)', () => {
    for (const head of [LIBRESWAN_4, LIBRESWAN_5]) {
      assert.deepEqual(one({ '/ws/gw/ipsec.conf': `${head}conn shared\n\tconnalias=franklin\n\tleftsubnets=10.0.1.0/24\n\nconn peer\n\talso=shared\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tconnalias=abigail\n\tleftsubnets=10.0.2.0/24\n\tauto=add\n` }, 'also-conflict'), [], head);
    }
  });

  it('leaves a key set twice within one conn to duplicate-key, also where that conn is pulled in', () => {
    const files = { '/ws/gw/ipsec.conf': `${LIBRESWAN_4}conn common\n\tikev2=no\n\tikev2=never\n\nconn peer\n\talso=common\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n` };
    assert.deepEqual(one(files, 'also-conflict'), []);
  });

  it('says what Openswan does: it logs the clash, keeps the first value and loads the conn (addconn 2.6.52.3)', () => {
    const found = workspaceFindings(conf('# ipsec-dialect: openswan-2.6\n', '\ttype=tunnel\n'), ['/ws/gw/ipsec.conf']).filter((f) => f.code === 'also-conflict');
    assert.deepEqual(summarize(found), ['gw/ipsec.conf:9 also-conflict warning']);
    assert.match(found[0].message, /Openswan keeps the first value and ignores the other/);
  });
});

describe('cycles Libreswan survives', () => {
  it('also-cycle is not reported for Libreswan and is a warning when the daemon is not known', () => {
    const conf = (head: string) => ({ '/ws/gw/ipsec.conf': `${head}conn shared\n\talso=peer\n\tikev2=yes\n\nconn peer\n\talso=shared\n\tleft=192.0.2.1\n\tright=192.0.2.2\n` });
    assert.deepEqual(one(conf(LIBRESWAN_4), 'also-cycle'), []);
    // Openswan 2.6.52.3 addconn --checkconfig loads such a pair without a word.
    assert.deepEqual(one(conf('# ipsec-dialect: openswan-2.6\n'), 'also-cycle'), []);
    assert.deepEqual(one(conf(''), 'also-cycle'), ['gw/ipsec.conf:1 also-cycle warning', 'gw/ipsec.conf:5 also-cycle warning']);
    assert.deepEqual(one(conf(STRONGSWAN), 'also-cycle'), ['gw/ipsec.conf:2 also-cycle error', 'gw/ipsec.conf:6 also-cycle error']);
  });

  it('include-cycle is a warning for Libreswan, which stops ten levels deep', () => {
    const conf = (head: string) => ({ '/ws/gw/ipsec.conf': `${head}conn peer\n\tleft=192.0.2.1\n\tright=192.0.2.2\ninclude /etc/ipsec.conf\n` });
    const found = workspaceFindings(conf(LIBRESWAN_4), ['/ws/gw/ipsec.conf']).filter((f) => f.code === 'include-cycle');
    assert.deepEqual(summarize(found), ['gw/ipsec.conf:4 include-cycle warning']);
    assert.match(found[0].message, /Libreswan reads the files again, ten levels deep/);
    assert.deepEqual(one(conf(STRONGSWAN), 'include-cycle'), ['gw/ipsec.conf:4 include-cycle error']);
  });
});

describe('private-key-missing by daemon', () => {
  const node = (head: string) => ({
    '/ws/gw/ipsec.conf': `${head}conn peer\n\tleft=192.0.2.1\n\tleftcert=gw.der\n\tright=192.0.2.2\n`,
    '/ws/gw/ipsec.d/certs/gw.der': readFileSync(`${REPO_ROOT}/test/fixtures/certs/gateway.der`),
    '/ws/gw/ipsec.secrets': ': RSA gw.key\n',
  });
  const keepingKeys = (head: string) => ({ ...node(head), '/ws/gw/ipsec.d/private/other.key': 'not the key\n' });

  it('is not checked for Libreswan, which reads keys from NSS, and is a warning when the daemon is not known', () => {
    assert.deepEqual(one(keepingKeys(LIBRESWAN_4), 'private-key-missing'), []);
    assert.deepEqual(one(keepingKeys(''), 'private-key-missing'), ['gw/ipsec.secrets:0 private-key-missing warning']);
    assert.deepEqual(one(keepingKeys(STRONGSWAN), 'private-key-missing'), ['gw/ipsec.secrets:0 private-key-missing error']);
  });

  it('is only a note when the workspace keeps no keys: a repository rarely holds them', () => {
    assert.deepEqual(one(node(STRONGSWAN), 'private-key-missing'), ['gw/ipsec.secrets:0 private-key-missing info']);
    const dotfileOnly = { ...node(STRONGSWAN), '/ws/gw/ipsec.d/private/.gitkeep': '' };
    const found = workspaceFindings(dotfileOnly, ['/ws/gw/ipsec.conf']).filter((f) => f.code === 'private-key-missing');
    assert.deepEqual(summarize(found), ['gw/ipsec.secrets:0 private-key-missing info']);
    assert.match(found[0].message, /^\/etc\/ipsec\.d\/private\/gw\.key: not checked, since the workspace keeps no files in \/etc\/ipsec\.d\/private/);
  });
});

const A = 'conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n';
const B = 'conn a\n\tleft=192.0.2.2\n\tright=192.0.2.1\n';
const CONFS = ['/ws/a/ipsec.conf', '/ws/b/ipsec.conf'];
const two = (a: string, b: string, code: string) => summarize(workspaceFindings({ '/ws/a/ipsec.conf': a, '/ws/b/ipsec.conf': b }, CONFS), code);

describe('peer-pfs-mismatch', () => {
  it('is an error for IKEv1, where only one side can start the tunnel, and counts an unset pfs as yes', () => {
    assert.deepEqual(two(`${LIBRESWAN_4}${A}\tikev2=no\n\tpfs=no\n`, `${LIBRESWAN_4}${B}\tikev2=no\n`, 'peer-pfs-mismatch'), ['a/ipsec.conf:5 peer-pfs-mismatch error', 'b/ipsec.conf:1 peer-pfs-mismatch error']);
  });

  it('says nothing for a gateway whose daemon is not known when strongSwan (esp=) and the others (pfs=) would read it differently', () => {
    assert.deepEqual(two(`${A}\tikev2=no\n\tpfs=no\n`, `${B}\tikev2=no\n`, 'peer-pfs-mismatch'), []);
    assert.deepEqual(two(`${A}\tpfs=no\n`, `${B}\tpfs=yes\n\tesp=aes256-sha256-modp2048\n`, 'peer-pfs-mismatch'), ['a/ipsec.conf:3 peer-pfs-mismatch warning', 'b/ipsec.conf:3 peer-pfs-mismatch warning']);
  });

  it('is a warning for IKEv2, where the first Child SA comes up either way', () => {
    assert.deepEqual(two(`${LIBRESWAN_4}${A}\tpfs=no\n`, `${LIBRESWAN_4}${B}\tpfs=yes\n`, 'peer-pfs-mismatch'), ['a/ipsec.conf:4 peer-pfs-mismatch warning', 'b/ipsec.conf:4 peer-pfs-mismatch warning']);
    assert.deepEqual(two(`${LIBRESWAN_4}${A}\tpfs=yes\n`, `${LIBRESWAN_4}${B}`, 'peer-pfs-mismatch'), []);
  });

  it("reads a strongSwan side's PFS from its esp= DH group, none in its default proposals (seen: Libreswan 4.10 with strongSwan 5.9.8 over IKEv1)", () => {
    const v1 = (text: string, key: string) => text.replace('\n', `\n\t${key}\n`);
    // Libreswan's default pfs=yes against strongSwan's default esp=: refused over IKEv1.
    const refused = workspaceFindings({ '/ws/a/ipsec.conf': `${LIBRESWAN_4}${v1(A, 'ikev2=no')}`, '/ws/b/ipsec.conf': `${STRONGSWAN_5_9_8}${v1(B, 'keyexchange=ikev1')}` }, CONFS).filter((f) => f.code === 'peer-pfs-mismatch');
    assert.deepEqual(summarize(refused), ['a/ipsec.conf:1 peer-pfs-mismatch error', 'b/ipsec.conf:1 peer-pfs-mismatch error']);
    assert.match(refused[1].message, /^the default esp= \(no DH group, so no PFS\) here but pfs=yes at the peer/);
    // A DH group in esp= agrees with pfs=yes; a strongSwan side with a group against one without is a warning over IKEv2.
    assert.deepEqual(two(`${LIBRESWAN_4}${A}`, `${STRONGSWAN}${B}\tesp=aes256-sha256-modp2048!\n`, 'peer-pfs-mismatch'), []);
    assert.deepEqual(two(`${STRONGSWAN}${A}\tesp=aes256-sha256!\n`, `${STRONGSWAN}${B}\tesp=aes256-sha256-modp2048!\n`, 'peer-pfs-mismatch'), ['a/ipsec.conf:4 peer-pfs-mismatch warning', 'b/ipsec.conf:4 peer-pfs-mismatch warning']);
    // Proposals that disagree among themselves, or cannot be read, are not judged.
    assert.deepEqual(two(`${LIBRESWAN_4}${A}`, `${STRONGSWAN}${B}\tesp=aes256-sha256,aes128-sha1-modp2048\n`, 'peer-pfs-mismatch'), []);
    assert.deepEqual(two(`${LIBRESWAN_4}${A}`, `${STRONGSWAN}${B}\tesp=frobnicate\n`, 'peer-pfs-mismatch'), []);
  });

  it('leaves a strongSwan side from 6.0.2 on with the default esp= alone (it offers every key exchange and none), and warns where it may run either', () => {
    const pair = (strongswan: string) =>
      workspaceFindings({ '/ws/a/ipsec.conf': `${LIBRESWAN_4}${A.replace('\n', '\n\tikev2=no\n')}`, '/ws/b/ipsec.conf': `${strongswan}${B.replace('\n', '\n\tkeyexchange=ikev1\n')}` }, CONFS).filter((f) => f.code === 'peer-pfs-mismatch');
    for (const pinned of ['6.0.2', '6.0.6']) assert.deepEqual(summarize(pair(`# ipsec-dialect: strongswan-${pinned}\n`)), [], pinned);
    assert.deepEqual(summarize(pair('# ipsec-dialect: strongswan-6.0.1\n')), ['a/ipsec.conf:1 peer-pfs-mismatch error', 'b/ipsec.conf:1 peer-pfs-mismatch error']);
    for (const head of [STRONGSWAN, '# ipsec-dialect: strongswan-6\n']) {
      const found = pair(head);
      assert.deepEqual(summarize(found), ['a/ipsec.conf:1 peer-pfs-mismatch warning', 'b/ipsec.conf:1 peer-pfs-mismatch warning'], head);
      assert.match(found[1].message, /^the default esp= \(no DH group before strongSwan 6\.0\.2, so no PFS\) here but pfs=yes at the peer .*with IKEv1 the side that wants PFS refuses/);
    }
  });
});

describe('peer-missing-conn', () => {
  it('reports a conn whose target gateway has no conn pointing back', () => {
    const found = workspaceFindings({ '/ws/a/ipsec.conf': A, '/ws/b/ipsec.conf': B.replace('right=192.0.2.1', 'right=192.0.2.77') }, CONFS).filter((f) => f.code === 'peer-missing-conn');
    assert.deepEqual(summarize(found), ['a/ipsec.conf:2 peer-missing-conn error']);
    assert.match(found[0].message, /the gateway at 192\.0\.2\.2 \(b\/ipsec\.conf\) has no conn for this gateway \(192\.0\.2\.1\); its conns point at 192\.0\.2\.77/);
  });

  it('does not count a block of settings (no left=, no right=) as a conn that could answer', () => {
    const shared = 'conn shared\n\tauthby=secret\n\ttype=transport\n';
    const found = workspaceFindings({ '/ws/a/ipsec.conf': `${shared}${A}\talso=shared\n`, '/ws/b/ipsec.conf': `${shared}${B.replace('right=192.0.2.1', 'right=192.0.2.77')}\talso=shared\n` }, CONFS).filter((f) => f.code === 'peer-missing-conn');
    assert.deepEqual(summarize(found), ['a/ipsec.conf:5 peer-missing-conn error']);
  });

  it('is quiet for %any, names, NAT, paired conns and gateways outside the workspace', () => {
    assert.deepEqual(two(A, B.replace('right=192.0.2.1', 'right=%any'), 'peer-missing-conn'), []);
    assert.deepEqual(two(A, B.replace('right=192.0.2.1', 'right=a.example.org'), 'peer-missing-conn'), []);
    assert.deepEqual(two(A.replace('left=192.0.2.1', 'left=10.0.0.1'), B, 'peer-missing-conn'), []);
    assert.deepEqual(two(A, B, 'peer-missing-conn'), []);
    assert.deepEqual(two(A.replace('right=192.0.2.2', 'right=203.0.113.9'), B.replace('right=192.0.2.1', 'right=192.0.2.77'), 'peer-missing-conn'), []);
  });
});

describe('ikev1-authby', () => {
  const conf = (head: string, settings: string) => ({ '/ws/gw/ipsec.conf': `${head}conn %default\n\tikev2=no\n\nconn peer\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${settings}` });

  it('reports what Libreswan takes for IKEv2 only, after %default', () => {
    assert.deepEqual(one(conf(LIBRESWAN_4, '\tauthby=ecdsa\n'), 'ikev1-authby'), ['gw/ipsec.conf:7 ikev1-authby error']);
    assert.deepEqual(one(conf(LIBRESWAN_4, '\tauthby=secret,rsasig\n'), 'ikev1-authby'), ['gw/ipsec.conf:7 ikev1-authby error']);
    assert.deepEqual(one(conf(LIBRESWAN_4, '\tleftauth=rsasig\n\trightauth=rsasig\n'), 'ikev1-authby'), ['gw/ipsec.conf:7 ikev1-authby error']);
      // addconn 4.10 and 5.0: ikev2=permit makes the conn IKEv1 too ("ikev1 connection must use authby= of rsasig, secret or never").
    const permit = (head: string, value: string) => ({ '/ws/gw/ipsec.conf': `${head}conn peer\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tikev2=${value}\n\tauthby=null\n` });
    assert.deepEqual(one(permit(LIBRESWAN_4, 'permit'), 'ikev1-authby'), ['gw/ipsec.conf:5 ikev1-authby error']);
    assert.deepEqual(one(permit(LIBRESWAN_5, 'permit'), 'ikev1-authby'), ['gw/ipsec.conf:5 ikev1-authby error']);
    // Libreswan 5 reads ikev2=false as no; Libreswan 4 does not take the word at all (bad-value says so).
    assert.deepEqual(one(permit(LIBRESWAN_5, 'false'), 'ikev1-authby'), ['gw/ipsec.conf:5 ikev1-authby error']);
    assert.deepEqual(one(permit(LIBRESWAN_4, 'false'), 'ikev1-authby'), []);
    assert.deepEqual(one(permit(LIBRESWAN_4, 'propose'), 'ikev1-authby'), []);
  });

  it("agrees with Libreswan 4.10's and 5.2's plutos on which IKEv1 conns they add", () => {
    // Seen in runs with ikev1-policy=accept: 4.10's addconn and 5.2's say "ikev1 connection must use authby= of
    // rsasig, secret or never" or "failed to add connection: additional PSK … / leftauth= is not supported by IKEv1".
    const seen: ReadonlyArray<readonly [string, boolean]> = [
      ['\tauthby=ecdsa\n', false],
      ['\tauthby=rsa-sha2\n', false],
      ['\tauthby=null\n', false],
      ['\tauthby=secret,rsasig\n', false],
      ['\tleftauth=secret\n\trightauth=secret\n', false],
      ['\tauthby=rsasig\n', true],
      ['\tauthby=secret\n', true],
    ];
    for (const head of ['# ipsec-dialect: libreswan-4.10\n', '# ipsec-dialect: libreswan-5.2\n']) {
      for (const [settings, added] of seen) assert.equal(one(conf(head, settings), 'ikev1-authby').length === 0, added, `${head}${settings}`);
    }
  });

  it('accepts one of secret, rsasig and never, IKEv2 conns, and other daemons', () => {
    assert.deepEqual(one(conf(LIBRESWAN_4, '\tauthby=rsasig\n'), 'ikev1-authby'), []);
    assert.deepEqual(one(conf(LIBRESWAN_4, ''), 'ikev1-authby'), []);
    assert.deepEqual(one({ '/ws/gw/ipsec.conf': `${LIBRESWAN_4}conn peer\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=ecdsa\n` }, 'ikev1-authby'), []);
    assert.deepEqual(one(conf(STRONGSWAN, '\tauthby=ecdsa\n'), 'ikev1-authby'), []);
    assert.deepEqual(one(conf('', '\tauthby=ecdsa\n'), 'ikev1-authby'), ['gw/ipsec.conf:6 ikev1-authby info']);
  });

  it('is a notice where the daemon is not known and may be strongSwan, a warning where it may be Libreswan or Openswan only', () => {
    // keyexchange= and leftauth= are words of both Libreswan and strongSwan (a real repository's AWS tunnel).
    const both = { '/ws/gw/ipsec.conf': 'conn Tunnel1\n\tkeyexchange=ikev1\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftauth=psk\n\trightauth=psk\n\tauto=start\n' };
    const found = workspaceFindings(both, ['/ws/gw/ipsec.conf']).filter((f) => f.code === 'ikev1-authby');
    assert.deepEqual(summarize(found), ['gw/ipsec.conf:4 ikev1-authby info']);
    assert.match(found[0].message, /strongSwan, which this gateway may run, loads it/);
    // Libreswan 3's mix (Openswan's nat_traversal, Libreswan's sha2-truncbug) leaves Openswan or Libreswan, not strongSwan.
    const plutoOnly = { '/ws/gw/ipsec.conf': 'config setup\n\tnat_traversal=yes\n\tprotostack=netkey\n\nconn peer\n\tikev2=no\n\tsha2-truncbug=yes\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret,rsasig\n' };
    assert.deepEqual(one(plutoOnly, 'ikev1-authby'), ['gw/ipsec.conf:9 ikev1-authby warning']);
  });
});
