import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import { formatRacoon } from '../../../server/src/features/formatting/racoonFormatter';
import type { ParsedDocument } from '../../../server/src/model/document';
import { corpusFiles } from '../../corpus/corpusFiles';
import { meaningOf } from '../../fuzz/meaning';
import { fixturePath, parse, REPO_ROOT } from '../../helpers';

function doc(text: string) {
  return parse('racoon', text) as ParsedDocument<'racoon'>;
}

function format(text: string, options?: Parameters<typeof formatRacoon>[1], lines?: Parameters<typeof formatRacoon>[2]) {
  const d = doc(text);
  return applyEdits(d.source, formatRacoon(d, options, lines));
}

/** What the daemon reads, layout left out (the same summary the fuzz suite compares). */
function meaning(text: string): string | undefined {
  return meaningOf(doc(text));
}

describe('racoon.conf formatter', () => {
  it('indents blocks one level each, statement continuations one more, and trims trailing blanks', () => {
    const input = 'remote anonymous {\nexchange_mode main;   \n      proposal {\n encryption_algorithm aes;\n        }\n}\nsainfo address 10.0.0.0/24 any\naddress 10.0.1.0/24 any\n{\n# phase 2\npfs_group 2;\n}\n';
    const expected = 'remote anonymous {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t}\n}\nsainfo address 10.0.0.0/24 any\n\taddress 10.0.1.0/24 any\n{\n\t# phase 2\n\tpfs_group 2;\n}\n';
    assert.equal(format(input), expected);
  });

  it('puts each statement that shared a line on a line of its own, keeping comments where they are', () => {
    const input = 'timer { counter 5; interval 10 sec; } # timers\nremote anonymous { proposal { dh_group 2; } }\n';
    const expected = 'timer {\n\tcounter 5;\n\tinterval 10 sec;\n} # timers\nremote anonymous {\n\tproposal {\n\t\tdh_group 2;\n\t}\n}\n';
    assert.equal(format(input), expected);
  });

  it('collapses runs of blank lines and honours the indent option', () => {
    assert.equal(format('listen {\n\n\n\tisakmp 192.0.2.1 [500];\n}\n', { indent: 2, spacesAroundEquals: false }), 'listen {\n\n  isakmp 192.0.2.1 [500];\n}\n');
  });

  it('keeps CRLF line endings, also on split lines', () => {
    assert.equal(format('timer { counter 5; }\r\n'), 'timer {\r\n\tcounter 5;\r\n}\r\n');
  });

  it('only trims trailing blanks when the braces do not balance', () => {
    assert.equal(format('remote anonymous {\n      exchange_mode main;  \n'), 'remote anonymous {\n      exchange_mode main;\n');
  });

  it('leaves lines with look-alike blanks and lines with syntax problems alone', () => {
    const input = 'timer {\n\u00a0counter 5;\n   interval 10 sec\n}\n';
    const formatted = format(input);
    assert.ok(formatted.includes('\u00a0counter 5;\n'), formatted);
    assert.ok(formatted.includes('   interval 10 sec\n'), formatted);
  });

  it('leaves every line of a string closed on a later line alone', () => {
    const input = 'remote anonymous {\nmy_identifier fqdn "a\n   b";\n}\n';
    assert.equal(format(input), input);
  });

  it('formats only the lines of the requested range', () => {
    const input = 'timer {\ncounter 5;\ninterval 10 sec;\n}\n';
    assert.equal(format(input, undefined, { start: 2, end: 2 }), 'timer {\ncounter 5;\n\tinterval 10 sec;\n}\n');
  });

  it('formats every racoon.conf of the corpus, the seeds and the examples without changing what racoon reads, and is idempotent', () => {
    const seeds = readdirSync(fixturePath('seeds', 'racoon')).map((name) => path.join(fixturePath('seeds', 'racoon'), name));
    const examples = ['ipsec-a', 'ipsec-b'].map((host) => path.join(REPO_ROOT, 'examples', 'racoon-pair', host, 'etc', 'racoon', 'racoon.conf'));
    const files = [...corpusFiles().filter((f) => f.kind === 'racoon.conf').map((f) => f.absolutePath), ...seeds, ...examples];
    assert.ok(files.length >= 30, `only ${files.length} racoon.conf files`);
    let changed = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const once = format(text);
      assert.equal(meaning(once), meaning(text), file);
      assert.equal(format(once), once, `not idempotent: ${file}`);
      if (once !== text) changed++;
    }
    assert.ok(changed >= 10, `only ${changed} files changed: the formatter is not doing anything`);
  });
});
