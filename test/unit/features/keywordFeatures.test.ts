import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeIpsecConf } from '../../../server/src/features/completion/ipsecConf';
import { keywordHover } from '../../../server/src/features/keywordHover';
import type { ParsedDocument } from '../../../server/src/model/document';
import { caret, parse } from '../../helpers';

function at(textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  const doc = parse('ipsec', text) as ParsedDocument<'ipsec'>;
  return { doc, offset, position: doc.source.positionAt(offset) };
}

describe('keyword completion', () => {
  it('after "au" in a conn offers auto=, and only keys of that section', () => {
    const { doc, position } = at('conn a\n\tau|\n');
    const labels = completeIpsecConf(doc, position, { connNames: [] }).map((e) => e.label);
    assert.ok(labels.includes('auto'));
    assert.ok(labels.includes('rightid'));
    assert.ok(!labels.includes('protostack'), 'a config setup key is not offered in a conn');
    assert.equal(completeIpsecConf(doc, position, { connNames: [] }).find((e) => e.label === 'auto')?.insertText, 'auto=');
  });

  it('offers the values of an enumerated key and conn names after also=', () => {
    const { doc, position } = at('conn a\n\tauto=|\n');
    const values = completeIpsecConf(doc, position, { connNames: [] }).map((e) => e.label);
    assert.ok(values.includes('add') && values.includes('start'), values.join(','));
    const also = at('conn a\n\talso=|\nconn base\n');
    assert.deepEqual(completeIpsecConf(also.doc, also.position, { connNames: ['a', 'base', '%default'] }).map((e) => e.label), ['base'], 'neither the conn itself nor %default');
  });

  it('offers config setup keys in config setup and nothing in column 0', () => {
    const setup = at('config setup\n\tproto|\n');
    assert.ok(completeIpsecConf(setup.doc, setup.position, { connNames: [] }).some((e) => e.label === 'protostack'));
    const column0 = at('conn a\nau|\n');
    assert.deepEqual(completeIpsecConf(column0.doc, column0.position, { connNames: [] }), []);
  });
});

describe('keyword hover', () => {
  it('hover on rightid explains it and how each daemon treats it', () => {
    const { doc, offset } = at('conn a\n\tright|id=@peer.example\n');
    const hover = keywordHover(doc, offset);
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*rightid\*\*/);
    assert.match(hover.markdown, /Libreswan: accepted/);
    assert.match(hover.markdown, /dialect is not known/);
  });

  it('says how each daemon spells a PFS group in esp=, and that strongSwan adds its defaults to a list without !', () => {
    const esp = at('conn a\n\tes|p=aes256-sha2_256\n');
    const hover = keywordHover(esp.doc, esp.offset)?.markdown ?? '';
    assert.match(hover, /strongSwan writes it after a dash \(`aes256gcm16-modp2048`\), Libreswan after a semicolon \(`aes_gcm256;modp2048`/);
    assert.doesNotMatch(hover, /`aes_gcm256-modp2048`/);
    const ike = at('conn a\n\ti|ke=aes256-sha2_256-modp2048\n');
    assert.match(keywordHover(ike.doc, ike.offset)?.markdown ?? '', /strongSwan adds its default proposals to a list that does not end in `!`/);
  });

  it('says which dialect applies and why when it is known', () => {
    const { doc, offset } = at('# ipsec-dialect: libreswan-4\nconfig setup\n\tnat_trav|ersal=yes\n');
    const hover = keywordHover(doc, offset, { choice: { dialect: 'libreswan', version: '4', source: 'comment', reason: 'the comment' }, plausible: ['libreswan'] });
    assert.match(hover?.markdown ?? '', /Libreswan 4: (unknown|refused)/);
    assert.match(hover?.markdown ?? '', /Checked as Libreswan 4 because of the comment/);
  });

  it('gives the default of each release and what distribution packages change, where they differ', () => {
    const { doc, offset } = at('config setup\n\tikev1-pol|icy=accept\n');
    const unpinned = keywordHover(doc, offset, { plausible: ['libreswan'] })?.markdown ?? '';
    assert.match(unpinned, /- Libreswan: accepted; default `accept` \(`drop` in Debian's and Ubuntu's Libreswan packages \(Debian 4\.5-2 on\)\), `drop` from 5\.0/);
    const five = keywordHover(doc, offset, { choice: { dialect: 'libreswan', version: '5.2', source: 'comment', reason: 'the comment' }, plausible: ['libreswan'] })?.markdown ?? '';
    assert.match(five, /- Libreswan 5\.2: accepted; default `drop`$/m);
    const early = keywordHover(doc, offset, { choice: { dialect: 'libreswan', version: '4.3', source: 'comment', reason: 'the comment' }, plausible: ['libreswan'] })?.markdown ?? '';
    assert.match(early, /- Libreswan 4\.3: accepted; default `accept`$/m);
    // A keyword whose one default the value line already gives adds nothing per daemon.
    const plain = at('conn a\n\tau|to=add\n');
    assert.doesNotMatch(keywordHover(plain.doc, plain.offset)?.markdown ?? '', /accepted; default/);
  });
});
