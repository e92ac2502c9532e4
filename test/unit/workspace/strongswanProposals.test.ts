import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GATEWAY_HEAD, pairFindings, workspaceFindings } from './workspaceFindings';

const PINNED = '# ipsec-dialect: strongswan-5.9.8\nconfig setup\n';
const noDh = (head: keyof typeof GATEWAY_HEAD | 'pinned', ike: string) =>
  workspaceFindings({ '/ws/a/ipsec.conf': `${head === 'pinned' ? PINNED : GATEWAY_HEAD[head]}conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tike=${ike}\n\tauto=start\n` }, ['/ws/a/ipsec.conf']).filter((f) => f.code === 'strongswan-ike-no-dh');

describe('strongswan-ike-no-dh', () => {
  it('is an error when a proposal names no DH group: charon does not load the conn (seen with 5.9.8)', () => {
    const [found, ...rest] = noDh('pinned', 'aes256-sha256!');
    assert.equal(rest.length, 0);
    assert.equal(found.severity, 'error');
    assert.match(found.message, /^the IKE proposal "aes256-sha256" names no DH group, which strongSwan requires \(such as modp2048 or ecp256\): charon refuses it, and with it conn b, whatever other proposals the list holds; add to each proposal a DH group the peer offers too$/);
  });

  it('stays an error without a closing ! and beside valid proposals (seen with 5.9.8)', () => {
    assert.deepEqual(noDh('pinned', 'aes256-sha256').map((f) => f.severity), ['error']);
    assert.deepEqual(noDh('pinned', 'aes256-sha256,aes128-sha256-modp2048!').map((f) => f.severity), ['error']);
    assert.match(noDh('pinned', 'aes256-sha1,aes256-sha256,aes128-sha256-modp2048')[0].message, /^the IKE proposals "aes256-sha1", "aes256-sha256" name no DH group/);
  });

  it('is a warning for a gateway not pinned to a release: before 5.5.1 charon loaded such a conn', () => {
    const [found] = noDh('strongswan', 'aes256-sha256!');
    assert.equal(found.severity, 'warning');
    assert.match(found.message, /: charon from 5\.5\.1 on refuses it, and with it conn b,/);
  });

  it('says nothing where every proposal has a group, the daemon is not known to be strongSwan, or a word is not understood', () => {
    assert.deepEqual(noDh('strongswan', 'aes256-sha256-modp2048!'), []);
    assert.deepEqual(noDh('strongswan', 'aes256gcm16-prfsha256-ecp256!'), []);
    assert.deepEqual(noDh('libreswan', 'aes256-sha2_256'), []);
    assert.deepEqual(noDh('unknown', 'aes256-sha256'), []);
    assert.deepEqual(noDh('strongswan', 'aes256-sha256-frodo!'), []);
  });
});

describe('peer-proposal-mismatch reads a strict strongSwan list as charon does (5.9.8)', () => {
  const findings = (ours: string, theirs: string, key: 'ike' | 'esp') =>
    pairFindings(
      'peer-proposal-mismatch',
      `${GATEWAY_HEAD.strongswan}conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${key}=${ours}\n\tauto=start\n`,
      `${GATEWAY_HEAD.strongswan}conn a\n\tleft=192.0.2.2\n\tright=192.0.2.1\n\t${key}=${theirs}\n\tauto=start\n`,
    ).map((f) => f.severity);

  it('takes a bare aes for AES-128', () => {
    assert.deepEqual(findings('aes-sha256-modp2048!', 'aes256-sha256-modp2048!', 'ike'), ['error', 'error']);
    assert.deepEqual(findings('aes-sha256-modp2048!', 'aes128-sha256-modp2048!', 'ike'), []);
  });

  it('takes an ESP proposal of AES-CBC without integrity as offering none', () => {
    assert.deepEqual(findings('aes256!', 'aes256-sha256!', 'esp'), ['error', 'error']);
    assert.deepEqual(findings('aes256gcm16!', 'aes256gcm16-modp2048!', 'esp'), []);
  });

  it('leaves an IKE list with a proposal charon skips to strongswan-ike-no-dh', () => {
    assert.deepEqual(findings('aes256-sha256!', 'aes128-sha1-modp1024!', 'ike'), []);
  });
});
