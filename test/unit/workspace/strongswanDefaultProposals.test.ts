import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import { SourceText } from '../../../server/src/text/sourceText';
import { parseProposals, proposalsOverlap } from '../../../server/src/workspace/proposals';
import { describeStrongswanDefaults, strongswanDefaultProposals } from '../../../server/src/workspace/strongswanProposalDefaults';
import { GATEWAY_HEAD, pairFindings } from './workspaceFindings';

/** Whether strongSwan's defaults for the releases given meet another daemon's proposal. */
const defaultsMeet = (other: string, kind: 'ike' | 'esp', releases: readonly string[] = ['5.9.8']): boolean => {
  const defaults = strongswanDefaultProposals(kind, releases);
  const peer = parseProposals(other);
  assert.ok(defaults && peer);
  return proposalsOverlap(defaults, peer, kind);
};

describe("strongSwan's default proposals (proposal.c, 5.6.1 on)", () => {
  it('are not modelled for a release before 5.6.1, whose defaults still held MODP-1024 and MD5, nor for a set that holds one', () => {
    assert.equal(strongswanDefaultProposals('ike', ['5.6.0']), undefined);
    assert.equal(strongswanDefaultProposals('esp', ['5.5.3', '5.9.8']), undefined);
    assert.equal(strongswanDefaultProposals('ike', []), undefined);
    assert.ok(strongswanDefaultProposals('ike', ['5.6.1', '6.0.6']));
  });

  it('for IKE hold AES, 3DES, SHA-2 and SHA-1 and the groups from MODP-2048 up and the curves, but no MODP-1024 or MODP-1536', () => {
    assert.equal(defaultsMeet('aes128-sha256-ecp256', 'ike'), true);
    assert.equal(defaultsMeet('3des-sha1-modp2048', 'ike'), true);
    assert.equal(defaultsMeet('aes256gcm16-prfsha384-curve25519', 'ike'), true);
    assert.equal(defaultsMeet('chacha20poly1305-prfsha256-modp3072', 'ike'), true);
    assert.equal(defaultsMeet('aes256-sha1-modp1024', 'ike'), false);
    assert.equal(defaultsMeet('aes128-sha1-modp1536', 'ike'), false);
    assert.equal(defaultsMeet('aes256-md5-modp2048', 'ike'), false);
    assert.equal(defaultsMeet('aes256-sha256-modp2048s256', 'ike'), false);
  });

  it('for ESP hold AES-CBC with SHA-2, SHA-1 or AES-XCBC, and AES-GCM from 5.9.0, but no 3DES or MD5', () => {
    assert.equal(defaultsMeet('aes256-sha1', 'esp'), true);
    assert.equal(defaultsMeet('aes128-sha512', 'esp'), true);
    assert.equal(defaultsMeet('3des-sha1', 'esp'), false);
    assert.equal(defaultsMeet('aes256-md5', 'esp'), false);
    assert.equal(defaultsMeet('aes256gcm16', 'esp'), true);
    assert.equal(defaultsMeet('aes256gcm16', 'esp', ['5.8.4']), false);
    assert.equal(defaultsMeet('aes256gcm16', 'esp', ['5.8.4', '5.9.8']), true);
  });

  it('are described for a message', () => {
    assert.match(describeStrongswanDefaults('ike', ['5.9.8']), /no MODP-1024 or MODP-1536/);
    assert.equal(describeStrongswanDefaults('esp', ['5.9.8']), 'AES-CBC with SHA-2, SHA-1 or AES-XCBC or AES-GCM (no 3DES)');
    assert.equal(describeStrongswanDefaults('esp', ['5.8.4', '5.9.8']), 'AES-CBC with SHA-2, SHA-1 or AES-XCBC (from 5.9.0 also AES-GCM) (no 3DES)');
    assert.equal(describeStrongswanDefaults('esp', ['5.8.4']), 'AES-CBC with SHA-2, SHA-1 or AES-XCBC (no 3DES)');
  });
});

