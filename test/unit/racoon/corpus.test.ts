import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkDocument } from '../../../server/src/checks/engine';
import { pskRules } from '../../../server/src/checks/psk';
import { racoonRules } from '../../../server/src/checks/racoon';
import type { FileKind } from '../../../server/src/model/fileKind';
import { parseDocument } from '../../../server/src/model/parse';
import { CORPUS_ROOT } from '../../helpers';

const KINDS: Readonly<Record<string, FileKind>> = { 'racoon.conf': 'racoon', 'psk.txt': 'racoon-psk' };

interface CorpusEntry {
  readonly relativePath: string;
  readonly kind: FileKind;
}

function racoonCorpus(): CorpusEntry[] {
  return readFileSync(path.join(CORPUS_ROOT, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([, kind]) => kind !== undefined && KINDS[kind] !== undefined)
    .map(([relativePath, kind]) => ({ relativePath, kind: KINDS[kind] }));
}

function expectedInvalid(): Set<string> {
  return new Set(
    readFileSync(path.join(CORPUS_ROOT, 'EXPECTED_INVALID_CANDIDATES.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !line.startsWith('#')),
  );
}

/**
 * Corpus files racoon itself would refuse, with the errors we expect on them.
 * The fork's road-warrior sample spells the LDAP section `ldap_cfg`; racoon's lexer knows only `ldapcfg`.
 */
const REAL_MISTAKES: Readonly<Record<string, readonly string[]>> = {
  'racoon/racoon-ipsec-tools-fork/docs/examples/roadwarrior/server/racoon.conf': ['racoon-unknown-statement'],
};

describe('racoon.conf and psk.txt corpus', () => {
  const files = racoonCorpus();
  const invalid = expectedInvalid();

  it('finds the racoon.conf and psk.txt files of the manifest', () => {
    assert.ok(files.length >= 29, `only ${files.length} files`);
  });

  for (const file of files) {
    it(`${file.relativePath} has no errors${REAL_MISTAKES[file.relativePath] ? ' but its known mistakes' : ''}`, () => {
      const text = readFileSync(path.join(CORPUS_ROOT, file.relativePath), 'utf8');
      const document = parseDocument(`file:///${file.relativePath}`, text, file.kind);
      const errors = checkDocument(document, { only: [...racoonRules, ...pskRules] }).filter((f) => f.severity === 'error');
      if (invalid.has(file.relativePath)) return;
      const expected = REAL_MISTAKES[file.relativePath] ?? [];
      assert.deepEqual(
        errors.map((e) => e.code),
        expected,
        errors.map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1} ${e.code} ${e.message}`).join('\n'),
      );
    });
  }
});
