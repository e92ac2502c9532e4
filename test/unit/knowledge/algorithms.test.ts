import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { algorithmReleases, algorithmWords, isKnownAlgorithm } from '../../../server/src/knowledge/ipsecConf/algorithms';

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

  it('strongSwan 6.0: ML-KEM and GOST key exchanges, additional key exchanges ke1_ to ke7_; NTRU and NewHope gone', () => {
    // proposal_keywords_static.txt and key_exchange.c at 6.0.0 against 5.9.14.
    for (const w of ['mlkem768', 'gost512', 'ke1_mlkem768', 'KE7_x25519', 'ke2_mlkem1024', 'ke1_modp2048']) {
      assert.ok(isKnownAlgorithm(w, 'strongswan', '6'), w);
      assert.ok(isKnownAlgorithm(w, 'strongswan', '6.0.0'), w);
      assert.ok(isKnownAlgorithm(w, 'strongswan'), `${w}: some release reads it`);
      assert.ok(!isKnownAlgorithm(w, 'strongswan', '5.9.14'), `${w} in 5.9.14`);
    }
    for (const w of ['ke0_mlkem768', 'ke8_mlkem768', 'ke1_aes256', 'ke1_MLKEM768', 'ke1_', 'ke1_ntru128']) assert.ok(!isKnownAlgorithm(w, 'strongswan'), w);
    assert.ok(isKnownAlgorithm('ntru128', 'strongswan', '5.9.8'));
    assert.ok(isKnownAlgorithm('ntru128', 'strongswan'));
    assert.ok(!isKnownAlgorithm('ntru128', 'strongswan', '6.0.2'));
    assert.ok(!isKnownAlgorithm('mlkem768', 'strongswan', '5'));
  });

  it('says which releases read a word only some read', () => {
    assert.deepEqual(algorithmReleases('mlkem768', 'strongswan'), { from: '6.0.0' });
    assert.deepEqual(algorithmReleases('ke1_x25519', 'strongswan'), { from: '6.0.0', until: undefined });
    assert.deepEqual(algorithmReleases('newhope128', 'strongswan'), { until: '6.0.0' });
    assert.equal(algorithmReleases('aes256', 'strongswan'), undefined);
    assert.equal(algorithmReleases('ke1_ntru128', 'strongswan'), undefined);
    assert.equal(algorithmReleases('mlkem768', 'openswan'), undefined);
  });

  it('did-you-mean offers only words the release reads', () => {
    assert.ok(algorithmWords('strongswan', '6').includes('mlkem768'));
    assert.ok(!algorithmWords('strongswan', '6').includes('ntru128'));
    assert.ok(!algorithmWords('strongswan', '5.9.8').includes('mlkem768'));
    assert.ok(algorithmWords('strongswan').includes('mlkem768'));
  });

  it('Libreswan: ML-KEM from 5.4; in a named slot (addke1=) the slot is what an older release refuses', () => {
    for (const w of ['ml_kem_768', 'MLKEM1024', 'ml_kem_512']) {
      assert.ok(isKnownAlgorithm(w, 'libreswan', '5.4'), w);
      assert.ok(isKnownAlgorithm(w, 'libreswan'), w);
      assert.ok(!isKnownAlgorithm(w, 'libreswan', '5.2'), w);
      assert.ok(!isKnownAlgorithm(w, 'libreswan', '4'), w);
    }
    assert.ok(isKnownAlgorithm('addke1=ml_kem_768', 'libreswan', '5.2'));
    assert.deepEqual(algorithmReleases('ml_kem_768', 'libreswan'), { from: '5.4' });
    assert.equal(algorithmReleases('addke1=ml_kem_768', 'libreswan'), undefined);
    assert.ok(algorithmWords('libreswan', '5.4').includes('ml_kem_768'));
    assert.ok(!algorithmWords('libreswan', '5.3').includes('ml_kem_768'));
  });
});
