import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSubnets, subnetsOverlap } from '../../../server/src/workspace/subnets';
import { GATEWAY_HEAD, pairFindings } from './workspaceFindings';

const overlap = (a: string, b: string) => {
  const x = parseSubnets(a);
  const y = parseSubnets(b);
  assert.ok(x && y, `${a} / ${b} should parse`);
  return subnetsOverlap(x, y);
};

describe('subnet lists', () => {
  it('overlap when a block of one shares an address with a block of the other, within one family', () => {
    assert.equal(overlap('0.0.0.0/0', '10.1.0.0/16'), true);
    assert.equal(overlap('{10.1.0.0/16, 10.2.0.0/16}', '10.2.3.0/24'), true);
    assert.equal(overlap('10.1.0.0/16', '10.2.0.0/16'), false);
    assert.equal(overlap('10.1.255.255/16', '10.1.0.0/24'), true);
    assert.equal(overlap('2001:db8::/32', '2001:DB8:0:1::/64'), true);
    assert.equal(overlap('2001:db8::/32', '10.0.0.0/8'), false);
    assert.equal(overlap('192.0.2.1', '192.0.2.0/30'), true);
  });

  it('are not read when an entry holds a selector, a %-word or a bad prefix', () => {
    assert.equal(parseSubnets('10.0.0.0/8[tcp/80]'), undefined);
    assert.equal(parseSubnets('%dynamic'), undefined);
    assert.equal(parseSubnets('10.0.0.0/33'), undefined);
  });
});

function subnetFindings(head: 'libreswan' | 'strongswan', aLeftsubnet: string, bRightsubnet: string) {
  const a = `${GATEWAY_HEAD[head]}conn b\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tleftsubnet=${aLeftsubnet}\n\tright=192.0.2.2\n\trightid=@b.example\n\trightsubnet=10.9.0.0/16\n\tauthby=secret\n\tauto=start\n`;
  const b = `${GATEWAY_HEAD[head]}conn a\n\tleft=192.0.2.2\n\tleftid=@b.example\n\tleftsubnet=10.9.0.0/16\n\tright=192.0.2.1\n\trightid=@a.example\n\trightsubnet=${bRightsubnet}\n\tauthby=secret\n\tauto=start\n`;
  return pairFindings('peer-subnet-mismatch', a, b);
}

describe('peer-subnet-mismatch and strongSwan narrowing', () => {
  it('reads a strongSwan subnet list written with a blank after the comma as the whole list, as starter does', () => {
    assert.deepEqual(subnetFindings('strongswan', '10.1.0.0/16, 10.2.0.0/16', '10.1.0.0/16,10.2.0.0/16'), []);
  });

  it('is a warning for two strongSwan gateways whose subnets overlap, saying what narrowing costs', () => {
    const found = subnetFindings('strongswan', '0.0.0.0/0', '10.1.0.0/16');
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning']);
    assert.match(found[0].message, /: strongSwan narrows the traffic selectors to the overlap, so the rest of the traffic is not protected$/);
    assert.doesNotMatch(found[0].message, /Libreswan/);
  });

  it('says what Libreswan and Openswan would do where the gateways only may run strongSwan', () => {
    const a = 'conn b\n\tleft=192.0.2.1\n\tleftsubnet=0.0.0.0/0\n\tright=192.0.2.2\n\trightsubnet=10.9.0.0/16\n\tauto=start\n';
    const b = 'conn a\n\tleft=192.0.2.2\n\tleftsubnet=10.9.0.0/16\n\tright=192.0.2.1\n\trightsubnet=10.1.0.0/16\n\tauto=start\n';
    const found = pairFindings('peer-subnet-mismatch', a, b);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning']);
    assert.match(found[0].message, /: Libreswan and Openswan refuse the traffic selectors, and strongSwan narrows them to the overlap, so the rest of the traffic is not protected$/);
  });

  it('stays an error where the subnets share no address, and for Libreswan gateways', () => {
    assert.deepEqual(subnetFindings('strongswan', '10.1.0.0/16', '10.2.0.0/16').map((f) => f.severity), ['error', 'error']);
    const libreswan = subnetFindings('libreswan', '0.0.0.0/0', '10.1.0.0/16');
    assert.deepEqual(libreswan.map((f) => f.severity), ['error', 'error']);
    assert.match(libreswan[0].message, /: the traffic selectors will not match$/);
  });

  it('is a warning where a Libreswan end says narrowing=yes (IKEv2): it narrows overlapping subnets too (seen with 4.10)', () => {
    const narrowing = (extraA: string, extraB: string, version = 'insist') =>
      pairFindings(
        'peer-subnet-mismatch',
        `${GATEWAY_HEAD.libreswan}conn b\n\tleft=192.0.2.1\n\tleftsubnet=0.0.0.0/0\n\tright=192.0.2.2\n\trightsubnet=10.9.0.0/16\n\tikev2=${version}\n${extraA}\tauto=start\n`,
        `${GATEWAY_HEAD.libreswan}conn a\n\tleft=192.0.2.2\n\tleftsubnet=10.9.0.0/16\n\tright=192.0.2.1\n\trightsubnet=10.1.0.0/16\n\tikev2=${version}\n${extraB}\tauto=start\n`,
      );
    const one = narrowing('\tnarrowing=yes\n', '');
    assert.deepEqual(one.map((f) => f.severity), ['warning', 'warning']);
    assert.match(one[0].message, /: Libreswan without narrowing=yes and Openswan refuse the traffic selectors, and strongSwan and Libreswan with narrowing=yes narrow them to the overlap/);
    assert.deepEqual(narrowing('\tnarrowing=yes\n', '\tnarrowing=yes\n').map((f) => f.severity), ['warning', 'warning']);
    assert.deepEqual(narrowing('', '').map((f) => f.severity), ['error', 'error']);
    // narrowing= is IKEv2's: an IKEv1 conn does not narrow.
    assert.deepEqual(narrowing('\tnarrowing=yes\n', '', 'no').map((f) => f.severity), ['error', 'error']);
  });

  it('says less for strongSwan when a selector cannot be compared without the daemon', () => {
    assert.deepEqual(subnetFindings('strongswan', '10.1.0.0/16[tcp/443]', '10.1.0.0/16').map((f) => f.severity), ['warning', 'warning']);
  });
});

