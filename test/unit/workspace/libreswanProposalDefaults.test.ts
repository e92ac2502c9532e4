import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withLibreswanDefaults } from '../../../server/src/workspace/libreswanProposalDefaults';
import { parseProposals, proposalsOverlap } from '../../../server/src/workspace/proposals';
import { GATEWAY_HEAD, pairFindings } from './workspaceFindings';

/** Whether a Libreswan proposal, its omissions filled in, meets another daemon's. */
const meetsFilled = (libreswan: string, other: string, kind: 'ike' | 'esp'): boolean => {
  const filled = parseProposals(libreswan);
  const peer = parseProposals(other);
  assert.ok(filled && peer);
  return proposalsOverlap(withLibreswanDefaults(filled, kind), peer, kind);
};

describe("Libreswan's defaults for what an IKEv2 proposal leaves out (pluto 4.10's logs)", () => {
  it('fills in the DH groups from MODP-2048 up, the NIST curves and Curve25519, but no MODP-1536', () => {
    assert.equal(meetsFilled('aes256-sha2_256', 'aes256-sha256-modp2048', 'ike'), true);
    assert.equal(meetsFilled('aes256-sha2_256', 'aes256-sha256-curve25519', 'ike'), true);
    assert.equal(meetsFilled('aes256-sha2_256', 'aes256-sha256-modp1536', 'ike'), false);
    assert.equal(meetsFilled('aes256-sha2_256', 'aes256-sha256-modp6144', 'ike'), false);
  });

  it('fills in SHA2-512 and SHA2-256 for the PRF and integrity, and AES-256 and AES-128 for a bare aes', () => {
    assert.equal(meetsFilled('aes256', 'aes256-sha512-modp2048', 'ike'), true);
    assert.equal(meetsFilled('aes256', 'aes256-sha384-modp2048', 'ike'), false);
    assert.equal(meetsFilled('aes256', 'aes256-sha256', 'esp'), true);
    assert.equal(meetsFilled('aes256', 'aes256-sha1', 'esp'), false);
    assert.equal(meetsFilled('aes-sha2_256', 'aes128-sha256', 'esp'), true);
    assert.equal(meetsFilled('aes-sha2_256', 'aes192-sha256', 'esp'), false);
    assert.equal(meetsFilled('aes_gcm', 'aes128gcm16', 'esp'), true);
  });

  it('leaves the PRF of an AEAD IKE proposal alone', () => {
    assert.equal(meetsFilled('aes_gcm256', 'aes256gcm16-prfsha384-modp2048', 'ike'), true);
  });
});

describe('peer-proposal-mismatch with parts left to the daemon', () => {
  const findings = (head: keyof typeof GATEWAY_HEAD, ours: string, theirs: string) =>
    pairFindings(
      'peer-proposal-mismatch',
      `${GATEWAY_HEAD[head]}conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tikev2=insist\n\tike=${ours}\n\tauto=start\n`,
      `${GATEWAY_HEAD.strongswan}conn a\n\tleft=192.0.2.2\n\tright=192.0.2.1\n\tike=${theirs}\n\tauto=start\n`,
    ).map((f) => f.severity);

  it("judges them by Libreswan's defaults where the gateway is known to run Libreswan over IKEv2 (seen with 4.10 and 5.2)", () => {
    assert.deepEqual(findings('libreswan', 'aes256-sha2_256', 'aes256-sha256-modp1536!'), ['error', 'error']);
    assert.deepEqual(findings('libreswan', 'aes256-sha2_256', 'aes256-sha256-modp3072!'), []);
  });

  it('does not judge them where the daemon is not known', () => {
    assert.deepEqual(findings('unknown', 'aes256-sha2_256', 'aes256-sha256-modp1536!'), []);
  });
});
