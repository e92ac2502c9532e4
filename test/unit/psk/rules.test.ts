import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/checks/finding';
import { pskRules } from '../../../server/src/checks/psk';
import { pskBadHexKey } from '../../../server/src/checks/psk/badHexKey';
import { pskIndentedEntry } from '../../../server/src/checks/psk/indentedEntry';
import { pskMalformedEntry } from '../../../server/src/checks/psk/malformedEntry';
import { pskPlaceholderKey } from '../../../server/src/checks/psk/placeholderKey';
import { pskShadowedEntry } from '../../../server/src/checks/psk/shadowedEntry';
import { pskTrailingWhitespace } from '../../../server/src/checks/psk/trailingWhitespace';
import { codes, lint } from '../../helpers';

const CLEAN = '# IPv4\n10.160.94.3\tmekmitasdigoat-and-long-enough\n172.16.1.133\t0x00112233445566778899aabbccddeeff\nfoo@kame.net a key with spaces and enough of them\n';

function noSecret(findings: readonly Finding[]): void {
  assert.doesNotMatch(JSON.stringify(findings), /MARKER/);
}

describe('psk.txt rules', () => {
  it('a clean file has no findings', () => {
    assert.deepEqual(lint('racoon-psk', CLEAN), []);
  });

  it('every rule has a prefixed code, a title and a description', () => {
    for (const rule of pskRules) {
      assert.match(rule.code, /^psk-[a-z-]+$/);
      assert.ok(rule.title.length > 10 && rule.description.length > 40, rule.code);
    }
  });

  it('psk-placeholder-key fires on the placeholder the quick fix writes, and only there', () => {
    const findings = lint('racoon-psk', '192.0.2.2\tREPLACE-WITH-SHARED-KEY\n192.0.2.3\tMARKER-real-key\n', [pskPlaceholderKey]);
    assert.deepEqual(codes(findings), ['psk-placeholder-key']);
    assert.equal(findings[0].range.start.line, 0);
    noSecret(findings);
    assert.deepEqual(lint('racoon-psk', CLEAN, [pskPlaceholderKey]), []);
  });

  it('psk-malformed-entry fires on an identifier without key', () => {
    const [finding] = lint('racoon-psk', '10.0.0.1\n', [pskMalformedEntry]);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } });
    assert.deepEqual(lint('racoon-psk', CLEAN, [pskMalformedEntry]), []);
  });

  it('psk-bad-hex-key fires on odd or non-hex digits, without echoing the key', () => {
    const findings = lint('racoon-psk', '10.0.0.1 0xMARKER\n10.0.0.2 0xabc\n10.0.0.3 0x\n', [pskBadHexKey]);
    assert.deepEqual(findings.map((f) => f.message.match(/has an odd|not hex digits|no digits/)?.[0]), ['not hex digits', 'has an odd', 'no digits']);
    noSecret(findings);
    assert.deepEqual(lint('racoon-psk', '10.0.0.1 0x12 34\n', [pskBadHexKey]), []);
  });

  it('psk-trailing-whitespace fires on trailing blanks and carriage returns, and fixes the blanks', () => {
    const findings = lint('racoon-psk', '10.0.0.1 MARKER \t\n10.0.0.2 MARKER\r\n', [pskTrailingWhitespace]);
    assert.deepEqual(codes(findings), ['psk-trailing-whitespace', 'psk-trailing-whitespace']);
    assert.deepEqual(findings[0].range, { start: { line: 0, character: 15 }, end: { line: 0, character: 17 } });
    assert.equal(findings[0].fixes?.[0].edits[0].newText, '');
    noSecret(findings);
    assert.deepEqual(lint('racoon-psk', CLEAN, [pskTrailingWhitespace]), []);
  });

  it('psk-indented-entry fires on an indented entry, not on an indented comment', () => {
    const findings = lint('racoon-psk', '\t10.0.0.1 MARKER\n   # note\n', [pskIndentedEntry]);
    assert.deepEqual(codes(findings), ['psk-indented-entry']);
    assert.equal(findings[0].fixes?.[0].edits[0].newText, '');
    noSecret(findings);
    assert.deepEqual(lint('racoon-psk', CLEAN, [pskIndentedEntry]), []);
  });

  it('psk-shadowed-entry fires on a repeated identifier and on lines after *', () => {
    const findings = lint('racoon-psk', '10.0.0.1 MARKER\n10.0.0.1 MARKER2\n* MARKER3\n10.0.0.9 MARKER4\n', [pskShadowedEntry]);
    assert.deepEqual(findings.map((f) => f.range.start.line), [1, 3]);
    assert.match(findings[1].message, /`\*` entry on line 3/);
    assert.equal(findings[0].related?.[0].range.start.line, 0);
    noSecret(findings);
    assert.deepEqual(lint('racoon-psk', CLEAN, [pskShadowedEntry]), []);
  });
});
