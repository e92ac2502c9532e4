import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badValue } from '../../../server/src/checks/ipsecConf/badValue';
import { openswanBareNumber } from '../../../server/src/checks/ipsecConf/openswanBareNumber';
import { lint } from '../../helpers';

// What Openswan 2.6.52.3's confread.c and scanner refuse. Each refused case was confirmed with its
// addconn --checkconfig ("while loading 'a'" or "can not load config"), each accepted one as loading.
const HEAD = '# ipsec-dialect: openswan-2.6\nconfig setup\n\tprotostack=netkey\n';

function values(setting: string, dialect = 'openswan-2.6'): string[] {
  return lint('ipsec', `# ipsec-dialect: ${dialect}\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${setting}\n`, [badValue]).map((f) => f.severity);
}

function bare(text: string): { severity: string; message: string }[] {
  return lint('ipsec', HEAD + text, [openswanBareNumber]).map((f) => ({ severity: f.severity, message: f.message }));
}

describe('values Openswan 2.6 reads in confread.c', () => {
  it('leftsubnet= is one address/prefix ("bad subnet")', () => {
    for (const v of ['foo', '10', '%any/0', '10.0.0.0/8,10.1.0.0/16', '"10.0.0.0/8 10.1.0.0/16"', '{10.0.0.0/8,10.1.0.0/16}', '10.0.0.0/255.0.255.0']) assert.deepEqual(values(`leftsubnet=${v}`), ['error'], v);
    for (const v of ['10.0.0.0/24', '10.0.0.0/255.255.255.0', '10.0.0.0/8:80', '{10.0.0.0/8}', '2001:db8::/64', '0/0', 'vhost:%priv', '%default', 'host.example/24']) assert.deepEqual(values(`leftsubnet=${v}`), [], v);
  });

  it('leftnexthop= and leftsourceip= take an address or a name, never a %-word but %defaultroute ("illegal (non-DNS-name) character")', () => {
    for (const v of ['leftnexthop=%direct', 'leftnexthop=%foo', 'leftsourceip=%config', 'leftsourceip=10.0.0.1/32']) assert.deepEqual(values(v), ['error'], v);
    // A name is looked up in DNS: that depends on the network, not on the file.
    for (const v of ['leftnexthop=%defaultroute', 'leftnexthop=%DEFAULTROUTE', 'leftnexthop=gw.example.com', 'leftnexthop=2001:db8::1', 'leftsourceip=10.1', 'leftsourceip=host.example.com']) assert.deepEqual(values(v), [], v);
  });

  it('leftprotoport= refuses a negative number; names depend on the machine', () => {
    assert.deepEqual(values('leftprotoport=6/-1'), ['error']);
    for (const v of ['17/%any', 'udp/l2tp', 'tcp/http', '6/1-100', 'foo/bar']) assert.deepEqual(values(`leftprotoport=${v}`), [], v);
  });

  it('stays quiet for other dialects', () => {
    assert.deepEqual(values('leftsourceip=%config', 'strongswan'), []);
    assert.deepEqual(values('leftnexthop=%direct', 'libreswan-5.4'), []);
  });
});

describe('openswan-bare-number', () => {
  it('reports a bare number in a text setting of a conn ("Invalid leftid value")', () => {
    for (const v of ['leftid=5', 'rightid=5', 'leftprotoport=17', 'leftupdown=5', 'leftca=1', 'rightxauthusername=123', 'leftid=%forever', 'policy_label=1']) {
      const found = bare(`conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${v}\n`);
      assert.deepEqual(found.map((f) => f.severity), ['error'], v);
      assert.match(found[0].message, /refuses conn a/);
    }
  });

  it('offers the quoted value and accepts it, and leaves numbers alone where the key takes one', () => {
    const [finding] = lint('ipsec', `${HEAD}conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftprotoport=17\n`, [openswanBareNumber]);
    assert.equal(finding.fixes?.[0].edits[0].newText, '"17"');
    for (const v of ['leftprotoport="17"', 'leftid="5"', 'leftid=5a', 'keyingtries=3', 'connalias=5', 'leftsubnets=5', 'leftid={5}', 'mtu=1400']) assert.deepEqual(bare(`conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${v}\n`), [], v);
  });

  it('leaves conn %default alone (the setting is dropped, nothing is refused) and reports a conn reached by also=', () => {
    assert.deepEqual(bare('conn %default\n\tleftid=5\n'), []);
    assert.deepEqual(bare('conn b\n\tleftid=5\n\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\talso=b\n').map((f) => f.message.includes('conn b')), [true]);
  });

  it('reports a conn named by a number, which stops the file ("syntax error")', () => {
    for (const name of ['5', '%forever']) assert.deepEqual(bare(`conn ${name}\n\tleft=192.0.2.1\n`).map((f) => f.severity), ['error'], name);
    for (const name of ['"5"', '5a', 'a5']) assert.deepEqual(bare(`conn ${name}\n\tleft=192.0.2.1\n`), [], name);
  });

  it('is quiet for Libreswan (libreswan-bare-number speaks for 4.x) and strongSwan', () => {
    for (const dialect of ['libreswan-4.10', 'libreswan-5', 'strongswan']) {
      assert.deepEqual(lint('ipsec', `# ipsec-dialect: ${dialect}\nconn 5\n\tleft=192.0.2.1\n\tleftid=5\n`, [openswanBareNumber]), [], dialect);
    }
  });
});
