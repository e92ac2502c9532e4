import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weakAlgorithm } from '../../../server/src/checks/common/weakAlgorithm';
import { findAlgorithm } from '../../../server/src/knowledge/setkey';
import { SETKEY_WEAK_WORDS } from '../../../server/src/knowledge/weakAlgorithms';
import type { FileKind } from '../../../server/src/model/fileKind';
import { lint } from '../../helpers';

/** `word severity` for each finding, the word cut from the text by the finding's range. */
function found(kind: FileKind, text: string): string[] {
  const lines = text.split('\n');
  return lint(kind, text, [weakAlgorithm]).map((f) => `${lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)} ${f.severity}`);
}

const conn = (lines: string) => `conn a\n${lines.split('\n').map((l) => `\t${l}`).join('\n')}\n`;

describe('weak-algorithm', () => {
  it('ipsec.conf: the weak words of every daemon in ike=, esp=, ah=, phase2alg= and pfsgroup=', () => {
    assert.deepEqual(found('ipsec', conn('ike=3des-md5;modp1024\nesp=3des-sha1\nphase2alg=aes-hmac_md5_96')), ['md5 warning', 'modp1024 warning', '3des warning', 'hmac_md5_96 warning'], '3DES only for ESP');
    assert.deepEqual(found('ipsec', conn('ike=aes256-sha256-modp768,aes128-sha1-modp1024s160!\nesp=blowfish256-sha256')), ['modp768 warning', 'modp1024s160 warning', 'blowfish256 warning']);
    assert.deepEqual(found('ipsec', conn('ike=AES-SHA2;DH2\npfsgroup=modp1024')), ['DH2 warning', 'modp1024 warning']);
    assert.deepEqual(found('ipsec', conn('ike=aes_gcm256-sha2_512;dh19;addke1=dh2\nesp=aes256gcm16-x25519-ke1_modp1024')), ['addke1=dh2 warning', 'ke1_modp1024 warning']);
  });

  it('says why and what to use instead, once per family and setting', () => {
    const [message, ...rest] = lint('ipsec', conn('esp=3des-sha1,3des-md5'), [weakAlgorithm]).map((f) => f.message);
    assert.equal(message, 'esp= offers 3des: a 64-bit block, so a long-lived SA leaks plaintext (Sweet32; RFC 8221: SHOULD NOT); use AES instead, on both sides of the tunnel');
    assert.deepEqual(rest.length, 1, 'md5, not 3des again');
  });

  it('leaves strong proposals, other keys, comments and default proposals alone', () => {
    assert.deepEqual(found('ipsec', conn('ike=aes256-sha2_256-modp2048,aes128gcm16-prfsha256-ecp256\nesp=aes256gcm16\nleftid=@md5.example # 3des\nauthby=secret')), []);
    assert.deepEqual(found('ipsec', 'config setup\n\tcharondebug="ike 1"\nconn a\n\tleft=192.0.2.1\n'), []);
  });

  it('racoon.conf: phase 1 proposals and sainfo, by the statement that takes the word', () => {
    const text = 'remote anonymous {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm 3des;\n\t\thash_algorithm md5;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 2;\n\t}\n}\nsainfo anonymous {\n\tpfs_group modp768;\n\tencryption_algorithm aes 256, blowfish, des;\n\tauthentication_algorithm hmac_sha1, hmac_md5;\n\tcompression_algorithm deflate;\n}\n';
    assert.deepEqual(found('racoon', text), ['md5 warning', '2 warning', 'modp768 warning', 'blowfish warning', 'des warning', 'hmac_md5 warning'], '3DES in phase 1 is allowed');
    assert.deepEqual(found('racoon', 'sainfo anonymous {\n\tencryption_algorithm 3des;\n\tauthentication_algorithm hmac_sha256;\n\tcompression_algorithm deflate;\n}\n'), ['3des warning']);
    assert.deepEqual(found('racoon', 'remote anonymous {\n\tproposal {\n\t\tencryption_algorithm aes 128;\n\t\thash_algorithm sha256;\n\t\tdh_group 14;\n\t}\n\tlifetime time 2 hour;\n}\n'), []);
  });

  it('setkey: SAs keyed with DES, 3DES, Blowfish or MD5', () => {
    const text = 'add 192.0.2.1 192.0.2.2 esp 0x1001 -E 3des-cbc 0x000102030405060708090a0b0c0d0e0f1011121314151617 -A hmac-md5 0x000102030405060708090a0b0c0d0e0f;\nadd 192.0.2.2 192.0.2.1 esp 0x1002 -E aes-cbc 0x000102030405060708090a0b0c0d0e0f -A hmac-sha256 0x000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f;\n';
    assert.deepEqual(found('setkey', text), ['3des-cbc warning', 'hmac-md5 warning']);
  });

  it('agrees with the setkey catalogue: every word it names there is one setkey knows and marks weak', () => {
    for (const [flag, words] of Object.entries(SETKEY_WEAK_WORDS)) {
      for (const word of words.keys()) assert.equal(findAlgorithm(flag as '-E' | '-A', word)?.weak, true, `${flag} ${word}`);
    }
  });
});
