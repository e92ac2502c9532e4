import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GATEWAY_HEAD, pairFindings } from './workspaceFindings';

const LIBRESWAN_410 = GATEWAY_HEAD.libreswan.replace('libreswan-4', 'libreswan-4.10');
const conn = (head: string, name: string, own: string, peer: string, settings: readonly string[]) => `${head}conn ${name}\n\tleft=${own}\n\tright=${peer}\n${settings.map((s) => `\t${s}\n`).join('')}\tauto=start\n`;
const libreswan = (...settings: string[]) => conn(LIBRESWAN_410, 'b', '192.0.2.1', '192.0.2.2', ['ikev2=no', ...settings]);
const strongswan = (name: string, own: string, peer: string, ...settings: string[]) => conn(GATEWAY_HEAD.strongswan, name, own, peer, ['keyexchange=ikev1', ...settings]);
const findings = (a: string, b: string) => pairFindings('peer-pfs-mismatch', a, b);

describe("peer-pfs-mismatch: IKEv1 Quick Mode's PFS groups (pluto 4.10 and charon 5.9.8)", () => {
  it("takes the IKE SA's group for a Libreswan esp= that names none: MODP-1536 against a strongSwan esp= insisting on MODP-2048 fails", () => {
    const found = findings(libreswan('ike=aes256-sha2_256'), strongswan('a', '192.0.2.2', '192.0.2.1', 'ike=aes256-sha256-modp1536!', 'esp=aes256-sha256-modp2048!'));
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error']);
    const messages = found.map((f) => f.message).join('\n');
    assert.match(messages, /in Quick Mode this end uses no DH group in esp=, so PFS takes the IKE SA's group \(1536-bit MODP, as both ike= lists allow\) and the peer \(conn a in b\/ipsec\.conf\) esp=aes256-sha256-modp2048! \(PFS with 2048-bit MODP\): no group in common/);
    assert.match(messages, /NO_PROPOSAL_CHOSEN once the IKE SA is up when this end starts it or rekeys \(as the responder Libreswan takes the initiator's group\); name the same DH group in esp= on both ends/);
    assert.match(messages, /once the IKE SA is up when conn b in a\/ipsec\.conf starts it or rekeys/);
  });

  it('is a warning where the Libreswan end only waits: as the responder pluto took charon 5.9.8\'s group', () => {
    const waiting = libreswan('ike=aes256-sha2_256').replace('auto=start', 'auto=add');
    const found = findings(waiting, strongswan('a', '192.0.2.2', '192.0.2.1', 'ike=aes256-sha256-modp1536!', 'esp=aes256-sha256-modp2048!'));
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning']);
  });

  it("finds the IKE SA's group among those both ike= lists allow, Libreswan's defaults included", () => {
    assert.equal(findings(libreswan('ike=aes256-sha2_256-modp3072'), strongswan('a', '192.0.2.2', '192.0.2.1', 'ike=aes256-sha256-modp3072!', 'esp=aes256-sha256-modp2048!')).length, 2);
    assert.deepEqual(findings(libreswan('ike=aes256-sha2_256'), strongswan('a', '192.0.2.2', '192.0.2.1', 'ike=aes256-sha256-modp2048!', 'esp=aes256-sha256-modp2048!')), []);
    // Libreswan 4.10's IKEv1 defaults hold MODP-2048 and MODP-1536: either may be settled on, so nothing is certain.
    assert.deepEqual(findings(libreswan('ike=aes256-sha2_256'), strongswan('a', '192.0.2.2', '192.0.2.1', 'ike=aes256-sha256-modp2048!,aes256-sha256-modp1536!', 'esp=aes256-sha256-modp2048!')), []);
  });

  it('compares groups named on both ends', () => {
    assert.equal(findings(libreswan('esp=aes256-sha2_256;modp3072'), strongswan('a', '192.0.2.2', '192.0.2.1', 'esp=aes256-sha256-modp2048!')).length, 2);
    assert.deepEqual(findings(libreswan('ike=aes256-sha2_256-modp3072', 'esp=aes256-sha2_256;modp2048'), strongswan('a', '192.0.2.2', '192.0.2.1', 'ike=aes256-sha256-modp3072!', 'esp=aes256-sha256-modp2048!')), []);
    const sw = (esp: string) => findings(strongswan('b', '192.0.2.1', '192.0.2.2', `esp=${esp}`).replace('auto=start', 'auto=add'), strongswan('a', '192.0.2.2', '192.0.2.1', 'esp=aes256-sha256-modp2048!').replace('auto=start', 'auto=add'));
    // charon refuses the group whichever end starts, so this stays an error whatever auto= says.
    assert.deepEqual(sw('aes256-sha256-modp3072!').map((f) => f.severity), ['error', 'error']);
    assert.deepEqual(sw('aes256-sha256-modp3072-modp2048!'), []);
  });

  it("says nothing over IKEv2, for a strongSwan list without '!', or between two Libreswan ends (not seen)", () => {
    const v2 = findings(conn(LIBRESWAN_410, 'b', '192.0.2.1', '192.0.2.2', ['esp=aes256-sha2_256;modp3072']), conn(GATEWAY_HEAD.strongswan, 'a', '192.0.2.2', '192.0.2.1', ['esp=aes256-sha256-modp2048!']));
    assert.deepEqual(v2, []);
    assert.deepEqual(findings(libreswan('esp=aes256-sha2_256;modp3072'), strongswan('a', '192.0.2.2', '192.0.2.1', 'esp=aes256-sha256-modp2048')), []);
    assert.deepEqual(findings(libreswan('esp=aes256-sha2_256;modp3072'), conn(LIBRESWAN_410, 'a', '192.0.2.2', '192.0.2.1', ['ikev2=no', 'esp=aes256-sha2_256;modp2048'])), []);
    // pfs=no: the ends differ on PFS itself, which is what is reported, not a group.
    const noPfs = findings(libreswan('pfs=no', 'esp=aes256-sha2_256;modp3072'), strongswan('a', '192.0.2.2', '192.0.2.1', 'esp=aes256-sha256-modp2048!'));
    assert.equal(noPfs.length, 2);
    assert.ok(noPfs.every((f) => !f.message.startsWith('in Quick Mode')));
  });
});
