import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasLookalikeBlank, isLookalikeBlank } from '../../../server/src/text/characters';

describe('lookalike blanks', () => {
  it('finds in a text exactly the characters isLookalikeBlank accepts', () => {
    const disagreeing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (hasLookalikeBlank(`a${String.fromCharCode(code)}b`) !== isLookalikeBlank(code)) disagreeing.push(code.toString(16));
    }
    assert.deepEqual(disagreeing, []);
  });

  it('finds none in ordinary indentation and text', () => {
    assert.equal(hasLookalikeBlank('conn a\n\tleft=192.0.2.1 # note\r\n  right=%any\n'), false);
    assert.equal(hasLookalikeBlank('conn a\n\u00a0left=192.0.2.1\n'), true);
  });
});
