import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GATEWAY_HEAD, pairFindings } from './workspaceFindings';

type Head = keyof typeof GATEWAY_HEAD;

function typeFindings(aHead: Head, bHead: Head, extra = '') {
  const a = `${GATEWAY_HEAD[aHead]}conn b\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tright=192.0.2.2\n\trightid=@b.example\n\tauthby=secret\n\ttype=transport\n${extra}\tauto=start\n`;
  const b = `${GATEWAY_HEAD[bHead]}conn a\n\tleft=192.0.2.2\n\tleftid=@b.example\n\tright=192.0.2.1\n\trightid=@a.example\n\tauthby=secret\n${extra}\tauto=start\n`;
  return pairFindings('peer-type-mismatch', a, b);
}

describe('peer-type-mismatch', () => {
  it('is an error where the Child SA is refused: Libreswan, or a strongSwan pair over IKEv1', () => {
    const libreswan = typeFindings('libreswan', 'libreswan');
    assert.deepEqual(libreswan.map((f) => f.severity), ['error', 'error']);
    assert.match(libreswan[0].message, /: the Child SA will be refused \(NO_PROPOSAL_CHOSEN\); use the same type on both sides$/);
    assert.deepEqual(typeFindings('strongswan', 'libreswan').map((f) => f.severity), ['error', 'error']);
    assert.deepEqual(typeFindings('strongswan', 'strongswan', '\tkeyexchange=ikev1\n').map((f) => f.severity), ['error', 'error']);
  });

  it('is a warning when both gateways may run strongSwan over IKEv2, which falls back to tunnel mode', () => {
    const strongswan = typeFindings('strongswan', 'strongswan');
    assert.deepEqual(strongswan.map((f) => f.severity), ['warning', 'warning']);
    assert.match(strongswan[0].message, /strongSwan over IKEv2 falls back to tunnel mode; use the same type on both sides$/);
    assert.deepEqual(typeFindings('unknown', 'strongswan').map((f) => f.severity), ['warning', 'warning']);
  });
});
