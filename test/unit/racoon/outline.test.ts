import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outlineRacoon } from '../../../server/src/features/outline/racoonOutline';
import type { OutlineNode } from '../../../server/src/features/outline/outline';
import type { ParsedDocument } from '../../../server/src/model/document';
import { parse } from '../../helpers';

function outline(text: string): OutlineNode[] {
  return outlineRacoon(parse('racoon', text) as ParsedDocument<'racoon'>);
}

describe('racoon.conf outline', () => {
  it('shows blocks with their statements as children', () => {
    const text = [
      'path certificate "/etc/racoon/certs";',
      'include "remote.d/*.conf";',
      'listen {',
      '\tisakmp 192.0.2.1 [500];',
      '}',
      'remote "office" inherit "base" {',
      '\texchange_mode main;',
      '\tproposal {',
      '\t\tdh_group 14;',
      '\t}',
      '}',
      'sainfo address 10.0.0.0/24 any address 10.1.0.0/24 any {',
      '\tpfs_group 14;',
      '}',
    ].join('\n');
    const nodes = outline(text);
    assert.deepEqual(nodes.map((n) => [n.name, n.kind]), [
      ['path certificate', 'statement'],
      ['include', 'include'],
      ['listen', 'block'],
      ['remote "office" inherit "base"', 'block'],
      ['sainfo address 10.0.0.0/24 any address 10.1.0.0/24 any', 'block'],
    ]);
    assert.equal(nodes[0].detail, '"/etc/racoon/certs"');
    const remote = nodes[3];
    assert.deepEqual(remote.children.map((c) => [c.name, c.kind, c.detail]), [
      ['exchange_mode', 'key', 'main'],
      ['proposal', 'block', undefined],
    ]);
    assert.deepEqual(remote.children[1].children.map((c) => c.name), ['dh_group']);
    assert.deepEqual(remote.range, { start: { line: 5, character: 0 }, end: { line: 10, character: 1 } });
    assert.deepEqual(remote.selectionRange, { start: { line: 5, character: 0 }, end: { line: 5, character: 6 } });
  });

  it('never shows LDAP or RADIUS secrets', () => {
    const nodes = outline('ldapcfg { bind_pw "MARKER-SECRET"; }\nradiuscfg { auth "radius" "MARKER-SECRET"; }\n');
    assert.doesNotMatch(JSON.stringify(nodes), /MARKER-SECRET/);
  });

  it('stops at a sane depth on absurd nesting', () => {
    let depth = 0;
    let level: readonly OutlineNode[] = outline('remote anonymous {'.repeat(10_000));
    while (level.length > 0) {
      depth++;
      level = level[0].children;
    }
    assert.ok(depth <= 32, `depth ${depth}`);
  });
});
