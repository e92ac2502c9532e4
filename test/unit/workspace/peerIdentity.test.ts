import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { mayBeSameIdentity, readId, sameIdentity } from '../../../server/src/workspace/ikeIdentity';
import { pairPeers } from '../../../server/src/workspace/peers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

const LIBRESWAN = { choice: { dialect: 'libreswan' as const, source: 'comment' as const, reason: 'test' }, plausible: ['libreswan' as const] };
const STRONGSWAN = { choice: { dialect: 'strongswan' as const, source: 'comment' as const, reason: 'test' }, plausible: ['strongswan' as const] };
const UNKNOWN = { plausible: ['openswan' as const, 'libreswan' as const, 'strongswan' as const] };

describe('IKE identities as the daemons read them', () => {
  it('reads a name without @ as a DNS lookup for Libreswan and Openswan, and as a name for strongSwan', () => {
    assert.deepEqual(readId('vpn.a.example', 'libreswan'), { kind: 'lookup', value: 'vpn.a.example' });
    assert.deepEqual(readId('vpn.a.example', 'openswan'), { kind: 'lookup', value: 'vpn.a.example' });
    assert.deepEqual(readId('vpn.a.example', 'strongswan'), { kind: 'fqdn', value: 'vpn.a.example' });
    assert.deepEqual(readId('@vpn.a.example', 'libreswan'), { kind: 'fqdn', value: 'vpn.a.example' });
  });

  it('compares names and e-mail addresses without case or trailing dots, and IPv6 in any spelling', () => {
    assert.equal(sameIdentity(readId('@VPN.A.example.', 'libreswan'), readId('@vpn.a.example', 'strongswan')), true);
    assert.equal(sameIdentity(readId('Admin@A.example', 'libreswan'), readId('admin@a.example', 'libreswan')), true);
    assert.equal(sameIdentity(readId('2001:DB8:0:0::1', 'libreswan'), readId('2001:db8::1', 'libreswan')), true);
    assert.equal(sameIdentity(readId('::ffff:192.0.2.1', 'libreswan'), readId('::ffff:c000:201', 'libreswan')), true);
    assert.equal(sameIdentity(readId('2001:db8::1', 'libreswan'), readId('2001:db8::2', 'libreswan')), false);
    assert.equal(sameIdentity(readId('@a.example', 'libreswan'), readId('@b.example', 'libreswan')), false);
  });

  it('cannot tell a name to look up from an address, and tells a looked-up name from an FQDN ID', () => {
    assert.equal(sameIdentity(readId('vpn.a.example', 'libreswan'), readId('192.0.2.1', 'libreswan')), undefined);
    assert.equal(sameIdentity(readId('vpn.a.example', 'libreswan'), readId('vpn.b.example', 'libreswan')), undefined);
    assert.equal(sameIdentity(readId('vpn.a.example', 'libreswan'), readId('@vpn.a.example', 'libreswan')), false);
    assert.equal(sameIdentity(readId('vpn.a.example', 'libreswan', true), readId('@vpn.a.example', 'strongswan')), false);
  });

  it("reads strongSwan's typed IDs as the type they name, and leaves its regular expressions alone", () => {
    assert.equal(sameIdentity(readId('fqdn:VPN.a.example', 'strongswan'), readId('@vpn.a.example', 'libreswan')), true);
    assert.equal(sameIdentity(readId('dns:vpn.a.example', 'strongswan'), readId('vpn.a.example', 'strongswan')), true);
    assert.equal(sameIdentity(readId('email:admin@a.example', 'strongswan'), readId('admin@a.example', 'libreswan')), true);
    assert.equal(sameIdentity(readId('ipv6:2001:db8::1', 'strongswan'), readId('2001:DB8:0::1', 'libreswan')), true);
    assert.equal(sameIdentity(readId('asn1dn:C=DE, CN=gw', 'strongswan'), readId('C=DE,CN=gw', 'libreswan')), true);
    assert.equal(sameIdentity(readId('fqdn:vpn.a.example', 'strongswan'), readId('@vpn.b.example', 'libreswan')), false);
    assert.equal(sameIdentity(readId('fqdn:vpn.a.example', 'strongswan'), readId('email:vpn.a.example', 'strongswan')), false);
    assert.equal(sameIdentity(readId('fqdn:/^vpn\\..*$/', 'strongswan'), readId('@vpn.a.example', 'strongswan')), undefined);
    assert.equal(sameIdentity(readId('{2}:vpn.a.example', 'strongswan'), readId('@vpn.a.example', 'strongswan')), undefined);
    assert.equal(readId('keyid:abc', 'strongswan').kind, 'other');
  });

  it('reports a difference only when it holds for every daemon each gateway may run', () => {
    const bare = { id: 'vpn.a.example', dialect: UNKNOWN };
    assert.equal(mayBeSameIdentity({ id: '@vpn.a.example', dialect: LIBRESWAN }, bare), true);
    assert.equal(mayBeSameIdentity({ id: '@vpn.a.example', dialect: LIBRESWAN }, { ...bare, dialect: LIBRESWAN }), false);
    assert.equal(mayBeSameIdentity({ id: '@vpn.a.example', dialect: LIBRESWAN }, { ...bare, dialect: STRONGSWAN }), true);
    assert.equal(mayBeSameIdentity({ id: '@vpn.b.example', dialect: UNKNOWN }, bare), false);
  });
});

