import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outlineSetkey } from '../../../server/src/features/outline/setkeyOutline';
import type { ParsedDocument } from '../../../server/src/model/document';
import { parse, readFixture } from '../../helpers';

const outline = (text: string) => outlineSetkey(parse('setkey', text) as ParsedDocument<'setkey'>);

describe('setkey outline', () => {
  it('names each statement by what it does, with the policy or algorithms as detail', () => {
    const nodes = outline(readFixture('seeds', 'setkey', 'ipsec-a.setkey.sh'));
    assert.deepEqual(nodes.map((n) => n.name), ['spdflush', 'spdadd 192.168.0.40 → 192.168.0.41 out', 'spdadd 192.168.0.41 → 192.168.0.40 in']);
    assert.equal(nodes[1].detail, 'ipsec esp/transport//require');
    assert.deepEqual(nodes[1].selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
    assert.deepEqual(nodes[1].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 74 } });
  });

  it('covers SAs, tagged and port-specific policies, flush with a protocol, and unknown commands, never showing keys', () => {
    const text = [
      'add 192.0.2.1 198.51.100.1 esp 0x1000 -m tunnel',
      '  -E 3des-cbc 0x0123456789abcdef0123456789abcdef0123456789abcdef -A hmac-sha1 "twenty bytes of key!";',
      'spdadd tagged "web" -P in discard;',
      'spdadd ::1 ::1[9999] tcp -P out ipsec esp/transport//unique:2;',
      'flush esp;',
      'bogus;',
    ].join('\n');
    const nodes = outline(text);
    assert.deepEqual(nodes.map((n) => [n.name, n.detail]), [
      ['add 192.0.2.1 → 198.51.100.1 esp 0x1000', 'tunnel mode, 3des-cbc, hmac-sha1'],
      ['spdadd tagged "web" in', 'discard'],
      ['spdadd ::1 → ::1[9999] tcp out', 'ipsec esp/transport//unique:2'],
      ['flush esp', undefined],
      ['bogus', undefined],
    ]);
    assert.ok(nodes.every((n) => !`${n.name} ${n.detail}`.includes('twenty') && !`${n.name} ${n.detail}`.includes('0123')));
    assert.deepEqual(nodes[0].range, { start: { line: 0, character: 0 }, end: { line: 1, character: 101 } });
  });
});
