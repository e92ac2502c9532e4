import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const one = (files: Record<string, string | Buffer>) => summarize(workspaceFindings(files, ['/ws/gw/ipsec.conf']), 'conn-setting-clash');
const L410 = '# ipsec-dialect: libreswan-4.10\n';
const conf = (head: string, settings: string) => ({ '/ws/gw/ipsec.conf': `${head}conn peer\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${settings}\tauto=add\n` });

// Each refused case was confirmed with Libreswan 4.10's addconn --checkconfig ("while loading 'peer'"),
// and each accepted one with 4.10, 5.0 and 5.4; the subnet with a pool and the IKEv2 vhost: also with
// 5.2's pluto, which refuses them when the conn is added ("failed to add connection").
describe('conn-setting-clash', () => {
  it('reports a subnet with an address pool ("cannot specify both leftsubnet= and leftaddresspool=")', () => {
    assert.deepEqual(one(conf(L410, '\tleftsubnet=10.0.0.0/24\n\tleftaddresspool=10.1.0.1-10.1.0.9\n')), ['gw/ipsec.conf:5 conn-setting-clash error']);
    assert.deepEqual(one(conf(LIBRESWAN_4, '\trightsubnet=10.0.0.0/24\n\trightaddresspool=10.1.0.0/24\n')), ['gw/ipsec.conf:5 conn-setting-clash error']);
    assert.deepEqual(one(conf(L410, '\tleftsubnet=10.0.0.0/24\n\trightaddresspool=10.1.0.0/24\n')), []);
  });

  it('reports a certificate with a CKAID, on the conn after also=', () => {
    const files = { '/ws/gw/ipsec.conf': `${L410}conn base\n\tleftcert=gw\n\tauto=ignore\n\nconn peer\n\talso=base\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftckaid=0a1b\n` };
    assert.deepEqual(one(files), ['gw/ipsec.conf:9 conn-setting-clash error']);
  });

  it('reports vhost: on an IKEv2 conn from 4.4 on ("only valid for IKEv1 connections")', () => {
    assert.deepEqual(one(conf(L410, '\trightsubnet=vhost:%priv\n')), ['gw/ipsec.conf:4 conn-setting-clash error']);
    assert.deepEqual(one(conf(L410, '\trightsubnet=vnet:%priv\n\tikev2=insist\n')), ['gw/ipsec.conf:4 conn-setting-clash error']);
    assert.deepEqual(one(conf(L410, '\trightsubnet=vhost:%priv\n\tikev2=no\n')), []);
    assert.deepEqual(one(conf(L410, '\trightsubnet=vhost:%priv\n\tikev2=permit\n')), []);
    // 4.0 to 4.3 did not check this: not every 4.x release refuses it.
    assert.deepEqual(one(conf(LIBRESWAN_4, '\trightsubnet=vhost:%priv\n')), []);
  });

  it('reports two public keys of one end after a literal one (4.8 and later: "duplicate public key")', () => {
    assert.deepEqual(one(conf(L410, '\tleftrsasigkey=0sAQOm\n\tleftpubkey=0sAQOm\n')), ['gw/ipsec.conf:5 conn-setting-clash error']);
    assert.deepEqual(one(conf(L410, '\tleftrsasigkey=%dnsondemand\n\tleftpubkey=0sAQOm\n')), []);
    // A key from %default: --checkconfig complains about every conn, but pluto adds them (left out on purpose).
    assert.deepEqual(one({ '/ws/gw/ipsec.conf': `${L410}conn %default\n\tleftrsasigkey=0sAQOm\n\nconn peer\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftpubkey=0sAQOm\n` }), []);
  });

  it("reports for Libreswan 5 what its pluto refuses, and leaves it what it takes", () => {
    const both = '\tleftsubnet=10.0.0.0/24\n\tleftaddresspool=10.1.0.1-10.1.0.9\n';
    for (const head of ['# ipsec-dialect: libreswan-5.2\n', '# ipsec-dialect: libreswan-5\n']) {
      assert.deepEqual(one(conf(head, both)), ['gw/ipsec.conf:5 conn-setting-clash error'], head);
      assert.deepEqual(one(conf(head, '\trightsubnet=vnet:%priv\n')), ['gw/ipsec.conf:4 conn-setting-clash error'], head);
      assert.deepEqual(one(conf(head, '\trightsubnet=vhost:%priv\n\tkeyexchange=ikev1\n')), [], head);
    }
    assert.deepEqual(one(conf('# ipsec-dialect: libreswan-5.2\n', '\tleftcert=gw\n\tleftckaid=0a1b\n')), []);
    // Every release refuses a subnet with a pool; 4.0 to 4.3 took vnet: on IKEv2.
    assert.deepEqual(one(conf('# ipsec-dialect: libreswan\n', both)), ['gw/ipsec.conf:5 conn-setting-clash error']);
    assert.deepEqual(one(conf('# ipsec-dialect: libreswan\n', '\trightsubnet=vnet:%priv\n')), []);
  });

  it('stays quiet for strongSwan and a gateway whose daemon is not known', () => {
    assert.deepEqual(one(conf(STRONGSWAN, '\tleftsubnet=10.0.0.0/24\n\tleftaddresspool=10.1.0.1-10.1.0.9\n')), []);
    assert.deepEqual(one(conf('', '\trightsubnet=vnet:%priv\n')), []);
  });
});
