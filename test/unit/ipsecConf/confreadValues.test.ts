import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badValue } from '../../../server/src/checks/ipsecConf/badValue';
import { lint } from '../../helpers';

// Conn values Libreswan's confread.c parses itself (4.x, and 5.0 to 5.2 for some keys). Each refused
// case was confirmed with addconn --checkconfig of 4.10 and 5.0, each accepted one with all three builds.
function found(dialect: string, setting: string): string[] {
  return lint('ipsec', `# ipsec-dialect: ${dialect}\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${setting}\n`, [badValue]).map((f) => f.severity);
}

describe('values Libreswan 4 reads in confread.c', () => {
  it('leftsubnet= is one numeric subnet ("bad subnet … [no / in subnet specification]")', () => {
    for (const v of ['%priv', 'foo', '%no', '10.0.0.0/24,10.1.0.0/24', '10.0.0.1-10.0.0.5', 'foo/24']) assert.deepEqual(found('libreswan-4.10', `leftsubnet=${v}`), ['error'], v);
    for (const v of ['10.0.0.0/24', '10.0.0.0/255.255.255.0', '2001:db8::/64', '0.0.0.0/0', 'vhost:%priv']) assert.deepEqual(found('libreswan-4.10', `leftsubnet=${v}`), [], v);
    // 5.x takes these (pluto reads them later), so a bare major version 5 stays quiet.
    assert.deepEqual(found('libreswan-5.0', 'leftsubnet=%priv'), []);
    assert.deepEqual(found('libreswan-4', 'leftsubnet=%priv'), ['error']);
  });

  it('leftaddresspool= is a numeric range or subnet, IPv6 only as a subnet ("bad IPv6 … not subnet")', () => {
    for (const v of ['foo', '2001:db8::5', '2001:db8::1-2001:db8::9', '10.1.0.9-10.1.0.1']) assert.deepEqual(found('libreswan-4.10', `leftaddresspool=${v}`), ['error'], v);
    for (const v of ['10.1.0.1-10.1.0.9', '10.1.0.0/24', '10.1.0.5', '2001:db8::/120']) assert.deepEqual(found('libreswan-4.10', `leftaddresspool=${v}`), [], v);
    assert.deepEqual(found('libreswan-5.0', 'leftaddresspool=foo'), []);
  });

  it('leftckaid= is hex, two digits a byte ("invalid leftckaid: unknown character in input")', () => {
    for (const v of ['zz', '0x0a1b', 'AB:CD', 'a1b']) assert.deepEqual(found('libreswan-4.10', `leftckaid=${v}`), ['error'], v);
    for (const v of ['0a1b', 'ABCD', '0a_1b']) assert.deepEqual(found('libreswan-4.10', `leftckaid=${v}`), [], v);
    assert.deepEqual(found('libreswan-5.0', 'leftckaid=zz'), []);
  });

  it('leftvti= needs a numeric address with a prefix length, up to 5.2 ("bad addr leftvti= [missing mask]")', () => {
    for (const dialect of ['libreswan-4.10', 'libreswan-5.0']) {
      for (const v of ['foo', '10.0.0.1/255.255.255.0', '0.0.0.0/24', '::/0']) assert.deepEqual(found(dialect, `leftvti=${v}`), ['error'], `${dialect} ${v}`);
      for (const v of ['10.0.0.1/24', '2001:db8::1/64']) assert.deepEqual(found(dialect, `leftvti=${v}`), [], `${dialect} ${v}`);
    }
    assert.deepEqual(found('libreswan-5.4', 'leftvti=foo'), []);
    assert.deepEqual(found('libreswan-5', 'leftvti=foo'), []);
  });

  it('leftnexthop=: 5.0 to 5.2 take no names, 4.x no %-word but %defaultroute ("bad value for leftnexthop=")', () => {
    assert.deepEqual(found('libreswan-5.0', 'leftnexthop=gw.example.com'), ['error']);
    assert.deepEqual(found('libreswan-5.0', 'leftnexthop=%direct'), ['error']);
    assert.deepEqual(found('libreswan-4.10', 'leftnexthop=%direct'), ['error']);
    // 4.x looks a name up in DNS: that depends on the network, not on the file.
    assert.deepEqual(found('libreswan-4.10', 'leftnexthop=gw.example.com'), []);
    for (const v of ['%defaultroute', '%DEFAULTROUTE', '192.0.2.9', '2001:db8::1']) assert.deepEqual(found('libreswan-5.0', `leftnexthop=${v}`), [], v);
    assert.deepEqual(found('libreswan-5.4', 'leftnexthop=%direct'), []);
  });

  it('leftprotoport= takes one port up to 5.1 ("bad leftprotoport=tcp/1-2")', () => {
    assert.deepEqual(found('libreswan-4.10', 'leftprotoport=tcp/1-2'), ['error']);
    assert.deepEqual(found('libreswan-5.0', 'leftprotoport=tcp/22-23'), ['error']);
    assert.deepEqual(found('libreswan-5.4', 'leftprotoport=tcp/22-23'), []);
    assert.deepEqual(found('libreswan-4.10', 'leftprotoport=tcp/22'), []);
  });

  it('leftprotoport= gives protocol 0 no port up to 5.1 ("protocol 0 must have 0 port")', () => {
    for (const dialect of ['libreswan-4.10', 'libreswan-5.0']) {
      for (const v of ['0/80', 'ip/80', 'IP/500']) assert.deepEqual(found(dialect, `leftprotoport=${v}`), ['error'], `${dialect} ${v}`);
      for (const v of ['0/0', '0/', '0', 'udp/80', '17/500']) assert.deepEqual(found(dialect, `leftprotoport=${v}`), [], `${dialect} ${v}`);
    }
    assert.deepEqual(found('libreswan-5.4', 'leftprotoport=0/80'), []);
  });

  it('authby= words are matched exactly, up to 5.2 ("connection authby= value is unknown")', () => {
    for (const dialect of ['libreswan-4.10', 'libreswan-5.0', 'libreswan-4']) {
      for (const v of ['ecdsa-sha1', 'RSASIG', 'eddsa', 'RSA-SHA2']) assert.deepEqual(found(dialect, `authby=${v}`), ['error'], `${dialect} ${v}`);
      for (const v of ['rsasig,secret', '"rsasig secret"', 'ecdsa-sha2_256', 'rsa-sha1', 'null']) assert.deepEqual(found(dialect, `authby=${v}`), [], `${dialect} ${v}`);
    }
    // An empty word between a comma and a blank: 4.7 and later split at each separator; 4.0 to 4.6 skipped empty words.
    assert.deepEqual(found('libreswan-4.10', 'authby="rsasig, secret"'), ['error']);
    assert.deepEqual(found('libreswan-5.0', 'authby=rsasig,'), ['error']);
    assert.deepEqual(found('libreswan-4', 'authby="rsasig, secret"'), []);
    assert.deepEqual(found('libreswan-5.4', 'authby=RSASIG'), []);
    assert.deepEqual(found('libreswan-5', 'authby=ecdsa-sha1'), []);
  });

  it('offers the lower-case spelling of a method', () => {
    const [finding] = lint('ipsec', '# ipsec-dialect: libreswan-4.10\nconn a\n\tauthby=RSASIG\n', [badValue]);
    assert.equal(finding.fixes?.[0]?.edits[0]?.newText, 'rsasig');
  });
});
