import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { describe, it } from 'node:test';
import { canonicalAddress, ipVersion, isPrivateAddress } from '../../../server/src/text/ipLiteral';

/** Node's own reading is the reference the module replaces. */
function agreesWithNode(text: string): void {
  assert.equal(ipVersion(text), isIP(text), JSON.stringify(text));
}

describe('IP literals', () => {
  it('reads the usual forms as Node does', () => {
    for (const text of ['192.0.2.1', '0.0.0.0', '255.255.255.255', '::', '::1', '1::', '2001:db8::1', 'fe80::1%eth0', '::ffff:192.0.2.1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:192.0.2.1', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8']) {
      assert.notEqual(ipVersion(text), 0, text);
      agreesWithNode(text);
    }
  });

  it('refuses what Node refuses', () => {
    for (const text of ['', '01.2.3.4', '256.1.1.1', '1.2.3', '1.2.3.4.5', ' 1.2.3.4', ':::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8::', '1::2::3', '12345::', 'g::1', 'fe80::1%', '::1.2.3', '1.2.3.4::', '%eth0', 'fe80::1%e th0', '::1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:1.2.3.4']) {
      assert.equal(ipVersion(text), 0, text);
      agreesWithNode(text);
    }
  });

  it('agrees with Node on every string built from address pieces', () => {
    const pieces = ['1', 'ffff', '0', ':', '::', '.', '192.0.2.1', '%z', 'g', '00000', '255'];
    const walk = (text: string, depth: number): void => {
      agreesWithNode(text);
      if (depth === 0) return;
      for (const piece of pieces) walk(text + piece, depth - 1);
    };
    walk('', 5);
  });

  it('agrees with Node on group counts around eight', () => {
    const pieces = ['1:', 'a', '::', '1.2.3.4', '%z'];
    const walk = (text: string, depth: number): void => {
      agreesWithNode(text);
      if (depth === 0) return;
      for (const piece of pieces) walk(text + piece, depth - 1);
    };
    walk('', 8);
  });
});

describe('one spelling per address, as inet_ntop prints it', () => {
  it('writes IPv6 in lower case, without leading zeros, with :: for the first longest run of two or more zero groups', () => {
    const cases: Array<[string, string]> = [
      ['2001:DB8:0:0:0:0:0:41', '2001:db8::41'],
      ['2001:0db8::0041', '2001:db8::41'],
      ['::1', '::1'],
      ['1::', '1::'],
      ['::', '::'],
      ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['1:2:3:4:5:6:0:8', '1:2:3:4:5:6:0:8'],
      ['1:2:0:0:0:0:0:0', '1:2::'],
      ['::ffff:c000:201', '::ffff:192.0.2.1'],
      ['::192.0.2.1', '::192.0.2.1'],
      ['192.0.2.1', '192.0.2.1'],
    ];
    for (const [written, printed] of cases) assert.equal(canonicalAddress(written), printed, written);
  });

  it('has nothing to print for what is no address, or one with a zone', () => {
    assert.equal(canonicalAddress('gw.example'), undefined);
    assert.equal(canonicalAddress('fe80::1%eth0'), undefined);
  });

  it('knows the RFC 1918 and carrier-grade NAT ranges, at their edges', () => {
    for (const inside of ['10.0.0.0', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.0.1', '100.64.0.1', '100.127.255.255']) {
      assert.equal(isPrivateAddress(inside), true, inside);
    }
    for (const outside of ['172.15.255.255', '172.32.0.0', '192.169.0.1', '100.63.255.255', '100.128.0.0', '198.18.0.1', '11.0.0.1']) {
      assert.equal(isPrivateAddress(outside), false, outside);
    }
  });

  it('takes only dotted quads of decimal octets as private', () => {
    for (const text of ['10.0.0', '10.0.0.0.1', '10..0.1', '10.0.0.256', '10.0.0.1000', '10.0.0.1 ', 'fd00::1', '::ffff:10.0.0.1', 'vpn.example', '', '10.0.0.']) {
      assert.equal(isPrivateAddress(text), false, JSON.stringify(text));
    }
  });
});
