import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEMANTIC_TOKEN_TYPES, semanticTokensIpsecConf } from '../../../server/src/features/semanticTokens';
import type { ParsedDocument } from '../../../server/src/model/document';
import { parse } from '../../helpers';

function decode(text: string) {
  const data = semanticTokensIpsecConf(parse('ipsec', text) as ParsedDocument<'ipsec'>);
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push(`${line}:${character}:${data[i + 2]} ${SEMANTIC_TOKEN_TYPES[data[i + 3]]}${data[i + 4] ? `+${data[i + 4]}` : ''}`);
  }
  return out;
}

describe('semantic tokens for ipsec.conf', () => {
  it('marks section keywords, declared conn names, keys, also= references and % values', () => {
    assert.deepEqual(decode('conn %default\n\tleft=%defaultroute\nconn dk\n\talso=base\ninclude x.conf\n'), [
      '0:0:4 keyword',
      '0:5:8 class+3',
      '1:1:4 property',
      '1:6:13 macro+2',
      '2:0:4 keyword',
      '2:5:2 class+1',
      '3:1:4 property',
      '3:6:4 class',
      '4:0:7 keyword',
      '4:8:6 string',
    ]);
  });
});
