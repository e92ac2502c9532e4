import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { completeRacoon } from '../../../server/src/features/completion/racoon';
import { completeSetkey } from '../../../server/src/features/completion/setkey';
import { racoonHover } from '../../../server/src/features/hover/racoon';
import { setkeyHover } from '../../../server/src/features/hover/setkey';
import type { ParsedDocument } from '../../../server/src/model/document';
import type { Range, SourceText } from '../../../server/src/text/sourceText';
import { corpusFiles } from '../../corpus/corpusFiles';
import { parse } from '../../helpers';

function rangeInside(source: SourceText, range: Range): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < source.lineCount && p.character >= 0 && p.character <= source.lineText(p.line).length;
  return ok(range.start) && ok(range.end);
}

/** Completion and hover at every offset of every racoon.conf and setkey file of the corpus: no exception, ranges inside, no key echoed. */
describe('racoon and setkey completion and hover everywhere in the corpus', () => {
  it('racoon.conf', () => {
    let answered = 0;
    for (const file of corpusFiles().filter((f) => f.kind === 'racoon.conf')) {
      const doc = parse('racoon', readFileSync(file.absolutePath, 'utf8')) as ParsedDocument<'racoon'>;
      for (let offset = 0; offset <= doc.source.text.length; offset++) {
        const position = doc.source.positionAt(offset);
        for (const entry of completeRacoon(doc, position)) assert.ok(rangeInside(doc.source, entry.range), `${file.relativePath}@${offset}`);
        const hover = racoonHover(doc, offset);
        if (hover) {
          answered++;
          assert.ok(rangeInside(doc.source, hover.range));
        }
      }
    }
    assert.ok(answered > 10000, `hover answered only ${answered} times`);
  });

  it('setkey', () => {
    let answered = 0;
    for (const file of corpusFiles().filter((f) => f.kind === 'setkey')) {
      const doc = parse('setkey', readFileSync(file.absolutePath, 'utf8')) as ParsedDocument<'setkey'>;
      for (let offset = 0; offset <= doc.source.text.length; offset++) {
        for (const entry of completeSetkey(doc, doc.source.positionAt(offset))) assert.ok(rangeInside(doc.source, entry.range));
        const hover = setkeyHover(doc, offset);
        if (!hover) continue;
        answered++;
        assert.ok(rangeInside(doc.source, hover.range));
        assert.doesNotMatch(hover.markdown, /kamekame|this is the test/, `a key is shown at ${file.relativePath}@${offset}`);
      }
    }
    assert.ok(answered > 1000, `hover answered only ${answered} times`);
  });
});
