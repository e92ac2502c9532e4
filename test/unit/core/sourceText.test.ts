import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceText } from '../../../server/src/text/sourceText';

describe('SourceText', () => {
  it('maps offsets and positions both ways across LF, CRLF and CR', () => {
    const source = new SourceText('ab\r\ncd\ref\n');
    assert.equal(source.lineCount, 4);
    assert.deepEqual(source.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(source.positionAt(7), { line: 2, character: 0 });
    assert.equal(source.offsetAt({ line: 2, character: 1 }), 8);
    assert.deepEqual(source.line(0), { index: 0, start: 0, end: 2, terminator: '\r\n' });
    assert.deepEqual(source.line(1), { index: 1, start: 4, end: 6, terminator: '\r' });
    assert.equal(source.lineText(2), 'ef');
  });

  it('counts UTF-16 code units as LSP does', () => {
    const source = new SourceText('a😀b\n');
    assert.deepEqual(source.positionAt(3), { line: 0, character: 3 });
  });

  it('clamps out-of-range offsets and positions', () => {
    const source = new SourceText('abc');
    assert.deepEqual(source.positionAt(99), { line: 0, character: 3 });
    assert.equal(source.offsetAt({ line: 9, character: 0 }), 3);
    assert.equal(source.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(source.offsetAt({ line: -1, character: 0 }), 0);
  });
});
