import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import { formatSetkey } from '../../../server/src/features/formatting/setkeyFormatter';
import type { ParsedDocument } from '../../../server/src/model/document';
import { corpusFiles } from '../../corpus/corpusFiles';
import { meaningOf } from '../../fuzz/meaning';
import { fixturePath, parse } from '../../helpers';

function doc(text: string) {
  return parse('setkey', text) as ParsedDocument<'setkey'>;
}

function format(text: string, options?: Parameters<typeof formatSetkey>[1], lines?: Parameters<typeof formatSetkey>[2]) {
  const d = doc(text);
  return applyEdits(d.source, formatSetkey(d, options, lines));
}

/** What the daemon reads, layout left out (the same summary the fuzz suite compares). */
function meaning(text: string): string | undefined {
  return meaningOf(doc(text));
}

describe('setkey formatter', () => {
  it('starts statements at the margin, indents their continuation lines one level and trims trailing blanks', () => {
    const input = '  spdflush;  \nspdadd 10.0.1.0/24 10.0.2.0/24 any -P out ipsec\n        esp/tunnel/192.0.2.1-192.0.2.2/require ;\nadd 192.0.2.1 192.0.2.2 esp 0x1001\n-m tunnel\n   # keys below\n  -E aes-cbc 0x00112233445566778899aabbccddeeff ;\n';
    const expected = 'spdflush;\nspdadd 10.0.1.0/24 10.0.2.0/24 any -P out ipsec\n\tesp/tunnel/192.0.2.1-192.0.2.2/require ;\nadd 192.0.2.1 192.0.2.2 esp 0x1001\n\t-m tunnel\n\t# keys below\n\t-E aes-cbc 0x00112233445566778899aabbccddeeff ;\n';
    assert.equal(format(input), expected);
  });

  it('puts statements that share a line on lines of their own', () => {
    assert.equal(format('flush; spdflush; # start clean\n'), 'flush;\nspdflush; # start clean\n');
  });

  it('keeps the shebang, collapses blank lines and honours the indent option', () => {
    const input = '#!/sbin/setkey -f  \n\n\n\nspdadd 10.0.0.1 10.0.0.2 any -P out ipsec\nesp/transport//require;\n';
    assert.equal(format(input, { indent: 4, spacesAroundEquals: false }), '#!/sbin/setkey -f  \n\nspdadd 10.0.0.1 10.0.0.2 any -P out ipsec\n    esp/transport//require;\n');
  });

  it('leaves shell scripts, unclosed quotes and lines with problems alone', () => {
    const script = '#!/bin/sh\nsetkey -c <<EOF   \n  flush;\nEOF\n';
    assert.deepEqual(formatSetkey(doc(script)), []);
    assert.deepEqual(formatSetkey(doc('add 10.0.0.1 10.0.0.2 esp 0x100 -E aes-cbc "abc ;\n  flush;\n')), []);
    assert.equal(format('  spdflush\n  flush;\n'), '  spdflush\nflush;\n');
  });

  it('formats only the lines of the requested range', () => {
    assert.equal(format('  flush;\n  spdflush;\n', undefined, { start: 1, end: 1 }), '  flush;\nspdflush;\n');
  });

  it('formats every setkey file of the corpus and the seeds without changing what setkey reads, and is idempotent', () => {
    const seeds = readdirSync(fixturePath('seeds', 'setkey')).map((name) => path.join(fixturePath('seeds', 'setkey'), name));
    const files = [...corpusFiles().filter((f) => f.kind === 'setkey').map((f) => f.absolutePath), ...seeds];
    assert.ok(files.length >= 10, `only ${files.length} setkey files`);
    let changed = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const once = format(text);
      assert.equal(meaning(once), meaning(text), file);
      assert.equal(format(once), once, `not idempotent: ${file}`);
      if (once !== text) changed++;
    }
    assert.ok(changed >= 3, `only ${changed} files changed: the formatter is not doing anything`);
  });
});
