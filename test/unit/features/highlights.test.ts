import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentHighlights } from '../../../server/src/features/highlights';
import { parseDocument } from '../../../server/src/model/parse';

const CONF = 'conn base\n\tleft=192.0.2.1\n\tleftid=@gw.example\nconn a\n\talso=base\n\tright=192.0.2.1\n\trightid=@gw.example\nconn b\n\talso=base\n\tright=%any\n';

const lines = (text: string, needle: string, kind: 'ipsec' | 'ipsec-secrets' = 'ipsec'): number[] => {
  const document = parseDocument('file:///t', text, kind);
  return documentHighlights(document, text.indexOf(needle) + 1).map((range) => range.start.line);
};

describe('document highlights', () => {
  it('marks a conn\'s header and every also= naming it', () => {
    assert.deepEqual(lines(CONF, 'base'), [0, 4, 8]);
    assert.deepEqual(lines(CONF, 'base\n\tright=%any'), [0, 4, 8]);
  });

  it('marks every value and selector writing the same address or ID', () => {
    assert.deepEqual(lines(CONF, '192.0.2.1'), [1, 5]);
    assert.deepEqual(lines(CONF, 'gw.example'), [2, 6]);
    assert.deepEqual(lines('@a @b : PSK "k"\n@b @a : PSK "k"\n', '@b', 'ipsec-secrets'), [0, 1], 'ipsec.secrets selectors');
    // Spellings the daemons take as one: case of an @-name, an IPv6 address written otherwise.
    const spelled = 'conn a\n\tleft=2001:DB8::1\n\tleftid=@GW.example\nconn b\n\tleft=2001:db8:0::1\n\tleftid=@gw.example\n';
    assert.deepEqual(lines(spelled, 'DB8'), [1, 4]);
    assert.deepEqual(lines(spelled, 'GW.example'), [2, 5]);
  });

  it('marks nothing on other keys, placeholders or secrets', () => {
    assert.deepEqual(lines(CONF, 'leftid'), []);
    assert.deepEqual(lines(CONF, '%any'), []);
    assert.deepEqual(lines('@a @b : PSK "secret"\n', 'secret', 'ipsec-secrets'), []);
  });
});
