import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyRule } from '../../../server/src/checks/rule';
import { setkeyRules } from '../../../server/src/checks/setkey';
import { setkeyAlgorithmMismatch } from '../../../server/src/checks/setkey/algorithmMismatch';
import { setkeyBadAddress } from '../../../server/src/checks/setkey/badAddress';
import { setkeyBadKeyLength } from '../../../server/src/checks/setkey/badKeyLength';
import { setkeyBadLevel } from '../../../server/src/checks/setkey/badLevel';
import { setkeyBadRequest } from '../../../server/src/checks/setkey/badRequest';
import { setkeyBadSpi } from '../../../server/src/checks/setkey/badSpi';
import { setkeyCommentInPolicy } from '../../../server/src/checks/setkey/commentInPolicy';
import { setkeyDuplicateEntry } from '../../../server/src/checks/setkey/duplicateEntry';
import { setkeyFamilyMismatch } from '../../../server/src/checks/setkey/familyMismatch';
import { setkeyIncompletePolicy } from '../../../server/src/checks/setkey/incompletePolicy';
import { setkeyMissingSemicolon } from '../../../server/src/checks/setkey/missingSemicolon';
import { setkeyPlatformSpecific } from '../../../server/src/checks/setkey/platformSpecific';
import { setkeyReservedSpi } from '../../../server/src/checks/setkey/reservedSpi';
import { setkeySyntax } from '../../../server/src/checks/setkey/syntax';
import { setkeyTunnelNeedsEndpoints } from '../../../server/src/checks/setkey/tunnelNeedsEndpoints';
import { setkeyUnknownAlgorithm } from '../../../server/src/checks/setkey/unknownAlgorithm';
import { setkeyUnknownCommand } from '../../../server/src/checks/setkey/unknownCommand';
import { setkeyUnknownUpperLayer } from '../../../server/src/checks/setkey/unknownUpperLayer';
import { setkeyUnterminatedString } from '../../../server/src/checks/setkey/unterminatedString';
import { lint } from '../../helpers';

/** A file that uses most of the grammar correctly: no rule may fire on it. */
const CLEAN = [
  '#!/sbin/setkey -f',
  'flush;',
  'spdflush;',
  'spdadd 10.1.0.0/16 10.2.0.0/16 any',
  '\t-P out ipsec esp/tunnel/192.0.2.1-198.51.100.1/require;',
  'spdadd 10.2.0.0/16 10.1.0.0/16 any -P in ipsec esp/tunnel/198.51.100.1-192.0.2.1/unique:7;',
  'spdadd 2001:db8::1[80] 2001:db8::2 tcp -P out prio high ipsec esp/transport//use ah/transport//default;',
  'spdadd ::/0 ::/0 icmp6 135,0 -P in none;',
  'spdadd 0.0.0.0/0 0.0.0.0/0 any -P out ipsec esp/transport/me-any/require;',
  'add 192.0.2.1 198.51.100.1 esp 0x1000 -m tunnel -u 7 -r 32 -lh 3600 -ls 3000',
  '\t-E aes-cbc 0x0123456789abcdef0123456789abcdef',
  '\t-A hmac-sha1 "twenty bytes of key!";',
  'add 198.51.100.1 192.0.2.1 esp 4097 -E aes-cbc "sixteen byte key" -A hmac-sha256 0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f;',
  'add 192.0.2.1 198.51.100.1 ah 0x2000 -A hmac-sha256 "thirty-two bytes of key material";',
  'add 192.0.2.1 198.51.100.1 ipcomp 4 -C deflate;',
  'add 192.0.2.1 198.51.100.1 esp 0x3000 -E null -A null;',
  'spddelete 10.1.0.0/16 10.2.0.0/16 any -P out;',
  'spdadd 10.1.0.0/16 10.2.0.0/16 any -P out none;',
  'delete 192.0.2.1 198.51.100.1 esp 0x1000;',
  'add 192.0.2.1 198.51.100.1 esp 0x1000 -E null;',
  'dump esp;',
  '',
].join('\n');