describe('peer-subnet-mismatch and subnets worked out at run time', () => {
  it('does not compare vhost:/vnet: subnets or %-words with addresses', () => {
    assert.deepEqual(subnetFindings('libreswan', '192.168.5.0/24', 'vhost:%priv,%no'), []);
    assert.deepEqual(subnetFindings('libreswan', '192.168.5.0/24', 'vnet:%priv'), []);
    assert.deepEqual(subnetFindings('strongswan', '%dynamic', '10.1.0.0/16'), []);
    assert.deepEqual(subnetFindings('libreswan', '192.168.5.0/24', '192.168.6.0/24').map((f) => f.severity), ['error', 'error']);
  });
});

describe('peer-subnet-mismatch when only one conn names a subnet for an end', () => {
  // a expects b's subnet; b names none, so it offers its own address only.
  function oneSided(head: 'libreswan' | 'strongswan', rightsubnet: string, extraA = '', extraB = '') {
    const a = `${GATEWAY_HEAD[head]}conn b\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tright=192.0.2.2\n\trightid=@b.example\n\trightsubnet=${rightsubnet}\n\tauthby=secret\n${extraA}\tauto=start\n`;
    const b = `${GATEWAY_HEAD[head]}conn a\n\tleft=192.0.2.2\n\tleftid=@b.example\n\tright=192.0.2.1\n\trightid=@a.example\n\tauthby=secret\n${extraB}\tauto=start\n`;
    return pairFindings('peer-subnet-mismatch', a, b);
  }

  it("compares a subnet with the host the other conn stands for, an error when the host lies outside (seen with strongSwan 5.9.8)", () => {
    const found = oneSided('strongswan', '10.9.0.0/16');
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error']);
    assert.match(found.map((f) => f.message).join('\n'), /rightsubnet=10\.9\.0\.0\/16 here, but the peer \(conn a in .*\) names no leftsubnet=, so it offers only its own address 192\.0\.2\.2: the traffic selectors will not match/);
    assert.deepEqual(oneSided('libreswan', '192.0.2.0/24').map((f) => f.severity), ['error', 'error']);
  });

  it('is a warning for strongSwan pairs when the host lies inside the subnet (narrowed), and quiet when the subnet is the host', () => {
    const narrowed = oneSided('strongswan', '192.0.2.0/24');
    assert.deepEqual(narrowed.map((f) => f.severity), ['warning', 'warning']);
    assert.match(narrowed[0].message, /strongSwan narrows the traffic selectors to the host, so the rest of the subnet is not protected; name the same subnet/);
    assert.deepEqual(oneSided('strongswan', '192.0.2.2/32'), []);
    assert.deepEqual(oneSided('libreswan', '192.0.2.2'), []);
  });

  it('leaves virtual IPs and transport mode alone', () => {
    assert.deepEqual(oneSided('strongswan', '10.9.0.0/16', '', '\tleftsourceip=%config\n'), []);
    assert.deepEqual(oneSided('strongswan', '10.9.0.0/16', '\ttype=transport\n', '\ttype=transport\n'), []);
  });
});
