import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const CONFS = ['/ws/a/ipsec.conf', '/ws/b/ipsec.conf'];
const A = 'conn b\n\tleft=192.0.2.1\n\tleftid=@a\n\tright=192.0.2.2\n\trightid=@b\n\tauthby=secret\n';
const B = 'conn a\n\tleft=192.0.2.2\n\tleftid=@b\n\tright=192.0.2.1\n\trightid=@a\n\tauthby=secret\n';
const judge = (a: string, b: string, code: string) => summarize(workspaceFindings({ '/ws/a/ipsec.conf': a, '/ws/b/ipsec.conf': b }, CONFS), code);

describe('peer-aggressive-mismatch', () => {
  it('reports IKEv1 PSK ends that disagree on Aggressive Mode (seen: strongSwan 5.9.8 refuses Main Mode for an aggressive=yes conn)', () => {
    assert.deepEqual(judge(`${STRONGSWAN}${A}\tkeyexchange=ikev1\n`, `${STRONGSWAN}${B}\tkeyexchange=ikev1\n\taggressive=yes\n`, 'peer-aggressive-mismatch'), [
      'a/ipsec.conf:1 peer-aggressive-mismatch error',
      'b/ipsec.conf:8 peer-aggressive-mismatch error',
    ]);
    const found = workspaceFindings({ '/ws/a/ipsec.conf': `${LIBRESWAN_4}${A}\tikev2=no\n`, '/ws/b/ipsec.conf': `${STRONGSWAN}${B}\tkeyexchange=ikev1\n\taggressive=yes\n` }, CONFS).filter((f) => f.code === 'peer-aggressive-mismatch');
    assert.match(found[1].message, /^aggressive=yes \(Aggressive Mode only\) here but Main Mode \(aggressive=no, the default\) at the peer/);
  });

  it('is quiet when both agree, for IKEv2, for certificates, or when a side does not say it speaks IKEv1 only', () => {
    assert.deepEqual(judge(`${STRONGSWAN}${A}\tkeyexchange=ikev1\n\taggressive=yes\n`, `${STRONGSWAN}${B}\tkeyexchange=ikev1\n\taggressive=yes\n`, 'peer-aggressive-mismatch'), []);
    assert.deepEqual(judge(`${STRONGSWAN}${A}\tkeyexchange=ikev2\n`, `${STRONGSWAN}${B}\tkeyexchange=ikev2\n\taggressive=yes\n`, 'peer-aggressive-mismatch'), []);
    assert.deepEqual(judge(`${STRONGSWAN}${A.replace('secret', 'pubkey')}\tkeyexchange=ikev1\n`, `${STRONGSWAN}${B.replace('secret', 'pubkey')}\tkeyexchange=ikev1\n\taggressive=yes\n`, 'peer-aggressive-mismatch'), []);
    assert.deepEqual(judge(`${STRONGSWAN}${A}`, `${STRONGSWAN}${B}\tkeyexchange=ikev1\n\taggressive=yes\n`, 'peer-aggressive-mismatch'), []);
  });
});

describe("peer-ike-version-mismatch: strongSwan's keyexchange=ike", () => {
  it('starts IKEv2, so against an IKEv1-only peer the tunnel comes up only when the peer starts it (seen with 5.9.8 and Libreswan 4.10)', () => {
    assert.deepEqual(judge(`${STRONGSWAN}${A}\tkeyexchange=ike\n\tauto=start\n`, `${LIBRESWAN_4}${B}\tikev2=no\n`, 'peer-ike-version-mismatch'), ['a/ipsec.conf:7 peer-ike-version-mismatch error']);
    assert.deepEqual(judge(`${STRONGSWAN}${A}\tkeyexchange=ike\n\tauto=add\n`, `${STRONGSWAN}${B}\tkeyexchange=ikev1\n`, 'peer-ike-version-mismatch'), ['a/ipsec.conf:7 peer-ike-version-mismatch warning']);
  });

  it('is quiet against a peer that speaks IKEv2, or one whose version is not said, or on a gateway that does not run strongSwan', () => {
    assert.deepEqual(judge(`${STRONGSWAN}${A}\tkeyexchange=ike\n\tauto=start\n`, `${STRONGSWAN}${B}\tkeyexchange=ikev2\n`, 'peer-ike-version-mismatch'), []);
    assert.deepEqual(judge(`${STRONGSWAN}${A}\tkeyexchange=ike\n\tauto=start\n`, `${STRONGSWAN}${B}`, 'peer-ike-version-mismatch'), []);
    assert.deepEqual(judge(`# ipsec-dialect: libreswan-5\n${A}\tkeyexchange=ike\n\tauto=start\n`, `${LIBRESWAN_4}${B}\tikev2=no\n`, 'peer-ike-version-mismatch'), []);
  });
});