interface RuleCase {
  readonly rule: AnyRule;
  readonly fires: string;
  /** What the findings cover, in order. */
  readonly covers: readonly string[];
}

const CASES: readonly RuleCase[] = [
  { rule: setkeyMissingSemicolon, fires: 'flush\nspdflush;\n', covers: ['flush'] },
  { rule: setkeyUnknownCommand, fires: 'spdad 10.0.0.1 10.0.0.2 any -P out none;\n', covers: ['spdad'] },
  { rule: setkeySyntax, fires: 'spdadd 10.0.0.1 10.0.0.2 any;\nadd 10.0.0.1;\n', covers: ['any', '10.0.0.1'] },
  { rule: setkeyUnterminatedString, fires: 'add 1.2.3.4 1.2.3.5 esp 0x1000 -E des-cbc "abc;\n', covers: ['"abc'] },
  { rule: setkeyCommentInPolicy, fires: 'spdadd 10.0.0.1 10.0.0.2 any -P out ipsec # tunnel\n esp/transport//require;\n', covers: ['# tunnel'] },
  {
    rule: setkeyBadAddress,
    fires: 'spdadd 192.0.2.300 10.0.0.0/33 any -P out none;\nspdadd 2001:db8::/129 10.0.0.1[70000] any -P out none;\nspdadd -n host.example $IP any -P out ipsec esp/tunnel/gw.example-10.0.0.1/require;\n',
    covers: ['192.0.2.300', '33', '129', '70000', 'host.example', '$IP', 'gw.example'],
  },
  { rule: setkeyFamilyMismatch, fires: 'spdadd 10.0.0.1 2001:db8::1 any -P out none;\nspdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/tunnel/192.0.2.1-2001:db8::1/require;\n', covers: ['2001:db8::1', '2001:db8::1'] },
  {
    rule: setkeyBadRequest,
    fires: 'spdadd 10.0.0.1 10.0.0.2 any -P out ipsec foo/transport//use esp/any//use esp esp/tunnel/a-b-c/require;\nspdadd 10.0.0.1 10.0.0.2 any -P in ipsec esp/tunnel/me-any/require;\n',
    covers: ['foo', 'any', 'esp', 'a-b-c', 'me-any'],
  },
  { rule: setkeyTunnelNeedsEndpoints, fires: 'spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/tunnel//require;\n', covers: ['//'] },
  { rule: setkeyBadLevel, fires: 'spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//requre ah/transport//unique:x esp/transport//;\n', covers: ['requre', 'unique:x', 'esp/transport//'] },
  { rule: setkeyIncompletePolicy, fires: 'spdadd 10.0.0.1 10.0.0.2 any -P out;\nspdadd 10.0.0.1 10.0.0.2 any -P in ipsec;\n', covers: ['out', 'ipsec'] },
  { rule: setkeyUnknownUpperLayer, fires: 'spdadd 10.0.0.1 10.0.0.2 tpc -P out none;\nspdadd 10.0.0.1 10.0.0.2 300 -P out none;\nspdadd 10.0.0.1 10.0.0.2 udp 8,0 -P out none;\n', covers: ['tpc', '300', '8,0'] },
  { rule: setkeyBadSpi, fires: 'add 10.0.0.1 10.0.0.2 esp 4294967296 -E null;\nadd 10.0.0.1 10.0.0.2 esp 0x100000000 -E null;\n', covers: ['4294967296', '0x100000000'] },
  { rule: setkeyReservedSpi, fires: 'add 10.0.0.1 10.0.0.2 esp 10 -E null;\nadd 10.0.0.1 10.0.0.2 ah 0xff -A null;\nadd 10.0.0.1 10.0.0.2 ipcomp 4 -C deflate;\n', covers: ['10', '0xff'] },
  { rule: setkeyUnknownAlgorithm, fires: 'add 10.0.0.1 10.0.0.2 esp 0x1000 -E 3des-cbs 0x00;\nadd 10.0.0.1 10.0.0.2 esp 0x1001 -E rc5-cbc "kamekame";\n', covers: ['3des-cbs', 'rc5-cbc'] },
  { rule: setkeyBadKeyLength, fires: 'add 10.0.0.1 10.0.0.2 esp 0x1000 -E 3des-cbc 0x0123456789abcdef -A hmac-sha1 "short";\n', covers: ['0x0123456789abcdef', '"short"'] },
  {
    rule: setkeyAlgorithmMismatch,
    fires: 'add 10.0.0.1 10.0.0.2 ah 0x1000 -E null;\nadd 10.0.0.1 10.0.0.2 esp 0x1001 -A hmac-md5 "sixteen byte key";\nadd 10.0.0.1 10.0.0.2 esp-old 0x1002 -r 4 -E des-cbc "8 bytes!";\n',
    covers: ['-E', '-A', '-r'],
  },
  { rule: setkeyPlatformSpecific, fires: 'add 10.0.0.1 10.0.0.2 esp 0x1000 -E aes-gcm-16 0x0102030405060708090a0b0c0d0e0f1011121314;\ngetspi 10.0.0.1 10.0.0.2 esp 0x1001;\n', covers: ['aes-gcm-16', 'getspi'] },
  {
    rule: setkeyDuplicateEntry,
    fires: 'spdadd 10.0.0.1 10.0.0.2 any -P out none;\nspdadd 10.0.0.1/32 10.0.0.2[any] any -P out discard;\nadd 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\nadd 10.0.0.1 10.0.0.2 esp 4096 -E null;\n',
    covers: ['spdadd', 'add'],
  },
];

