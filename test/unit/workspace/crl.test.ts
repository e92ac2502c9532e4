import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { canonicalSerial, crlFoundFor, crlRevokes, crlSignedBy, parseCrl, type Crl } from '../../../server/src/workspace/crl';
import { fixturePath } from '../../helpers';
import { issueCertificate } from './selfSigned';

const bytes = (name: string) => readFileSync(fixturePath('crls', name));
const cert = (name: string) => new X509Certificate(bytes(name));

function crl(name: string): Crl {
  const result = parseCrl(bytes(name));
  assert.ok(result.ok, `${name} should parse`);
  return result.crl;
}

describe('parseCrl', () => {
  it("reads OpenSSL's v2 CRL: issuer, dates, revoked serials and the signature's hash", () => {
    const revokesB = crl('revokes-b.crl');
    assert.deepEqual([...revokesB.revoked.keys()], ['B', 'E']);
    assert.match(revokesB.authorityKeyId ?? '', /^[0-9a-f]{40}$/);
    assert.equal(crl('revokes-b-no-aki.crl').authorityKeyId, undefined);
    assert.ok(revokesB.revoked.get('B') instanceof Date);
    assert.ok(revokesB.nextUpdate && revokesB.nextUpdate > revokesB.thisUpdate);
    assert.equal(revokesB.signed.hash, 'sha256');
    assert.equal(Buffer.from(revokesB.issuer).toString('latin1').includes('CRL Test CA'), true);
  });

  it('reads the same list from PEM', () => {
    const der = crl('revokes-b.crl');
    const pem = crl('revokes-b.pem');
    assert.deepEqual([...pem.revoked.keys()], [...der.revoked.keys()]);
    assert.equal(Buffer.compare(pem.signed.tbs, der.signed.tbs), 0);
  });

  it('does not take a PEM file holding several lists', () => {
    const result = parseCrl(Buffer.concat([bytes('revokes-b.pem'), bytes('revokes-b.pem')]));
    assert.deepEqual(result, { ok: false, reason: 'holds several PEM certificate revocation lists' });
  });

  it('reads a v1 CRL that revokes nothing', () => {
    assert.equal(crl('empty-no-aki.crl').revoked.size, 0);
    assert.equal(crl('empty.crl').revoked.size, 0);
  });

  it('refuses what is not a CRL, certificates included, and never throws on damaged bytes', () => {
    for (const notCrl of [Buffer.from('hello'), Buffer.alloc(0), bytes('ca.der'), bytes('gw-a.der'), Buffer.from('-----BEGIN X509 CRL-----\n!!\n-----END X509 CRL-----\n')]) {
      assert.equal(parseCrl(notCrl).ok, false);
    }
    const whole = bytes('revokes-b.crl');
    for (let length = 0; length < whole.length; length++) assert.equal(parseCrl(whole.subarray(0, length)).ok, false, `cut at ${length}`);
    for (let at = 0; at < whole.length; at += 7) {
      const damaged = Buffer.from(whole);
      damaged[at] ^= 0xff;
      assert.doesNotThrow(() => parseCrl(damaged));
    }
  });
});

describe('crlFoundFor: whether a daemon finds the list for a certificate', () => {
  it('strongSwan: only a list that names the CA by its key ID', () => {
    assert.equal(crlFoundFor(crl('revokes-b.crl'), cert('gw-b.der'), cert('ca.der'), 'strongswan'), true);
    assert.equal(crlFoundFor(crl('revokes-b-no-aki.crl'), cert('gw-b.der'), cert('ca.der'), 'strongswan'), false);
    assert.equal(crlFoundFor(crl('revokes-b.crl'), cert('gw-b.der'), cert('lookalike-ca.der'), 'strongswan'), false);
  });

  it('Openswan: authority key IDs when the certificate and the list both carry one, else the issuer', () => {
    assert.equal(crlFoundFor(crl('revokes-b.crl'), cert('gw-b.der'), cert('ca.der'), 'openswan'), true);
    // Key IDs on both sides that differ: the look-alike's list is not the CA's.
    assert.equal(crlFoundFor(crl('lookalike-revokes-b.crl'), cert('gw-b.der'), cert('lookalike-ca.der'), 'openswan'), false);
    // A list without a key ID, or a certificate without one: found by the issuer's name.
    assert.equal(crlFoundFor(crl('revokes-b-no-aki.crl'), cert('gw-b.der'), cert('ca.der'), 'openswan'), true);
    assert.equal(crlFoundFor(crl('revokes-b-no-aki.crl'), cert('gw-plain.der'), cert('ca.der'), 'openswan'), true);
    assert.equal(crlFoundFor(crl('revokes-b.crl'), cert('gw-plain.der'), cert('ca.der'), 'openswan'), true);
  });
});

describe('crlSignedBy and crlRevokes', () => {
  it('take a CRL only from the CA whose key signed it, not from one with the same name', () => {
    assert.equal(crlSignedBy(crl('revokes-b.crl'), cert('ca.der')), true);
    assert.equal(crlSignedBy(crl('revokes-b.crl'), cert('lookalike-ca.der')), false);
    assert.equal(crlSignedBy(crl('lookalike-revokes-b.crl'), cert('ca.der')), false);
    // The lookalike's own list verifies with its own (EC) key.
    assert.equal(crlSignedBy(crl('lookalike-revokes-b.crl'), cert('lookalike-ca.der')), true);
    assert.equal(crlSignedBy(crl('revokes-b.crl'), cert('gw-a.der')), false);
  });

  it('match the serial number and the issuer', () => {
    assert.equal(crlRevokes(crl('revokes-b.crl'), cert('gw-b.der')), true);
    assert.equal(crlRevokes(crl('revokes-b.crl'), cert('gw-a.der')), false);
    assert.equal(crlRevokes(crl('empty.crl'), cert('gw-b.der')), false);
    // Serial B from another issuer is another certificate.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const sameSerial = issueCertificate({ subjectKey: privateKey, commonName: 'gw-b.test.example', issuerCommonName: 'Another CA', serial: 0x0b });
    assert.equal(sameSerial.serialNumber, '0B');
    assert.equal(crlRevokes(crl('revokes-b.crl'), sameSerial), false);
  });

  it('compare serial numbers whatever their leading zeros and case', () => {
    assert.equal(canonicalSerial('000b'), 'B');
    assert.equal(canonicalSerial('0B'), 'B');
    assert.equal(canonicalSerial('00'), '0');
    assert.equal(canonicalSerial('5002'), '5002');
  });
});
