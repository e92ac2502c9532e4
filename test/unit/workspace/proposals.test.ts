import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProposals, proposalsOverlap } from '../../../server/src/workspace/proposals';

const meet = (a: string, b: string, kind: 'ike' | 'esp'): boolean | undefined => {
  const x = parseProposals(a);
  const y = parseProposals(b);
  return x && y ? proposalsOverlap(x, y, kind) : undefined;
};

describe('proposals read by meaning', () => {
  it('matches the same algorithms in each daemon\'s spelling', () => {
    assert.equal(meet('aes256-sha2_256;modp2048', 'aes256-sha256-modp2048', 'ike'), true);
    assert.equal(meet('aes_gcm256', 'aes256gcm16', 'esp'), true);
    assert.equal(meet('aes_gcm_c_256', 'aes256gcm128', 'esp'), true);
    assert.equal(meet('aes_gcm_a_256', 'aes256gcm16', 'esp'), false);
    assert.equal(meet('aes_gcm256-null', 'aes_gcm256', 'esp'), true);
    assert.equal(meet('chacha20poly1305-sha512-curve25519', 'chacha20_poly1305-sha2_512;dh31', 'ike'), true);
    assert.equal(meet('3des-md5;modp1024', '3des_cbc-hmac_md5-dh2', 'ike'), true);
  });

  it('takes several algorithms of one kind in a proposal as alternatives', () => {
    assert.equal(meet('aes128-aes256-sha256-sha1-modp2048-ecp256', 'aes256-sha1-ecp256', 'ike'), true);
    assert.equal(meet('aes128+aes256-sha2;modp2048+dh19', 'aes256-sha256-ecp256', 'ike'), true);
  });

  it("leaves what a proposal does not say to the daemon's default: a DH group, a PRF, a key length", () => {
    assert.equal(meet('aes256-sha2', 'aes256-sha256-modp2048', 'ike'), true);
    assert.equal(meet('aes256-sha256-prfsha256-modp2048', 'aes256-sha256-modp2048', 'ike'), true);
    assert.equal(meet('aes-sha1', 'aes128-sha1', 'esp'), true);
    assert.equal(meet('aes_gcm-sha2;dh19', 'aes256gcm16-prfsha256-ecp256', 'ike'), true);
  });

  it("ignores an ESP proposal's DH group, which serves only PFS, and ESN words", () => {
    assert.equal(meet('aes256gcm16', 'aes256gcm16-modp2048-esn', 'esp'), true);
    assert.equal(meet('aes256-sha1;modp1024', 'aes256-sha1;modp2048', 'esp'), true);
  });

  it('tells lists apart that share no proposal', () => {
    assert.equal(meet('aes256-sha2_256-modp2048', 'aes128-sha2_256-modp2048', 'ike'), false);
    assert.equal(meet('aes256-sha2_512-modp3072', 'aes256-sha1-modp4096', 'ike'), false);
    assert.equal(meet('aes256-sha256-modp2048', 'aes256-sha256-modp3072', 'ike'), false);
    assert.equal(meet('aes256gcm16-prfsha384-ecp384', 'aes256gcm16-prfsha256-ecp384', 'ike'), false);
    assert.equal(meet('aes256-sha1', 'aes256-sha256', 'esp'), false);
    assert.equal(meet('aes256gcm16', 'aes256-sha256', 'esp'), false);
  });

  it('reads nothing it is not sure of', () => {
    assert.equal(parseProposals('aes{256}'), undefined);
    assert.equal(parseProposals('aes-256-sha1'), undefined);
    assert.equal(parseProposals('twofish-sha1'), undefined);
    assert.equal(parseProposals(''), undefined);
  });
});
