import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { pairPeers } from '../../../server/src/workspace/peers';
import { parseSubnets, subnetsOverlap } from '../../../server/src/workspace/subnets';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

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

const SETUP = {
  libreswan: '# ipsec-dialect: libreswan-4\nconfig setup\n\tprotostack=netkey\n',
  strongswan: '# ipsec-dialect: strongswan\nconfig setup\n\tcharondebug="ike 1"\n',
};

function subnetFindings(dialect: keyof typeof SETUP, aLeftsubnet: string, bRightsubnet: string) {
  const a = `${SETUP[dialect]}conn b\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tleftsubnet=${aLeftsubnet}\n\tright=192.0.2.2\n\trightid=@b.example\n\trightsubnet=10.9.0.0/16\n\tauthby=secret\n\tauto=start\n`;
  const b = `${SETUP[dialect]}conn a\n\tleft=192.0.2.2\n\tleftid=@b.example\n\tleftsubnet=10.9.0.0/16\n\tright=192.0.2.1\n\trightid=@a.example\n\trightsubnet=${bRightsubnet}\n\tauthby=secret\n\tauto=start\n`;
  const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/ipsec.conf': a, '/ws/b/ipsec.conf': b })).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']);
  assert.equal(pairPeers(model.nodes).length, 1);
  return [...checkWorkspace(model).values()].flat().filter((f) => f.code === 'peer-subnet-mismatch');
}

describe('peer-subnet-mismatch and strongSwan narrowing', () => {
  it('is a warning for two strongSwan gateways whose subnets overlap, saying what narrowing costs', () => {
    const found = subnetFindings('strongswan', '0.0.0.0/0', '10.1.0.0/16');
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning']);
    assert.match(found[0].message, /strongSwan narrows them to the overlap, so the rest of the traffic is not protected$/);
  });

  it('stays an error where the subnets share no address, and for Libreswan gateways', () => {
    assert.deepEqual(subnetFindings('strongswan', '10.1.0.0/16', '10.2.0.0/16').map((f) => f.severity), ['error', 'error']);
    const libreswan = subnetFindings('libreswan', '0.0.0.0/0', '10.1.0.0/16');
    assert.deepEqual(libreswan.map((f) => f.severity), ['error', 'error']);
    assert.match(libreswan[0].message, /: the traffic selectors will not match$/);
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
