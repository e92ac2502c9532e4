import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proposalWordHover } from '../../../server/src/features/hover/proposalWord';
import type { ParsedDocument } from '../../../server/src/model/document';
import { caret, parse } from '../../helpers';

function hover(textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  return proposalWordHover(parse('ipsec', text) as ParsedDocument<'ipsec'>, offset);
}

describe('hover on an algorithm word of a proposal', () => {
  it('says what the word stands for, and which daemons read it', () => {
    const gcm = hover('conn a\n\tesp=aes256gc|m16-modp2048\n');
    assert.match(gcm?.markdown ?? '', /^\*\*aes256gcm16\*\*: encryption, AES-GCM with a 16-byte ICV \(AEAD\), 256-bit key/);
    assert.match(gcm?.markdown ?? '', /- strongSwan: reads it/);
    assert.match(gcm?.markdown ?? '', /- Libreswan: does not read it/);
    assert.deepEqual(gcm?.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 16 } });
    assert.match(hover('conn a\n\tesp=aes256gcm16-modp2|048\n')?.markdown ?? '', /key exchange \(DH group 14, 2048-bit MODP\); in an ESP proposal, the group for PFS/);
    assert.match(hover('conn a\n\tike=aes_gcm256-sha2_|512;dh19\n')?.markdown ?? '', /integrity, HMAC-SHA-512/);
  });

  it('names the weak ones and what to use instead', () => {
    assert.match(hover('conn a\n\tike=aes-sha1;mod|p1024\n')?.markdown ?? '', /Weak: within reach of precomputation .*Use modp2048 \(group 14\) or stronger/);
  });

  it('explains additional key exchanges and the releases that read them', () => {
    const text = hover('# ipsec-dialect: strongswan-5.9.8\nconn a\n\tike=aes256-sha256-x25519-ke1_mlk|em768\n')?.markdown ?? '';
    assert.match(text, /^\*\*ke1_mlkem768\*\*: key exchange method 36, ML-KEM-768 \(post-quantum\)/);
    assert.match(text, /Additional key exchange 1 \(RFC 9370\)/);
    assert.match(text, /- strongSwan 5\.9\.8: does not read it \(read from strongSwan 6\.0\.0 on\)/);
    assert.match(hover('# ipsec-dialect: libreswan-5\nconn a\n\tike=aes-sha2;addke1=ml_kem_|768\n')?.markdown ?? '', /Additional key exchange 1[\s\S]*- Libreswan 5: reads it/);
  });

  it('is for proposal values only', () => {
    assert.equal(hover('conn a\n\tleftid=@aes|256\n'), undefined);
    assert.equal(hover('conn a\n\tesp=frobni|cate\n'), undefined);
  });
});
