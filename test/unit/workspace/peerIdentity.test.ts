import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayBeSameIdentity, readId, sameIdentity } from '../../../server/src/workspace/ikeIdentity';
import { GATEWAY_HEAD, pairFindings, summarize, workspaceFindings } from './workspaceFindings';

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

type Head = 'libreswan' | 'strongswan';

/** Gateway a's conn b and gateway b's conn a, with the given settings after the common ones. */
function twoGateways(aHead: Head, aSettings: string, bHead: Head, bSettings: string): [string, string] {
  return [`${GATEWAY_HEAD[aHead]}conn b\n${aSettings}\tauthby=secret\n\tauto=start\n`, `${GATEWAY_HEAD[bHead]}conn a\n${bSettings}\tauthby=secret\n\tauto=start\n`];
}

function findings(aHead: Head, aLeftid: string, bHead: Head, bRightid: string) {
  const [a, b] = twoGateways(aHead, `\tleft=192.0.2.1\n\tleftid=${aLeftid}\n\tright=192.0.2.2\n\trightid=@vpn.b.example\n`, bHead, `\tleft=192.0.2.2\n\tleftid=@vpn.b.example\n\tright=192.0.2.1\n\trightid=${bRightid}\n`);
  return pairFindings('peer-id-mismatch', a, b);
}

describe('peer-id-mismatch compares IDs as the daemons do', () => {
  it('Libreswan: leftid=vpn.a.example is looked up in DNS, so it is not @vpn.a.example; the message says why', () => {
    const found = findings('libreswan', 'vpn.a.example', 'libreswan', '@vpn.a.example');
    assert.equal(found.length, 2);
    for (const f of found) assert.match(f.message, /without "@", leftid=vpn\.a\.example is looked up in DNS and the address is used as the ID; write leftid=@vpn\.a\.example\)$/);
  });

  it('takes the value of a key set twice as each daemon does: the later line for strongSwan, the first for Libreswan 5', () => {
    const gateway = (head: string, ids: string) => `${head}conn b\n\tleft=192.0.2.1\n${ids}\tright=192.0.2.2\n\trightid=@vpn.b.example\n\tauthby=secret\n\tauto=start\n`;
    const peer = `${GATEWAY_HEAD.strongswan}conn a\n\tleft=192.0.2.2\n\tleftid=@vpn.b.example\n\tright=192.0.2.1\n\trightid=@vpn.a.example\n\tauthby=secret\n\tauto=start\n`;
    const oldThenNew = '\tleftid=@old.a.example\n\tleftid=@vpn.a.example\n';
    const newThenOld = '\tleftid=@vpn.a.example\n\tleftid=@old.a.example\n';
    assert.equal(pairFindings('peer-id-mismatch', gateway(GATEWAY_HEAD.strongswan, oldThenNew), peer).length, 0);
    assert.equal(pairFindings('peer-id-mismatch', gateway(GATEWAY_HEAD.strongswan, newThenOld), peer).length, 2);
    const libreswan5 = '# ipsec-dialect: libreswan-5\nconfig setup\n';
    assert.equal(pairFindings('peer-id-mismatch', gateway(libreswan5, newThenOld), peer).length, 0);
    assert.equal(pairFindings('peer-id-mismatch', gateway(libreswan5, oldThenNew), peer).length, 2);
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

describe('peer-address-mismatch compares addresses as addresses', () => {
  function addressFindings(aLeft: string, aRight: string, bLeft: string, bRight: string) {
    const ids = (left: string, right: string) => `\tleftid=@vpn.${left}.example\n\trightid=@vpn.${right}.example\n`;
    const [a, b] = twoGateways('libreswan', `\tleft=${aLeft}\n\tright=${aRight}\n${ids('a', 'b')}`, 'libreswan', `\tleft=${bLeft}\n\tright=${bRight}\n${ids('b', 'a')}`);
    return pairFindings('peer-address-mismatch', a, b);
  }

  it('pairs two gateways that write the same IPv6 addresses differently, with nothing to report', () => {
    assert.deepEqual(addressFindings('2001:db8::1', '2001:db8:0:0::2', '2001:DB8::2', '2001:0DB8:0::1'), []);
  });

  it('still reports an IPv6 address the peer does not use, in its short form', () => {
    const mismatches = addressFindings('2001:db8::1', '2001:db8::3', '2001:DB8::2', '2001:0DB8:0::1');
    assert.equal(mismatches.length, 2);
    assert.ok(mismatches.some((f) => f.message.startsWith('right=2001:db8::3 but the peer (conn a in b/ipsec.conf) has left=2001:db8::2')), mismatches.map((f) => f.message).join('\n'));
  });

  it('leaves a host name unjudged against the peer address, which DNS may give it', () => {
    assert.deepEqual(addressFindings('192.0.2.1', 'vpn.b.example', '192.0.2.2', '192.0.2.1'), []);
    assert.equal(addressFindings('192.0.2.1', '192.0.2.3', '192.0.2.2', '192.0.2.1').length, 2);
  });
});

describe('peer-missing-conn and IPv6 spellings', () => {
  it("takes a peer conn whose right= is this gateway's address, however spelled, as one that answers", () => {
    // The IDs disagree, so the two conns do not pair; the question is only whether b has a conn for a.
    const files = (bRight: string) => ({
      '/ws/a/ipsec.conf': `${GATEWAY_HEAD.libreswan}conn b\n\tleft=2001:db8::1\n\tleftid=@a.example\n\tright=2001:db8::2\n\trightid=@x.example\n\tauthby=secret\n\tauto=start\n`,
      '/ws/b/ipsec.conf': `${GATEWAY_HEAD.libreswan}conn a\n\tleft=2001:db8::2\n\tleftid=@y.example\n\tright=${bRight}\n\trightid=@z.example\n\tauthby=secret\n\tauto=start\n`,
    });
    const missing = (bRight: string) => summarize(workspaceFindings(files(bRight), ['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']), 'peer-missing-conn');
    assert.deepEqual(missing('2001:DB8:0::1'), []);
    assert.deepEqual(missing('2001:db8::9'), ['a/ipsec.conf:6 peer-missing-conn error']);
  });
});
