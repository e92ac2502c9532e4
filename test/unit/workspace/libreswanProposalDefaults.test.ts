import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeBuiltIn, libreswanBuiltInProposals, withLibreswanDefaults, type IkeVersion } from '../../../server/src/workspace/libreswanProposalDefaults';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import { SourceText } from '../../../server/src/text/sourceText';
import { parseProposals, proposalsOverlap } from '../../../server/src/workspace/proposals';
import { GATEWAY_HEAD, pairFindings } from './workspaceFindings';

/** Whether a Libreswan proposal, its omissions filled in, meets another daemon's. */
const meetsFilled = (libreswan: string, other: string, kind: 'ike' | 'esp', version: IkeVersion = 2, releases: readonly string[] = ['4.10']): boolean => {
  const filled = parseProposals(libreswan);
  const peer = parseProposals(other);
  assert.ok(filled && peer);
  return proposalsOverlap(withLibreswanDefaults(filled, kind, version, releases), peer, kind);
};

/** Whether a Libreswan conn without the list meets another daemon's proposal. */
const builtInMeets = (other: string, kind: 'ike' | 'esp', version: IkeVersion, releases: readonly string[] = ['4.10']): boolean => {
  const peer = parseProposals(other);
  assert.ok(peer);
  return proposalsOverlap(libreswanBuiltInProposals(kind, version, releases), peer, kind);
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

describe("Libreswan's defaults for what an IKEv1 proposal leaves out", () => {
  it('fills in MODP-2048 and MODP-1536 before 4.15, and ECP-256 and Curve25519 too from 4.15', () => {
    assert.equal(meetsFilled('aes256-sha2_256', 'aes256-sha256-modp2048', 'ike', 1), true);
    assert.equal(meetsFilled('aes256-sha2_256', 'aes256-sha256-modp1536', 'ike', 1), true);
    assert.equal(meetsFilled('aes256-sha2_256', 'aes256-sha256-ecp256', 'ike', 1), false);
    assert.equal(meetsFilled('aes256-sha2_256', 'aes256-sha256-ecp256', 'ike', 1, ['5.2']), true);
    assert.equal(meetsFilled('aes256-sha2_256', 'aes256-sha256-modp3072', 'ike', 1, ['4.10', '5.2']), false);
  });

  it('fills in SHA-1 as well as SHA-2 for the hash, and SHA-1 alone for ESP integrity before 4.15', () => {
    assert.equal(meetsFilled('aes256', 'aes256-sha1-modp2048', 'ike', 1), true);
    assert.equal(meetsFilled('aes256', 'aes256-sha384-modp2048', 'ike', 1), false);
    assert.equal(meetsFilled('aes256', 'aes256-sha1', 'esp', 1), true);
    assert.equal(meetsFilled('aes256', 'aes256-sha256', 'esp', 1), false);
    assert.equal(meetsFilled('aes256', 'aes256-sha256', 'esp', 1, ['4.15']), true);
  });

  it('leaves the key size of a bare aes open, since no IKEv1 run showed which Libreswan takes', () => {
    assert.equal(meetsFilled('aes-sha1-modp2048', 'aes192-sha1-modp2048', 'ike', 1), true);
  });
});

describe("Libreswan's built-in proposals, for a conn that sets no ike= or esp=", () => {
  it('over IKEv2: AES-GCM and AES-CBC with SHA-2 and the DH groups from MODP-2048 up, not MODP-1024 or 3DES', () => {
    assert.equal(builtInMeets('aes128-sha256-ecp256', 'ike', 2), true);
    assert.equal(builtInMeets('aes256gcm16-prfsha384-modp4096', 'ike', 2), false);
    assert.equal(builtInMeets('aes256gcm16-prfsha512-modp4096', 'ike', 2), true);
    assert.equal(builtInMeets('aes256-sha1-modp1024', 'ike', 2), false);
    assert.equal(builtInMeets('aes128gcm16', 'esp', 2), true);
    assert.equal(builtInMeets('3des-sha1', 'esp', 2), false);
    assert.equal(builtInMeets('chacha20poly1305', 'esp', 2), false);
    assert.equal(builtInMeets('chacha20poly1305', 'esp', 2, ['5.2']), true);
  });

  it("over IKEv1 before 4.15: AES-CBC or 3DES with SHA-1 or SHA-2 and MODP-2048 or MODP-1536; ESP pluto's fixed AES-128 or 3DES with SHA-1 (4.10 refused AES-256)", () => {
    assert.equal(builtInMeets('aes128-sha1-modp2048', 'ike', 1), true);
    assert.equal(builtInMeets('aes256-sha256-modp2048', 'ike', 1), true);
    assert.equal(builtInMeets('3des-sha1-modp1536', 'ike', 1), true);
    assert.equal(builtInMeets('aes128-sha1-modp1024', 'ike', 1), false);
    assert.equal(builtInMeets('aes256-sha256-ecp256', 'ike', 1), false);
    assert.equal(builtInMeets('aes128-sha1', 'esp', 1), true);
    assert.equal(builtInMeets('3des-sha1', 'esp', 1), true);
    assert.equal(builtInMeets('aes256-sha1', 'esp', 1), false);
    assert.equal(builtInMeets('aes128-sha256', 'esp', 1), false);
  });

  it('over IKEv1 from 4.15: ECP-256 and Curve25519 for IKE, AES-GCM, 3DES and SHA-2 for ESP; a release not pinned takes the union', () => {
    assert.equal(builtInMeets('aes256-sha256-ecp256', 'ike', 1, ['4.15']), true);
    assert.equal(builtInMeets('aes256-sha256', 'esp', 1, ['5.2']), true);
    assert.equal(builtInMeets('aes256gcm16', 'esp', 1, ['5.2']), true);
    assert.equal(builtInMeets('aes256-sha256', 'esp', 1, ['4.10', '5.2']), true);
    assert.equal(builtInMeets('aes128-sha1-modp1024', 'ike', 1, ['4.10', '5.2']), false);
  });

  it('describes them for a message, each release range once', () => {
    assert.equal(describeBuiltIn('esp', 1, ['4.10']), 'AES-128-CBC or 3DES with SHA-1');
    assert.equal(describeBuiltIn('esp', 1, ['4.10', '5.2']), 'AES-128-CBC or 3DES with SHA-1; from 4.15 AES-CBC, AES-GCM or 3DES with SHA-1 or SHA-2');
    assert.equal(describeBuiltIn('ike', 2, ['4.10', '5.0', '5.2']).split('; ').length, 2);
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

describe('peer-proposal-mismatch with a list left out', () => {
  const conn = (head: string, name: string, own: string, peer: string, extra: string) => `${head}conn ${name}\n\tleft=${own}\n\tright=${peer}\n${extra}\tauto=start\n`;
  const heads = { ...GATEWAY_HEAD, 'libreswan-4.10': GATEWAY_HEAD.libreswan.replace('libreswan-4', 'libreswan-4.10') };
  const run = (libreswanHead: keyof typeof heads, libreswanExtra: string, strongswanExtra: string) =>
    pairFindings('peer-proposal-mismatch', conn(heads[libreswanHead], 'b', '192.0.2.1', '192.0.2.2', libreswanExtra), conn(GATEWAY_HEAD.strongswan, 'a', '192.0.2.2', '192.0.2.1', strongswanExtra));

  it("judges a Libreswan conn without ike= by its built-in proposals, on both ends (pluto 4.10 refused MODP-1024)", () => {
    const findings = run('libreswan', '\tikev2=insist\n', '\tike=aes256-sha1-modp1024!\n');
    assert.deepEqual(findings.map((f) => f.severity), ['error', 'error']);
    const messages = findings.map((f) => f.message).join('\n');
    assert.match(messages, /this conn sets no ike=, and none of Libreswan's built-in IKE proposals is one the peer accepts \(conn a in b\/ipsec\.conf: ike=aes256-sha1-modp1024!\)/);
    assert.match(messages, /no IKE proposal in common with the peer \(conn b in a\/ipsec\.conf: no ike=, so Libreswan's built-in proposals: AES-GCM or AES-CBC/);
    assert.deepEqual(run('libreswan', '\tikev2=insist\n', '\tike=aes128-sha256-ecp256!\n'), []);
  });

  it('judges an IKEv1 conn without esp= by the ESP proposals of its releases (pluto 4.10 refused AES-256; from 4.15 it is among them)', () => {
    const refused = run('libreswan-4.10', '\tikev2=no\n', '\tkeyexchange=ikev1\n\tesp=aes256-sha1-modp2048!\n');
    assert.equal(refused.length, 2);
    // Before 4.15 such a conn takes any proposal as the responder: only its own start fails.
    assert.match(refused.map((f) => f.message).join('\n'), /NO_PROPOSAL_CHOSEN when this end starts it \(as the responder it takes any proposal\); set esp=/);
    assert.match(refused.map((f) => f.message).join('\n'), /NO_PROPOSAL_CHOSEN when conn b in a\/ipsec\.conf starts it/);
    assert.deepEqual(run('libreswan-4.10', '\tikev2=no\n', '\tkeyexchange=ikev1\n\tesp=3des-sha1-modp2048!\n'), []);
    assert.deepEqual(run('libreswan-4.10', '\tikev2=no\n', '\tkeyexchange=ikev1\n\tesp=aes128-sha1-modp2048!\n'), []);
    assert.deepEqual(run('libreswan', '\tikev2=no\n', '\tkeyexchange=ikev1\n\tesp=aes256-sha1-modp2048!\n'), []);
  });

  it('says nothing where the daemon or the IKE version is not known, or where the other list is not strict', () => {
    assert.deepEqual(run('unknown', '\tikev2=insist\n', '\tike=aes256-sha1-modp1024!\n'), []);
    assert.deepEqual(run('libreswan', '\tikev2=insist\n', '\tike=aes256-sha1-modp1024\n'), []);
  });

  it('compares nothing when neither end sets the list', () => {
    assert.deepEqual(run('libreswan', '\tikev2=insist\n', ''), []);
  });
});

describe("the fix for a Libreswan conn without the list: the peer's list", () => {
  const libreswanB = (extra: string) => `${GATEWAY_HEAD.libreswan}conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tikev2=insist\n${extra}\tauto=start\n`;
  const strongswanA = `${GATEWAY_HEAD.strongswan}conn a\n\tleft=192.0.2.2\n\tright=192.0.2.1\n\tike=aes256-sha1-modp1536!\n\tauto=start\n`;

  it("adds ike= with the peer's proposals, its '!' dropped, after the conn's last setting; the file then agrees", () => {
    const findings = pairFindings('peer-proposal-mismatch', libreswanB(''), strongswanA);
    const onB = findings.find((f) => f.message.startsWith('this conn sets no ike='));
    assert.ok(onB?.fixes);
    assert.equal(onB.fixes[0].title, "Set ike=aes256-sha1-modp1536, the peer's proposals");
    const source = new SourceText(libreswanB(''));
    const fixed = applyEdits(source, onB.fixes[0].edits);
    assert.equal(fixed, libreswanB('').replace('\tauto=start\n', '\tauto=start\n\tike=aes256-sha1-modp1536\n'));
    assert.deepEqual(pairFindings('peer-proposal-mismatch', fixed, strongswanA), []);
    // The end with the list has nothing to adopt.
    assert.equal(findings.find((f) => f !== onB)?.fixes, undefined);
  });

  it("offers nothing when the peer's list holds a group Libreswan's builds leave out (MODP-1024: pluto 4.10 would not add the conn)", () => {
    const modp1024 = strongswanA.replace('aes256-sha1-modp1536!', 'aes256-sha1-modp1024!');
    const onB = pairFindings('peer-proposal-mismatch', libreswanB(''), modp1024).find((f) => f.message.startsWith('this conn sets no ike='));
    assert.ok(onB);
    assert.equal(onB.fixes, undefined);
  });

  it('offers nothing when Libreswan would not read a word of the peer\'s list', () => {
    const curve448 = strongswanA.replace('aes256-sha1-modp1536!', 'aes256-sha256-curve448!');
    const onB = pairFindings('peer-proposal-mismatch', libreswanB(''), curve448).find((f) => f.message.startsWith('this conn sets no ike='));
    assert.ok(onB);
    assert.equal(onB.fixes, undefined);
  });
});
