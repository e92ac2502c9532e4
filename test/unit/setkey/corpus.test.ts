import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkDocument } from '../../../server/src/checks/engine';
import { setkeyRules } from '../../../server/src/checks/setkey';
import { parseDocument } from '../../../server/src/model/parse';
import { corpusFiles, expectedInvalid } from '../../corpus/corpusFiles';

/**
 * Corpus files ipsec-tools' setkey itself would refuse, with the errors we expect on them.
 * KAME's sample.cf still uses rc5-cbc, which the setkey scanner of ipsec-tools 0.8.2 no longer knows.
 */
const REAL_MISTAKES: Readonly<Record<string, readonly string[]>> = {
  'setkey/ipsec-tools-0.8.2/src/setkey/sample.cf': Array<string>(4).fill('setkey-unknown-algorithm'),
};

describe('setkey corpus', () => {
  const files = corpusFiles().filter((f) => f.kind === 'setkey');
  const invalid = expectedInvalid();

  it('finds the setkey files of the manifest', () => {
    assert.ok(files.length >= 5, `only ${files.length} files`);
  });

  for (const file of files) {
    const expected = REAL_MISTAKES[file.relativePath];
    it(`${file.relativePath} has ${expected ? `exactly ${expected.join(', ')}` : 'no error'}`, () => {
      const document = parseDocument(`file://${file.absolutePath}`, readFileSync(file.absolutePath, 'utf8'), 'setkey');
      const errors = checkDocument(document, { only: setkeyRules }).filter((f) => f.severity === 'error');
      if (!expected && invalid.has(file.relativePath)) return;
      assert.deepEqual(
        errors.map((e) => e.code),
        expected ?? [],
        errors.map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1} ${e.code} ${e.message}`).join('\n'),
      );
    });
  }
});
