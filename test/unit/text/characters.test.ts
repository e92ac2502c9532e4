import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasInvisibleFormat, hasLookalikeBlank, isInvisibleFormat, isLookalikeBlank, withVisibleCharacters } from '../../../server/src/text/characters';

/** The characters of the Basic Multilingual Plane where a native text search and the per-character test disagree. */
function disagreements(inText: (text: string) => boolean, isOne: (code: number) => boolean): string[] {
  const disagreeing: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (inText(`a${String.fromCharCode(code)}b`) !== isOne(code)) disagreeing.push(code.toString(16));
  }
  return disagreeing;
}

describe('lookalike blanks and characters that show as nothing', () => {
  it('finds in a text exactly the characters the per-character tests accept', () => {
    assert.deepEqual(disagreements(hasLookalikeBlank, isLookalikeBlank), []);
    assert.deepEqual(disagreements(hasInvisibleFormat, isInvisibleFormat), []);
  });

  it('spells them out for messages, and leaves other text as it is', () => {
    assert.equal(withVisibleCharacters('ri\u200bght\u00a0@a\u00adb'), 'ri<U+200B>ght<U+00A0>@a<U+00AD>b');
    assert.equal(withVisibleCharacters('C=DE, O=Müller'), 'C=DE, O=Müller');
  });

  it('finds none in ordinary indentation and text', () => {
    assert.equal(hasLookalikeBlank('conn a\n\tleft=192.0.2.1 # note\r\n  right=%any\n'), false);
    assert.equal(hasLookalikeBlank('conn a\n\u00a0left=192.0.2.1\n'), true);
  });
});