function covered(text: string, rule: AnyRule): string[] {
  const lines = text.split('\n');
  return lint('setkey', text, [rule]).map((f) => {
    assert.equal(f.range.start.line, f.range.end.line, 'one-line findings');
    return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
  });
}

describe('setkey rules', () => {
  it('every rule is tested here and has a stable setkey- code, a title and a description', () => {
    assert.deepEqual(new Set(CASES.map((c) => c.rule.code)), new Set(setkeyRules.map((r) => r.code)));
    for (const rule of setkeyRules) {
      assert.match(rule.code, /^setkey-[a-z-]+$/);
      assert.ok(rule.title.length > 10 && rule.description.length > 80, rule.code);
    }
  });

  it('the clean file has no finding at all', () => {
    assert.deepEqual(lint('setkey', CLEAN).map((f) => `${f.range.start.line + 1} ${f.code} ${f.message}`), []);
  });

  for (const { rule, fires, covers } of CASES) {
    it(`${rule.code} fires on its mistakes only`, () => {
      assert.deepEqual(covered(fires, rule), covers);
      assert.deepEqual(covered(CLEAN, rule), []);
    });
  }

  it('setkey-bad-key-length names the sizes and never repeats the key', () => {
    const [finding] = lint('setkey', 'add 10.0.0.1 10.0.0.2 esp 0x1000 -E aes-cbc "not a good key!";\n', [setkeyBadKeyLength]);
    assert.match(finding.message, /aes-cbc takes a key of 128, 192 or 256 bits, but this key has 120/);
    assert.doesNotMatch(finding.message, /not a good key/);
  });

  it('setkey-missing-semicolon offers to insert the ;', () => {
    const [finding] = lint('setkey', 'flush\nspdflush;\n', [setkeyMissingSemicolon]);
    assert.deepEqual(finding.fixes?.[0].edits, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, newText: ';' }]);
  });

  it('setkey-duplicate-entry forgets what flush, spdflush and delete removed', () => {
    const text = 'spdadd 10.0.0.1 10.0.0.2 any -P out none;\nspdflush;\nspdadd 10.0.0.1 10.0.0.2 any -P out none;\nadd 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\nflush esp;\nadd 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\ndeleteall 10.0.0.1 10.0.0.2 esp;\nadd 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\n';
    assert.deepEqual(lint('setkey', text, [setkeyDuplicateEntry]), []);
  });

  it('the syntax rules stay quiet about statements they cannot read', () => {
    const text = 'spdadd 10.0.0.1 10.0.0.2 any -P out allow;\n';
    assert.deepEqual(lint('setkey', text).map((f) => f.code), ['setkey-syntax']);
  });
});
