import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlfLineEndings } from '../../../server/src/checks/common/crlfLineEndings';
import { setkeyRules } from '../../../server/src/checks/setkey';
import { setkeyAlgorithmMismatch } from '../../../server/src/checks/setkey/algorithmMismatch';
import { setkeyBadAddress } from '../../../server/src/checks/setkey/badAddress';
import { setkeyBadSpi } from '../../../server/src/checks/setkey/badSpi';
import { setkeyTunnelNeedsEndpoints } from '../../../server/src/checks/setkey/tunnelNeedsEndpoints';
import type { ParsedDocument } from '../../../server/src/model/document';
import { lint, parse } from '../../helpers';

// Cases `setkey -n -f` (ipsec-tools, with PF_KEY answered like stock Linux) loads, found by running
// mutated and hand-written files through it and through ipsec-lint.
describe('what setkey itself lets through', () => {
  it('an SPI over 32 bits is cut to its low 32 bits, not refused: warning', () => {
    const found = lint('setkey', 'add 10.0.0.1 10.0.0.2 esp 0x100000000 -E null;\nadd 10.0.0.1 10.0.0.2 esp 99999999999 -E null;\n', [setkeyBadSpi]);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning']);
    assert.match(found[0].message, /keeps only the low 32 bits/);
  });

  it('a port over 65535 wraps around in getaddrinfo: warning; a prefix too long is refused by the kernel: error', () => {
    const found = lint('setkey', 'spdadd 10.0.0.1[65536] 10.0.0.2 any -P out none;\nspdadd 10.0.0.1/33 10.0.0.2 any -P out none;\n', [setkeyBadAddress]);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'error']);
    assert.match(found[0].message, /reads it as port 0/);
    assert.match(found[1].message, /the kernel refuses the policy/);
  });

  it('a carriage return at the end of a comment is part of the comment', () => {
    assert.deepEqual(lint('setkey', 'flush;\t# old\r\n# note\r\nspdflush;\n', [crlfLineEndings]), []);
    assert.deepEqual(lint('setkey', 'flush;\r\nspdflush; # x\r\n', [crlfLineEndings]).map((f) => f.message), ['1 line(s) end in CRLF; the daemon reads the carriage return as part of each line and rejects the file or its values: convert it to LF line endings']);
    assert.deepEqual(lint('ipsec', 'conn a\n\tauto=add # x\r\n', [crlfLineEndings]).length, 1, 'only setkey reads it so');
  });

  it('what setkey refuses of the algorithm mismatches is an error ("algorithm mismatched", "replay prevention cannot be used")', () => {
    const found = lint('setkey', 'add 10.0.0.1 10.0.0.2 esp 0x1001 -E des-32iv 0x0011223344556677;\nadd 10.0.0.1 10.0.0.2 esp-old 0x1002 -r 4 -E des-cbc 0x0011223344556677;\n', [setkeyAlgorithmMismatch]);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error']);
  });

  it('an empty statement is a syntax error to setkey', () => {
    assert.deepEqual(lint('setkey', 'flush;;\nspdflush;\n', setkeyRules).map((f) => `${f.code} ${f.severity}`), ['setkey-syntax error']);
  });

  it('me-any in tunnel mode names no endpoint: rule_check refuses it', () => {
    const found = lint('setkey', 'spdadd 10.0.0.0/24 10.0.1.0/24 any -P out ipsec esp/tunnel/me-any/require;\nspdadd 10.0.0.1 10.0.1.1 any -P out ipsec esp/transport/me-any/require;\n', [setkeyTunnelNeedsEndpoints]);
    assert.deepEqual(found.map((f) => `${f.range.start.line} ${f.severity}`), ['0 error']);
  });

  it('a bare number or 0x number is no address to setkey\'s lexer: syntax error', () => {
    const found = lint('setkey', 'spdadd 0/0 10.0.0.1 any -P out none;\nspdadd 0x0a000001 10.0.0.1 any -P out none;\nspdadd 0.0.0.0/0 10.0.0.1 any -P out none;\n', [setkeyBadAddress]);
    assert.deepEqual(found.map((f) => `${f.range.start.line} ${f.severity}`), ['0 error', '1 error']);
  });

  it('blanks inside the port brackets are skipped like anywhere else', () => {
    assert.deepEqual(lint('setkey', 'spdadd 10.0.0.1[ 80 ] 10.0.0.2 any -P out none;\nspdadd 10.0.0.3 [80] 10.0.0.4[ any ] any -P out none;\n', setkeyRules), []);
    assert.deepEqual(lint('setkey', 'spdadd 10.0.0.1[ 80 10.0.0.2 any -P out none;\n', [setkeyBadAddress]).length, 1);
  });

  it('nothing after exit; is read (parse.y: YYACCEPT)', () => {
    assert.deepEqual(lint('setkey', 'flush;\nexit;\nthis is no setkey at all\n', setkeyRules), []);
    assert.deepEqual(lint('setkey', 'flush;\nthis is no setkey at all;\nexit;\n', setkeyRules).map((f) => f.code), ['setkey-unknown-command']);
  });

  it('libipsec skips blanks between the tokens of a request, around "-" and "/" too', () => {
    const text = [
      'spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/tunnel/10.1.1.1 - 10.2.2.2/require;',
      'spdadd 10.0.0.3 10.0.0.4 any -P out ipsec esp/tunnel/10.1.1.1 -10.2.2.2/require;',
      'spdadd 10.0.0.5 10.0.0.6 any -P out ipsec esp/tunnel/10.1.1.1- 10.2.2.2/require;',
      'spdadd 10.0.0.7 10.0.0.8 any -P out ipsec esp / tunnel / 10.1.1.1 - 10.2.2.2 / require;',
      'spdadd 10.0.1.1 10.0.1.2 any -P out ipsec esp/tunnel/10.1.1.1 -',
      '  10.2.2.2/require;',
      'spdadd 10.0.1.3 10.0.1.4 any -P out ipsec esp/tunnel/10.1.1.1 [500] - 10.2.2.2 [500]/require;',
      'spdadd 10.0.1.5 10.0.1.6 any -P out ipsec esp/transport/me - any/require;',
      'spdadd 10.0.1.7 10.0.1.8 any -P out ipsec esp/transport/ ah/tunnel/10.1.1.1 - 10.2.2.2/ unique:3;',
      '',
    ].join('\n');
    assert.deepEqual(lint('setkey', text, setkeyRules), []);
    const { ast, source } = parse('setkey', text) as ParsedDocument<'setkey'>;
    const requests = ast.statements.map((s) => s.policy?.requests.map((r) => `${r.protocol}/${r.mode}/${r.endpoints}/${r.level}`).join(' '));
    assert.deepEqual(requests.slice(0, 4), Array(4).fill('esp/tunnel/10.1.1.1-10.2.2.2/require'));
    assert.equal(requests[7], 'esp/transport// ah/tunnel/10.1.1.1-10.2.2.2/unique:3');
    const [spaced] = ast.statements[5].policy?.requests ?? [];
    assert.deepEqual([source.slice(spaced.tunnelSource!.span), source.slice(spaced.tunnelSource!.port!.span), source.slice(spaced.tunnelDestination!.span)], ['10.1.1.1 [500]', '500', '10.2.2.2 [500]']);
  });

  it('a blank still separates two requests where no "/" or "-" joins them: setkey refuses these', () => {
    const text = 'spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/tunnel/10.1.1.1 10.2.2.2/require;\nspdadd 10.0.0.3 10.0.0.4 any -P out ipsec esp/tunnel/10.1.1.1 - - 10.2.2.2/require;\n';
    assert.deepEqual(lint('setkey', text, setkeyRules).map((f) => `${f.range.start.line} ${f.code} ${f.severity}`), ['0 setkey-bad-request error', '0 setkey-bad-request error', '1 setkey-bad-request error']);
    const tunnel = lint('setkey', 'spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/tunnel/me - any/require;\n', setkeyRules);
    assert.deepEqual(tunnel.map((f) => `${f.code} ${f.severity}`), ['setkey-tunnel-needs-endpoints error']);
  });
});
