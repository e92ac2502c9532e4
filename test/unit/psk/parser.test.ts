import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outlinePsk } from '../../../server/src/features/outline/pskOutline';
import type { ParsedDocument } from '../../../server/src/model/document';
import { PSK_SYNTAX } from '../../../server/src/parsing/psk/parser';
import { parse } from '../../helpers';

function psk(text: string) {
  return parse('racoon-psk', text) as ParsedDocument<'racoon-psk'>;
}

describe('psk.txt parser', () => {
  it('reads identifiers of every kind and keys up to the end of the line', () => {
    const text = '# peers\n10.0.0.1\tsimple\nfe80::1 0x12ab\nuser@example.org a key with spaces\nvpn.example.org\t\thoge\n*  fallback\n';
    const doc = psk(text);
    assert.deepEqual(doc.ast.problems, []);
    assert.deepEqual(doc.ast.entries.map((e) => e.identifier.text), ['10.0.0.1', 'fe80::1', 'user@example.org', 'vpn.example.org', '*']);
    assert.deepEqual(doc.ast.entries.map((e) => e.key?.text), ['simple', '0x12ab', 'a key with spaces', 'hoge', 'fallback']);
    assert.equal(doc.ast.comments.length, 1);
    const [first] = doc.ast.entries;
    assert.equal(text.slice(first.key?.span.start, first.key?.span.end), 'simple');
    assert.deepEqual(first.span, { start: 8, end: 23 });
  });

  it('reports a line without key at its identifier and keeps reading', () => {
    const text = '10.0.0.1\n10.0.0.2 secret\nlonely   \n';
    const doc = psk(text);
    assert.deepEqual(doc.ast.problems.map((p) => [p.code, text.slice(p.span.start, p.span.end)]), [
      [PSK_SYNTAX.malformedEntry, '10.0.0.1'],
      [PSK_SYNTAX.malformedEntry, 'lonely'],
    ]);
    assert.equal(doc.ast.entries.length, 3);
  });

  it('notes indentation and Windows line endings that racoon folds into the entry', () => {
    const doc = psk('  10.0.0.1 key\r\n10.0.0.2 key\n');
    assert.deepEqual(doc.ast.entries[0].indent, { start: 0, end: 2 });
    assert.equal(doc.ast.entries[0].endsWithCarriageReturn, true);
    assert.equal(doc.ast.entries[1].endsWithCarriageReturn, false);
  });

  it('outlines entries by identifier and never shows a key', () => {
    const nodes = outlinePsk(psk('10.0.0.1 MARKER-SECRET\n10.0.0.2 0xabcd\n'));
    assert.deepEqual(nodes.map((n) => [n.name, n.detail, n.kind]), [
      ['10.0.0.1', 'key', 'entry'],
      ['10.0.0.2', 'hex key', 'entry'],
    ]);
    assert.doesNotMatch(JSON.stringify(nodes), /MARKER-SECRET|abcd/);
  });
});
