import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { familyOf } from '../../../server/src/checks/workspace/connFamilyMismatch';
import type { EffectiveValue } from '../../../server/src/workspace/model';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const CODE = 'conn-family-mismatch';
const CONF = '/ws/gw/ipsec.conf';
const judge = (text: string) => workspaceFindings({ [CONF]: text }, [CONF]).filter((f) => f.code === CODE);

describe('conn-family-mismatch', () => {
  it('reports IPv4 and IPv6 host addresses on the right= line, as an error where Libreswan or Openswan run', () => {
    const found = judge(`${LIBRESWAN_4}conn a\n\tleft=192.0.2.1\n\tright=2001:db8::2\n\tauto=add\n`);
    assert.deepEqual(summarize(found), ['gw/ipsec.conf:3 conn-family-mismatch error']);
    assert.match(found[0].message, /left=192\.0\.2\.1 \(IPv4\) and right=2001:db8::2 \(IPv6\) are of different IP families: the daemon cannot run IKE between them/);
    const openswan = judge('# ipsec-dialect: openswan\nconn a\n\tleft=192.0.2.1\n\tright=2001:db8::2\n');
    assert.deepEqual(summarize(openswan), ['gw/ipsec.conf:3 conn-family-mismatch error']);
  });

  it('reports subnets (and all-IPv4 against all-IPv6 lists), a warning where strongSwan may run', () => {
    const found = judge(`${STRONGSWAN}conn a\n\tleft=192.0.2.1\n\tleftsubnet=10.0.0.0/24\n\tright=192.0.2.2\n\trightsubnet=2001:db8::/64\n`);
    assert.deepEqual(summarize(found), ['gw/ipsec.conf:5 conn-family-mismatch warning']);
    assert.match(found[0].message, /cannot protect traffic between them/);
    const lists = judge(`${LIBRESWAN_4}conn a\n\tleft=192.0.2.1\n\tleftsubnet=10.0.0.0/24,10.1.0.0/24\n\tright=192.0.2.2\n\trightsubnet=2001:db8::/64\n`);
    assert.deepEqual(summarize(lists), ['gw/ipsec.conf:5 conn-family-mismatch error']);
    const unknown = judge('conn a\n\tleft=192.0.2.1\n\tright=2001:db8::2\n');
    assert.deepEqual(summarize(unknown), ['gw/ipsec.conf:2 conn-family-mismatch warning']);
  });

  it('follows %default and points at the conn name when neither value is its own', () => {
    const found = judge(`${LIBRESWAN_4}conn %default\n\tleft=192.0.2.1\n\tright=2001:db8::2\nconn a\n\tauto=add\n`);
    assert.deepEqual(summarize(found), ['gw/ipsec.conf:4 conn-family-mismatch error']);
  });

  it('is quiet for one family, mixed lists, names, %any and conns that are not loaded', () => {
    for (const body of [
      '\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftsubnet=10.0.0.0/24\n\trightsubnet=10.1.0.0/24\n',
      '\tleft=2001:db8::1\n\tright=2001:db8::2\n',
      '\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftsubnet=10.0.0.0/24,2001:db8:1::/64\n\trightsubnet=2001:db8::/64\n',
      '\tleft=192.0.2.1\n\tright=gw.example.org\n',
      '\tleft=%defaultroute\n\tright=2001:db8::2\n',
      '\tleft=192.0.2.1\n\tright=%any\n\trightsubnet=2001:db8::/64\n',
      '\tleft=192.0.2.1\n\tright=2001:db8::2\n\tauto=ignore\n',
    ]) {
      assert.deepEqual(summarize(judge(`${LIBRESWAN_4}conn a\n${body}`)), [], body);
    }
  });

  it('reads one family from an address, a subnet or a list, and none from a mix or a name', () => {
    const family = (value: string) => familyOf({ value } as EffectiveValue);
    assert.equal(family('192.0.2.1'), 4);
    assert.equal(family('{10.0.0.0/8, 192.168.0.0/16}'), 4);
    assert.equal(family('2001:DB8::/32 fd00::1'), 6);
    assert.equal(family('10.0.0.0/8,2001:db8::/32'), undefined);
    assert.equal(family('10.0.0.0/8, vpn.example.org'), undefined);
    assert.equal(family('%any'), undefined);
    assert.equal(family(''), undefined);
    assert.equal(familyOf(undefined), undefined);
  });
});
