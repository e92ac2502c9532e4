import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeIpsecConf } from '../../../server/src/features/completion/ipsecConf';
import type { ParsedDocument } from '../../../server/src/model/document';
import { caret, parse } from '../../helpers';

function complete(textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  const doc = parse('ipsec', text) as ParsedDocument<'ipsec'>;
  return completeIpsecConf(doc, doc.source.positionAt(offset), { connNames: [] });
}

describe('algorithm words in ike=, esp= and phase2alg=', () => {
  it("offers the words the gateway's daemon reads, for the word being typed", () => {
    const entries = complete('# ipsec-dialect: strongswan-6\nconn a\n\tike=aes256-sha256-mlk|\n');
    const labels = entries.map((e) => e.label);
    assert.ok(labels.includes('mlkem768') && labels.includes('x25519') && labels.includes('aes256gcm16'));
    assert.ok(!labels.includes('ntru128') && !labels.includes('aes_gcm256'), 'neither what 6.0 dropped nor Libreswan spellings');
    assert.deepEqual(entries[0].range, { start: { line: 2, character: 19 }, end: { line: 2, character: 22 } });
    const libreswan = complete('# ipsec-dialect: libreswan-4\nconn a\n\tesp=aes_gcm256;|\n').map((e) => e.label);
    assert.ok(libreswan.includes('aes_gcm256') && libreswan.includes('sha2_512') && !libreswan.includes('ml_kem_768') && !libreswan.includes('x25519'));
  });

  it('marks what the IPsec RFCs advise against as deprecated, and says which daemons read a word when not all do', () => {
    const entries = complete('conn a\n\tesp=|\n');
    const md5 = entries.find((e) => e.label === 'md5');
    assert.equal(md5?.deprecated, true);
    assert.match(md5?.detail ?? '', /weak: MD5/);
    assert.equal(entries.find((e) => e.label === 'aes256gcm16')?.detail, 'strongSwan');
    assert.equal(entries.find((e) => e.label === 'sha1')?.detail, undefined, 'every daemon reads it');
  });

  it('other keys keep their own completion', () => {
    assert.deepEqual(complete('conn a\n\tleftid=|\n'), []);
    assert.ok(complete('conn a\n\tauto=|\n').some((e) => e.label === 'add'));
  });
});
