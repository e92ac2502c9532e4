import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarize, workspaceFindings } from './workspaceFindings';

const CODE = 'conn-traffic-clash';
const CONF = '/ws/gw/etc/ipsec.conf';
const HEAD = 'config setup\n\tprotostack=netkey\n\nconn %default\n\tleft=192.0.2.1\n\tleftsubnet=10.1.0.0/24\n\tauto=start\ninclude /etc/ipsec.d/*.conf\n';
const FR = 'conn fr\n\tright=198.51.100.7\n\trightsubnet=10.2.0.0/24\n';
const copied = (name: string, extra = '') => `conn ${name}\n\tright=203.0.113.9\n\trightsubnet=10.2.0.0/24\n${extra}`;

function clashes(files: Record<string, string>): ReturnType<typeof workspaceFindings> {
  return workspaceFindings({ [CONF]: HEAD, ...files }, [CONF]).filter((f) => f.code === CODE);
}

describe('conn-traffic-clash', () => {
  it('reports a copied conn that kept the first one\'s rightsubnet, on its own rightsubnet line', () => {
    const found = clashes({ '/ws/gw/etc/ipsec.d/fr.conf': FR, '/ws/gw/etc/ipsec.d/it.conf': copied('it') });
    assert.deepEqual(summarize(found), ['gw/etc/ipsec.d/it.conf:2 conn-traffic-clash warning']);
    assert.match(found[0].message, /conn it protects the same traffic \(10\.1\.0\.0\/24 ↔ 10\.2\.0\.0\/24\) as conn fr in gw\/etc\/ipsec\.d\/fr\.conf/);
  });

  it('sees the same traffic written the other way round, or as a host address with and without /32', () => {
    const swapped = 'conn back\n\tleft=203.0.113.9\n\tleftsubnet=10.2.0.0/24\n\tright=192.0.2.1\n\trightsubnet=10.1.0.0/24\n';
    assert.deepEqual(summarize(clashes({ '/ws/gw/etc/ipsec.d/fr.conf': FR, '/ws/gw/etc/ipsec.d/x.conf': swapped })), ['gw/etc/ipsec.d/x.conf:4 conn-traffic-clash warning']);
    const hosts = {
      [CONF]: 'conn a\n\tleft=192.0.2.1\n\tright=198.51.100.7\n\tauto=start\nconn b\n\tleft=192.0.2.1\n\tleftsubnet=192.0.2.1/32\n\tright=203.0.113.9\n\trightsubnet=198.51.100.7\n\tauto=route\n',
    };
    assert.deepEqual(summarize(workspaceFindings(hosts, [CONF]), CODE), ['gw/etc/ipsec.conf:8 conn-traffic-clash warning']);
  });

  it('points at the conn name when the clashing subnet comes from %default', () => {
    const files = { [CONF]: 'conn %default\n\tleft=192.0.2.1\n\tleftsubnet=10.1.0.0/24\n\trightsubnet=10.2.0.0/24\n\tauto=start\nconn fr\n\tright=198.51.100.7\nconn it\n\tright=203.0.113.9\n' };
    assert.deepEqual(summarize(workspaceFindings(files, [CONF]), CODE), ['gw/etc/ipsec.conf:7 conn-traffic-clash warning']);
  });

  it('is quiet for different subnets, ports or types, and for conns that do not start on load', () => {
    assert.deepEqual(clashes({ '/ws/gw/etc/ipsec.d/fr.conf': FR, '/ws/gw/etc/ipsec.d/it.conf': copied('it').replace('10.2.0.0/24', '10.3.0.0/24') }), []);
    assert.deepEqual(clashes({ '/ws/gw/etc/ipsec.d/fr.conf': `${FR}\trightprotoport=tcp/443\n`, '/ws/gw/etc/ipsec.d/it.conf': copied('it') }), []);
    assert.deepEqual(clashes({ '/ws/gw/etc/ipsec.d/fr.conf': FR, '/ws/gw/etc/ipsec.d/it.conf': copied('it', '\tauto=add\n') }), []);
    assert.deepEqual(clashes({ '/ws/gw/etc/ipsec.d/fr.conf': FR, '/ws/gw/etc/ipsec.d/it.conf': copied('it', '\ttype=passthrough\n') }), []);
    assert.deepEqual(clashes({ '/ws/gw/etc/ipsec.d/fr.conf': FR, '/ws/gw/etc/ipsec.d/it.conf': copied('it', '\ttype=transport\n') }), []);
  });

  it('leaves alone conns bound to a mark or an interface, subnet lists, pools and names', () => {
    for (const extra of ['\tmark=7/0xffffffff\n', '\tipsec-interface=yes\n', '\tvti-interface=vti01\n', '\treqid=5\n', '\toverlapip=yes\n']) {
      assert.deepEqual(clashes({ '/ws/gw/etc/ipsec.d/fr.conf': FR, '/ws/gw/etc/ipsec.d/it.conf': copied('it', extra) }), [], extra);
    }
    const list = 'conn fr\n\tright=198.51.100.7\n\trightsubnet=10.2.0.0/24,10.4.0.0/24\n';
    assert.deepEqual(clashes({ '/ws/gw/etc/ipsec.d/fr.conf': list, '/ws/gw/etc/ipsec.d/it.conf': copied('it').replace('10.2.0.0/24', '10.2.0.0/24,10.4.0.0/24') }), []);
    const named = { [CONF]: 'conn a\n\tleft=gw.example\n\tright=198.51.100.7\n\tauto=start\nconn b\n\tleft=gw.example\n\tright=198.51.100.7\n\tauto=start\n' };
    assert.deepEqual(summarize(workspaceFindings(named, [CONF]), CODE), []);
    const pool = { [CONF]: 'conn a\n\tleft=192.0.2.1\n\tright=%any\n\trightaddresspool=10.9.0.1-10.9.0.99\n\tauto=start\nconn b\n\tleft=192.0.2.1\n\tright=%any\n\trightaddresspool=10.9.0.1-10.9.0.99\n\tauto=start\n' };
    assert.deepEqual(summarize(workspaceFindings(pool, [CONF]), CODE), []);
  });

  it("leaves alone strongSwan's two redundant tunnels that install no policy (an updown script routes into a VTI)", () => {
    const twoTunnels = (installpolicy: string) => ({
      [CONF]: `# ipsec-dialect: strongswan\nconn %default\n\tleft=%any\n\tleftsubnet=0.0.0.0/0\n\trightsubnet=10.0.0.0/16\n\tauthby=secret\n\tauto=start\n${installpolicy}conn gw1\n\tright=198.51.100.1\nconn gw2\n\tright=198.51.100.2\n`,
    });
    assert.deepEqual(summarize(workspaceFindings(twoTunnels('\tinstallpolicy=no\n'), [CONF]), CODE), []);
    assert.deepEqual(summarize(workspaceFindings(twoTunnels(''), [CONF]), CODE), ['gw/etc/ipsec.conf:9 conn-traffic-clash warning']);
  });
});
