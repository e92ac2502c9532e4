import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkDocument } from '../../../server/src/checks/engine';
import { pskRules } from '../../../server/src/checks/psk';
import { racoonRules } from '../../../server/src/checks/racoon';
import type { FileKind } from '../../../server/src/model/fileKind';
import { parseDocument } from '../../../server/src/model/parse';
import { corpusFiles, expectedInvalid, KIND_FOR_MANIFEST } from '../../corpus/corpusFiles';

/**
 * Corpus files racoon itself would refuse, with the errors we expect on them.
 * The fork's road-warrior sample spells the LDAP section `ldap_cfg`; racoon's lexer knows only `ldapcfg`.
 */
const REAL_MISTAKES: Readonly<Record<string, readonly string[]>> = {
  'racoon/racoon-ipsec-tools-fork/docs/examples/roadwarrior/server/racoon.conf': ['racoon-unknown-statement'],
  // Both list two peers_certfile lines in one remote; cfparse.y stops at the second ("peers_certfile
  // already defined"), and `racoon -t` refuses both files.
  'racoon/ipsec-tools-0.8.2/src/racoon/samples/racoon.conf.sample-plainrsa': ['racoon-repeated-statement'],
  'racoon/racoon-ipsec-tools-fork/docs/examples/racoon.conf.sample-plainrsa': ['racoon-repeated-statement'],
  // Both inherit from anonymous, which racoon leaves out when it looks for the parent: `racoon -t`
  // says "failed to get remoteconf for anonymous".
  'racoon/ipsec-tools-0.8.2/src/racoon/samples/racoon.conf.sample-inherit': ['racoon-remote-name'],
  'racoon/racoon-ipsec-tools-fork/docs/examples/racoon.conf.sample-inherit': ['racoon-remote-name'],
};

describe('racoon.conf and psk.txt corpus', () => {
  const files = corpusFiles().filter((f) => f.kind === 'racoon.conf' || f.kind === 'psk.txt');
  const invalid = expectedInvalid();

  it('finds the racoon.conf and psk.txt files of the manifest', () => {
    assert.ok(files.length >= 29, `only ${files.length} files`);
  });

  for (const file of files) {
    const expected = REAL_MISTAKES[file.relativePath];
    it(`${file.relativePath} has ${expected ? `exactly ${expected.join(', ')}` : 'no error'}`, () => {
      const kind = KIND_FOR_MANIFEST[file.kind] as FileKind;
      const document = parseDocument(`file://${file.absolutePath}`, readFileSync(file.absolutePath, 'utf8'), kind);
      const errors = checkDocument(document, { only: [...racoonRules, ...pskRules] }).filter((f) => f.severity === 'error');
      if (!expected && invalid.has(file.relativePath)) return;
      assert.deepEqual(
        errors.map((e) => e.code),
        expected ?? [],
        errors.map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1} ${e.code} ${e.message}`).join('\n'),
      );
    });
  }
});