const SETUP = {
  libreswan: '# ipsec-dialect: libreswan-4\nconfig setup\n\tprotostack=netkey\n',
  strongswan: '# ipsec-dialect: strongswan\nconfig setup\n\tcharondebug="ike 1"\n',
};

function findings(aDialect: keyof typeof SETUP, aLeftid: string, bDialect: keyof typeof SETUP, bRightid: string) {
  const a = `${SETUP[aDialect]}conn b\n\tleft=192.0.2.1\n\tleftid=${aLeftid}\n\tright=192.0.2.2\n\trightid=@vpn.b.example\n\tauthby=secret\n\tauto=start\n`;
  const b = `${SETUP[bDialect]}conn a\n\tleft=192.0.2.2\n\tleftid=@vpn.b.example\n\tright=192.0.2.1\n\trightid=${bRightid}\n\tauthby=secret\n\tauto=start\n`;
  const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/ipsec.conf': a, '/ws/b/ipsec.conf': b })).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']);
  // The two conns pair by their addresses, so a silence below is the ID comparison's.
  assert.equal(pairPeers(model.nodes).length, 1);
  return [...checkWorkspace(model).values()].flat().filter((f) => f.code === 'peer-id-mismatch');
}

describe('peer-id-mismatch compares IDs as the daemons do', () => {
  it('Libreswan: leftid=vpn.a.example is looked up in DNS, so it is not @vpn.a.example; the message says why', () => {
    const found = findings('libreswan', 'vpn.a.example', 'libreswan', '@vpn.a.example');
    assert.equal(found.length, 2);
    for (const f of found) assert.match(f.message, /without "@", leftid=vpn\.a\.example is looked up in DNS and the address is used as the ID; write leftid=@vpn\.a\.example\)$/);
  });

  it('strongSwan reads vpn.a.example as the name @vpn.a.example: no finding', () => {
    assert.deepEqual(findings('strongswan', 'vpn.a.example', 'strongswan', '@vpn.a.example'), []);
    assert.deepEqual(findings('strongswan', 'vpn.a.example', 'libreswan', '@vpn.a.example'), []);
    // The Libreswan end presents the address it looked up; the strongSwan end expects the name.
    assert.equal(findings('libreswan', 'vpn.a.example', 'strongswan', '@vpn.a.example').length, 2);
  });

  it('names differing only in case or a trailing dot agree; different names do not', () => {
    assert.deepEqual(findings('libreswan', '@VPN.A.Example.', 'libreswan', '@vpn.a.example'), []);
    assert.equal(findings('libreswan', '@vpn.a.example', 'libreswan', '@gw.a.example').length, 2);
  });

  it('the same IPv6 address written two ways agrees; a name to be looked up against an address is left alone', () => {
    assert.deepEqual(findings('libreswan', '2001:DB8:0::1', 'libreswan', '2001:db8::1'), []);
    assert.deepEqual(findings('libreswan', 'vpn.a.example', 'libreswan', '192.0.2.1'), []);
    assert.equal(findings('libreswan', '2001:db8::1', 'libreswan', '2001:db8::2').length, 2);
  });
});