describe('peer-proposal-mismatch with strongSwan defaults', () => {
  const strongswanHead = (release: string) => GATEWAY_HEAD.strongswan.replace('strongswan', `strongswan-${release}`);
  const conn = (head: string, name: string, own: string, peer: string, extra: string) => `${head}conn ${name}\n\tleft=${own}\n\tright=${peer}\n${extra}\tauto=start\n`;
  const strongswanB = (release: string, extra: string) => conn(release ? strongswanHead(release) : GATEWAY_HEAD.strongswan, 'b', '192.0.2.1', '192.0.2.2', extra);
  const libreswanA = (extra: string) => conn(GATEWAY_HEAD.libreswan, 'a', '192.0.2.2', '192.0.2.1', extra);
  const run = (release: string, strongswanExtra: string, libreswanExtra: string) => pairFindings('peer-proposal-mismatch', strongswanB(release, strongswanExtra), libreswanA(libreswanExtra));

  it('judges a strongSwan conn without ike= by the defaults of its pinned release, on both ends', () => {
    const findings = run('5.9.8', '', '\tike=aes256-sha1-modp1024\n');
    assert.deepEqual(findings.map((f) => f.severity), ['error', 'error']);
    const messages = findings.map((f) => f.message).join('\n');
    assert.match(messages, /NO_PROPOSAL_CHOSEN; put a proposal the peer accepts in ike=$/m);
    assert.match(messages, /this conn sets no ike=, and none of strongSwan's default IKE proposals is one the peer accepts \(conn a in b\/ipsec\.conf: ike=aes256-sha1-modp1024\)/);
    assert.match(messages, /no IKE proposal in common with the peer \(conn b in a\/ipsec\.conf: no ike=, so strongSwan's default proposals: AES, Camellia/);
    assert.deepEqual(run('5.9.8', '', '\tike=aes256-sha2_256-modp2048\n'), []);
  });

  it("judges a list without '!' together with the defaults strongSwan adds to it", () => {
    const findings = run('6.0', '\tike=aes128-sha256-ecp256\n', '\tike=aes128-sha1-modp1536\n');
    assert.equal(findings.length, 2);
    assert.match(findings.map((f) => f.message).join('\n'), /no IKE proposal in common with the peer \(conn a in b\/ipsec\.conf: ike=aes128-sha1-modp1536\), not even among the default proposals strongSwan adds to a list without '!'/);
    assert.match(findings.map((f) => f.message).join('\n'), /ike=aes128-sha256-ecp256, without '!', so also strongSwan's default proposals/);
    assert.deepEqual(run('6.0', '\tike=aes128-sha256-ecp256\n', '\tike=3des-sha1-modp2048\n'), []);
  });

  it('judges ESP by the release: no 3DES, and AES-GCM only from 5.9.0', () => {
    assert.equal(run('5.9.8', '', '\tesp=3des-sha1\n').length, 2);
    assert.deepEqual(run('5.9.8', '', '\tesp=aes_gcm256-null\n'), []);
    assert.equal(run('5.8', '', '\tesp=aes_gcm256-null\n').length, 2);
  });

  it('says nothing where the release may be older than 5.6.1, which the whole of strongSwan 5 includes', () => {
    assert.deepEqual(run('', '', '\tike=aes256-sha1-modp1024\n'), []);
    assert.deepEqual(run('5', '', '\tike=aes256-sha1-modp1024\n'), []);
    assert.deepEqual(run('5.6.0', '\tike=aes128-sha256-ecp256\n', '\tike=aes128-sha1-modp1024\n'), []);
  });

  it("offers the peer's list for the strongSwan conn without one, and the pair then agrees", () => {
    const before = strongswanB('5.9.8', '');
    const findings = run('5.9.8', '', '\tike=aes256-sha1-modp1024\n');
    const onB = findings.find((f) => f.message.startsWith('this conn sets no ike='));
    assert.ok(onB?.fixes);
    assert.equal(onB.fixes[0].title, "Set ike=aes256-sha1-modp1024, the peer's proposals");
    const fixed = applyEdits(new SourceText(before), onB.fixes[0].edits);
    assert.equal(fixed, before.replace('\tauto=start\n', '\tauto=start\n\tike=aes256-sha1-modp1024\n'));
    assert.deepEqual(pairFindings('peer-proposal-mismatch', fixed, libreswanA('\tike=aes256-sha1-modp1024\n')), []);
  });

  it('offers no list strongSwan would not read', () => {
    const onB = run('5.9.8', '', '\tike=aes256-sha1;modp1024\n').find((f) => f.message.startsWith('this conn sets no ike='));
    assert.ok(onB);
    assert.equal(onB.fixes, undefined);
  });
});
