import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarize, workspaceFindings } from './workspaceFindings';

const SS = '# ipsec-dialect: strongswan-5.9.8\n';
const findings = (code: string, text: string) => summarize(workspaceFindings({ '/ws/gw/ipsec.conf': text }, ['/ws/gw/ipsec.conf']), code);
const conn = (settings: string, head = SS) => `${head}conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${settings}\tauto=add\n`;

// Line numbers are 0-based. Each refused case was confirmed with strongSwan 5.9.8's starter --conftest, each accepted one with the same build.
describe('firewall-updown-clash', () => {
  const one = (text: string) => findings('firewall-updown-clash', text);

  it('reports leftfirewall=yes with leftupdown= ("ignored conn")', () => {
    assert.deepEqual(one(conn('\tleftfirewall=yes\n\tleftupdown=/usr/local/bin/updown\n')), ['gw/ipsec.conf:5 firewall-updown-clash error']);
    assert.deepEqual(one(conn('\trightfirewall=yes\n\trightupdown=/usr/local/bin/updown\n')), ['gw/ipsec.conf:5 firewall-updown-clash error']);
    // A quoted empty script is still a script.
    assert.deepEqual(one(conn('\tleftfirewall=yes\n\tleftupdown=""\n')), ['gw/ipsec.conf:5 firewall-updown-clash error']);
  });

  it('reads %default and also=', () => {
    assert.deepEqual(one(`${SS}conn %default\n\tleftfirewall=yes\n\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftupdown=/bin/x\n`), ['gw/ipsec.conf:7 firewall-updown-clash error']);
    assert.deepEqual(one(`${SS}conn base\n\tleftfirewall=yes\n\tauto=ignore\n\nconn a\n\talso=base\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftupdown=/bin/x\n`), ['gw/ipsec.conf:9 firewall-updown-clash error']);
  });

  it('stays quiet when the pair does not meet or the gateway is not strongSwan', () => {
    assert.deepEqual(one(conn('\tleftfirewall=no\n\tleftupdown=/bin/x\n')), []);
    assert.deepEqual(one(conn('\tleftfirewall=yes\n\trightupdown=/bin/x\n')), []);
    // An empty leftupdown= unsets the one from %default.
    assert.deepEqual(one(`${SS}conn %default\n\tleftupdown=/bin/x\n\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftfirewall=yes\n\tleftupdown=\n`), []);
    assert.deepEqual(one(conn('\tleftfirewall=yes\n\tleftupdown=/bin/x\n', '# ipsec-dialect: libreswan-4.10\n')), []);
  });
});

describe('ca-also-unresolved', () => {
  const one = (text: string) => findings('ca-also-unresolved', text);

  it('reports also= to a missing ca section or to a conn ("not found", config invalid)', () => {
    assert.deepEqual(one(`${SS}ca x\n\tcacert=a.pem\n\talso=nope\n\tauto=add\n`), ['gw/ipsec.conf:3 ca-also-unresolved error']);
    assert.deepEqual(one(`${SS}ca x\n\tcacert=a.pem\n\talso=a\n\tauto=add\n${conn('').slice(SS.length)}`), ['gw/ipsec.conf:3 ca-also-unresolved error']);
  });

  it('reports a loop ("causes a loop", config invalid)', () => {
    assert.deepEqual(one(`${SS}ca x\n\tcacert=a.pem\n\talso=x\n`), ['gw/ipsec.conf:3 ca-also-unresolved error']);
    assert.deepEqual(one(`${SS}ca x\n\tcacert=a.pem\n\talso=y\n\nca y\n\talso=x\n`), ['gw/ipsec.conf:3 ca-also-unresolved error', 'gw/ipsec.conf:6 ca-also-unresolved error']);
  });

  it('stays quiet for a ca section that exists, ca %default and other daemons', () => {
    assert.deepEqual(one(`${SS}ca x\n\tcacert=a.pem\n\talso=y\n\tauto=add\n\nca y\n\tcrluri=http://crl.example/\n`), []);
    // strongSwan never follows also= in %default, nor also=%default.
    assert.deepEqual(one(`${SS}ca %default\n\talso=zz\n\nca x\n\tcacert=a.pem\n\talso=%default\n`), []);
    assert.deepEqual(one(`# ipsec-dialect: openswan\nca x\n\tcacert=a.pem\n\talso=nope\n`), []);
  });
});