describe('IPv6 addresses in any spelling', () => {
  function pairOf(aRight: string, bLeft: string) {
    const a = `${SETUP.libreswan}conn b\n\tleft=2001:db8::1\n\tleftid=@vpn.a.example\n\tright=${aRight}\n\trightid=@vpn.b.example\n\tauthby=secret\n\tauto=start\n`;
    const b = `${SETUP.libreswan}conn a\n\tleft=${bLeft}\n\tleftid=@vpn.b.example\n\tright=2001:0DB8:0::1\n\trightid=@vpn.a.example\n\tauthby=secret\n\tauto=start\n`;
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/ipsec.conf': a, '/ws/b/ipsec.conf': b })).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']);
    return { pairs: pairPeers(model.nodes).length, codes: [...checkWorkspace(model).values()].flat().map((f) => f.code) };
  }

  it('pair two gateways that write the same addresses differently, with nothing to report', () => {
    assert.deepEqual(pairOf('2001:db8:0:0::2', '2001:DB8::2'), { pairs: 1, codes: [] });
  });

  it('still report an address the peer does not use, in the short form', () => {
    const a = `${SETUP.libreswan}conn b\n\tleft=2001:db8::1\n\tleftid=@vpn.a.example\n\tright=2001:db8::3\n\trightid=@vpn.b.example\n\tauthby=secret\n\tauto=start\n`;
    const b = `${SETUP.libreswan}conn a\n\tleft=2001:DB8::2\n\tleftid=@vpn.b.example\n\tright=2001:0DB8:0::1\n\trightid=@vpn.a.example\n\tauthby=secret\n\tauto=start\n`;
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/ipsec.conf': a, '/ws/b/ipsec.conf': b })).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']);
    const mismatches = [...checkWorkspace(model).values()].flat().filter((f) => f.code === 'peer-address-mismatch');
    assert.equal(mismatches.length, 2);
    assert.ok(mismatches.some((f) => f.message.startsWith("right=2001:db8::3 but the peer (conn a in b/ipsec.conf) has left=2001:db8::2")), mismatches.map((f) => f.message).join('\n'));
  });
});

describe('peer-address-mismatch and host names', () => {
  function addressFindings(aRight: string) {
    const a = `${SETUP.libreswan}conn b\n\tleft=192.0.2.1\n\tleftid=@vpn.a.example\n\tright=${aRight}\n\trightid=@vpn.b.example\n\tauthby=secret\n\tauto=start\n`;
    const b = `${SETUP.libreswan}conn a\n\tleft=192.0.2.2\n\tleftid=@vpn.b.example\n\tright=192.0.2.1\n\trightid=@vpn.a.example\n\tauthby=secret\n\tauto=start\n`;
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/ipsec.conf': a, '/ws/b/ipsec.conf': b })).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']);
    assert.equal(pairPeers(model.nodes).length, 1);
    return [...checkWorkspace(model).values()].flat().filter((f) => f.code === 'peer-address-mismatch');
  }

  it('leaves a host name unjudged against the peer address, which DNS may give it', () => {
    assert.deepEqual(addressFindings('vpn.b.example'), []);
    assert.equal(addressFindings('192.0.2.3').length, 2);
  });
});
