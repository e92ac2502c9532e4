import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import { formatIpsecConf } from '../../../server/src/features/formatting/ipsecConfFormatter';
import type { ParsedDocument } from '../../../server/src/model/document';
import { corpusFiles } from '../../corpus/corpusFiles';
import { meaningOf } from '../../fuzz/meaning';
import { parse } from '../../helpers';

function doc(text: string) {
  return parse('ipsec', text) as ParsedDocument<'ipsec'>;
}

function format(text: string, options?: Parameters<typeof formatIpsecConf>[1]) {
  const d = doc(text);
  return applyEdits(d.source, formatIpsecConf(d, options));
}

/** What the daemon reads, layout left out (the same summary the fuzz suite compares). */
function meaning(text: string): string | undefined {
  return meaningOf(doc(text));
}

describe('ipsec.conf formatter', () => {
  it('indents with tabs, writes key=value, trims, and separates sections by one blank line', () => {
    const input = 'config setup\n    protostack = netkey   \n\n\n\nconn a\n  left=1.2.3.4 # us\n      # note\nconn b\n\tright=5.6.7.8\n';
    assert.equal(format(input), 'config setup\n\tprotostack=netkey\n\nconn a\n\tleft=1.2.3.4 # us\n\t# note\n\nconn b\n\tright=5.6.7.8\n');
  });

  it('keeps one blank after a one-word trailing comment, which Openswan and Libreswan would otherwise read as a keyword', () => {
    assert.equal(format('conn a #primary   \n    left=1.2.3.4 #x  \n\tright=5.6.7.8 # two words  \n'), 'conn a #primary \n\tleft=1.2.3.4 #x \n\tright=5.6.7.8 # two words\n');
    assert.equal(format('#whole-line   \nconn a\n\t#x  \n'), '#whole-line\nconn a\n\t#x\n');
  });

  it('honours the indent and spacing options', () => {
    assert.equal(format('conn a\n\tleft=1.2.3.4\n', { indent: 4, spacesAroundEquals: true }), 'conn a\n    left = 1.2.3.4\n');
  });

  it('leaves column-0 keys, look-alike blanks and unreadable lines alone', () => {
    const input = 'conn a\nauto=add\n\u00a0\u00a0left=1.2.3.4\n\tbad line\n';
    assert.equal(format(input), input);
  });

  it('keeps CRLF line endings as they are', () => {
    assert.equal(format('conn a\r\n  left=1.2.3.4\r\n'), 'conn a\r\n\tleft=1.2.3.4\r\n');
  });

  it('formats every corpus ipsec.conf without changing what the daemon reads, and is idempotent', () => {
    let changed = 0;
    for (const file of corpusFiles().filter((f) => f.kind === 'ipsec.conf')) {
      const text = readFileSync(file.absolutePath, 'utf8');
      const once = format(text);
      assert.equal(meaning(once), meaning(text), file.relativePath);
      assert.equal(format(once), once, `not idempotent: ${file.relativePath}`);
      if (once !== text) changed++;
    }
    assert.ok(changed > 100, `only ${changed} files changed: the formatter is not doing anything`);
  });
});
