import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { publicKeyInfoOfCertificate, publicKeyInfoOfPlainKey } from '../../../server/src/workspace/keyDer';
import { privateKeyMatchesAny } from '../../../server/src/workspace/publicKeys';
import { fixturePath, REPO_ROOT } from '../../helpers';
import { selfSignedCertificate } from './selfSigned';

const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey;
const spkiOf = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'der' });

describe('public keys read from DER structure', () => {
  const forms: Array<[string, KeyObject, 'pkcs1' | 'sec1' | 'pkcs8']> = [
    ['RSA, PKCS#1', rsa, 'pkcs1'],
    ['RSA, PKCS#8', rsa, 'pkcs8'],
    ['EC P-256, SEC1', p256, 'sec1'],
    ['EC P-256, PKCS#8', p256, 'pkcs8'],
    ['EC P-384, SEC1', p384, 'sec1'],
  ];
  for (const [label, key, type] of forms) {
    it(`gives the same SubjectPublicKeyInfo as OpenSSL for ${label}, in PEM and DER`, () => {
      const pem = Buffer.from(key.export({ type, format: 'pem' }) as string);
      assert.deepEqual(publicKeyInfoOfPlainKey(pem), spkiOf(key));
      const der = key.export({ type, format: 'der' });
      // Bare DER is only recognised in its PKCS#8 wrapping; the others are left to OpenSSL.
      assert.deepEqual(publicKeyInfoOfPlainKey(der), type === 'pkcs8' ? spkiOf(key) : undefined);
    });
  }

  it('leaves encrypted keys, other algorithms and garbage to OpenSSL', () => {
    const encrypted = Buffer.from(rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }) as string);
    const legacyEncrypted = readFileSync(`${REPO_ROOT}/examples/de/etc/ipsec.d/private/vpn-server.key`);
    const ed25519 = Buffer.from(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    for (const bytes of [encrypted, legacyEncrypted, ed25519, Buffer.from('not a key'), Buffer.from([0x30, 0x84, 0xff]), Buffer.alloc(0)]) {
      assert.equal(publicKeyInfoOfPlainKey(bytes), undefined);
    }
  });

  it('never throws on damaged keys and certificates, and never reads past their end', () => {
    const samples = [rsa.export({ type: 'pkcs1', format: 'der' }), p256.export({ type: 'sec1', format: 'der' }), p256.export({ type: 'pkcs8', format: 'der' }), readFileSync(fixturePath('certs', 'gateway.der'))];
    let state = 11;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    for (let i = 0; i < 3000; i++) {
      const bytes = Buffer.from(samples[i % samples.length]);
      for (let flips = 1 + random(4); flips > 0; flips--) bytes[random(bytes.length)] = random(256);
      const cut = random(3) === 0 ? bytes.subarray(0, random(bytes.length)) : bytes;
      const key = publicKeyInfoOfPlainKey(cut);
      const pem = publicKeyInfoOfPlainKey(Buffer.from(`-----BEGIN EC PRIVATE KEY-----\n${cut.toString('base64')}\n-----END EC PRIVATE KEY-----\n`));
      const spki = publicKeyInfoOfCertificate(cut);
      for (const found of [key, pem, spki]) assert.ok(found === undefined || found.length <= cut.length + 64);
    }
  });

  it("finds a certificate's SubjectPublicKeyInfo where OpenSSL does", () => {
    for (const name of ['gateway.der', 'ec-gateway.der', 'test-ca.der']) {
      const cert = new X509Certificate(readFileSync(fixturePath('certs', name)));
      assert.deepEqual(Buffer.from(publicKeyInfoOfCertificate(cert.raw) ?? []), cert.publicKey.export({ type: 'spki', format: 'der' }), name);
    }
    assert.equal(publicKeyInfoOfCertificate(Buffer.from('garbage')), undefined);
  });
});

describe('whether a private key belongs to a certificate', () => {
  const rsaCert = selfSignedCertificate(rsa, 'rsa.test.example');
  const ecCert = selfSignedCertificate(p256, 'ec.test.example');
  const pem = (key: KeyObject, type: 'pkcs1' | 'sec1' | 'pkcs8') => Buffer.from(key.export({ type, format: 'pem' }) as string);

  it('matches plain keys to their own certificate and to no other', () => {
    assert.equal(privateKeyMatchesAny(pem(rsa, 'pkcs1'), undefined, [ecCert, rsaCert]), true);
    assert.equal(privateKeyMatchesAny(pem(p256, 'sec1'), undefined, [rsaCert, ecCert]), true);
    assert.equal(privateKeyMatchesAny(pem(p384, 'sec1'), undefined, [rsaCert, ecCert]), false);
    assert.equal(privateKeyMatchesAny(pem(rsa, 'pkcs8'), undefined, [ecCert]), false);
  });

  it('opens encrypted keys with their passphrase, tells a wrong one, and gives no verdict without one', () => {
    const encrypted = readFileSync(fixturePath('keys', 'encrypted-rsa.pem'));
    const keyCert = selfSignedCertificate(createPrivateKey({ key: encrypted, passphrase: 'secret words' }), 'key.test.example');
    assert.equal(privateKeyMatchesAny(encrypted, 'secret words', [keyCert]), true);
    assert.equal(privateKeyMatchesAny(encrypted, 'secret words', [ecCert]), false);
    assert.equal(privateKeyMatchesAny(encrypted, 'wrong', [keyCert]), 'wrong-passphrase');
    assert.equal(privateKeyMatchesAny(encrypted, undefined, [keyCert]), undefined);
    // When the wrong passphrase decrypts to garbage that passes the padding check, OpenSSL's error is the one an
    // unsupported cipher gives: no verdict rather than a false "wrong passphrase".
    const unlucky = readFileSync(fixturePath('keys', 'encrypted-rsa-wrong-decrypts.pem'));
    assert.equal(privateKeyMatchesAny(unlucky, 'secret words', [keyCert]), true);
    assert.equal(privateKeyMatchesAny(unlucky, 'wrong', [keyCert]), undefined);
    assert.equal(privateKeyMatchesAny(Buffer.from('-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n'), 'any', [rsaCert]), undefined);
  });
});
