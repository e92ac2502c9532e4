import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GATEWAY_HEAD, pairFindings } from './workspaceFindings';

type Head = keyof typeof GATEWAY_HEAD;

function typeFindings(aHead: Head, bHead: Head, extra = '', subnets: readonly [string, string] | undefined = undefined) {
  const [aSubnets, bSubnets] = subnets ? [`\tleftsubnet=${subnets[0]}\n\trightsubnet=${subnets[1]}\n`, `\tleftsubnet=${subnets[1]}\n\trightsubnet=${subnets[0]}\n`] : ['', ''];
  const a = `${GATEWAY_HEAD[aHead]}conn b\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tright=192.0.2.2\n\trightid=@b.example\n${aSubnets}\tauthby=secret\n\ttype=transport\n${extra}\tauto=start\n`;
  const b = `${GATEWAY_HEAD[bHead]}conn a\n\tleft=192.0.2.2\n\tleftid=@b.example\n\tright=192.0.2.1\n\trightid=@a.example\n${bSubnets}\tauthby=secret\n${extra}\tauto=start\n`;
  return pairFindings('peer-type-mismatch', a, b);
}

describe('peer-type-mismatch', () => {
  it('is an error where the Child SA is refused: Libreswan, or a strongSwan pair over IKEv1', () => {
    const libreswan = typeFindings('libreswan', 'libreswan');
    assert.deepEqual(libreswan.map((f) => f.severity), ['error', 'error']);
    assert.match(libreswan[0].message, /: the Child SA will be refused \(NO_PROPOSAL_CHOSEN\); use the same type on both sides$/);
    // a is the transport end: Libreswan there refuses tunnel requests.
    assert.deepEqual(typeFindings('libreswan', 'strongswan').map((f) => f.severity), ['error', 'error']);
    assert.deepEqual(typeFindings('strongswan', 'strongswan', '\tkeyexchange=ikev1\n').map((f) => f.severity), ['error', 'error']);
  });

  it('is a warning when both gateways may run strongSwan over IKEv2 between two hosts, which falls back to tunnel mode', () => {
    const strongswan = typeFindings('strongswan', 'strongswan');
    assert.deepEqual(strongswan.map((f) => f.severity), ['warning', 'warning']);
    assert.match(strongswan[0].message, /between two hosts over IKEv2 the daemons settle on tunnel mode, so the tunnel comes up, but not in transport mode; use the same type on both sides$/);
    assert.deepEqual(typeFindings('unknown', 'strongswan').map((f) => f.severity), ['warning', 'warning']);
    // A strongSwan transport end with a Libreswan tunnel end: both answer in tunnel mode (seen with 5.9.8 and 4.10).
    assert.deepEqual(typeFindings('strongswan', 'libreswan').map((f) => f.severity), ['warning', 'warning']);
    assert.deepEqual(typeFindings('strongswan', 'strongswan', '', ['192.0.2.1/32', '192.0.2.2']).map((f) => f.severity), ['warning', 'warning']);
  });

  it('stays an error for two strongSwan gateways with subnets: the transport end narrows its traffic to the hosts (seen with 5.9.8)', () => {
    const strongswan = typeFindings('strongswan', 'strongswan', '', ['198.51.100.0/24', '203.0.113.0/24']);
    assert.deepEqual(strongswan.map((f) => f.severity), ['error', 'error']);
  });
});
