import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { algorithmWords, isKnownAlgorithm } from '../../../server/src/knowledge/ipsecConf/algorithms';

describe('proposal algorithm words per dialect', () => {
  it('Libreswan: names, aliases, glued or separate key lengths, any case', () => {
    for (const w of ['aes', 'AES_CBC', 'aes256', 'aes_cbc_256', 'aes_gcm_c', 'aes_gcm256', 'sha2_256', 'dh19', 'modp2048', 'ecp_384', 'chacha20_poly1305', '128', 'ke=ml_kem_768', 'addke1=dh20']) {
      assert.ok(isKnownAlgorithm(w, 'libreswan'), w);
    }
    for (const w of ['aes265', 'aes128gcm16', 'x25519', 'modp768', 'blowfish', '4096', 'esn']) assert.ok(!isKnownAlgorithm(w, 'libreswan'), w);
  });

  it('strongSwan: its keyword table, exactly as written', () => {
    for (const w of ['aes128gcm16', 'aes256', 'sha256', 'sha2_256', 'prfsha256', 'x25519', 'ecp256bp', 'modp2048s256', 'noesn', '3des']) {
      assert.ok(isKnownAlgorithm(w, 'strongswan'), w);
    }
    for (const w of ['AES256', 'aes_gcm', 'dh19', '128']) assert.ok(!isKnownAlgorithm(w, 'strongswan'), w);
  });

  it('Openswan: IANA table names, key lengths, idNN', () => {
    for (const w of ['3des', 'aes128', 'sha2_256', 'modp768', 'blowfish', 'id12', 'ripemd']) assert.ok(isKnownAlgorithm(w, 'openswan'), w);
    assert.ok(!isKnownAlgorithm('sha256', 'openswan'));
  });

  it('did-you-mean candidates include glued key lengths', () => {
    assert.ok(algorithmWords('libreswan').includes('aes256'));
    assert.ok(algorithmWords('strongswan').includes('aes256gcm16'));
  });
});
