import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { setkeyBadAddress } from '../../../server/src/checks/setkey/badAddress';
import { setkeyBadKeyLength } from '../../../server/src/checks/setkey/badKeyLength';
import { setkeyBadRequest } from '../../../server/src/checks/setkey/badRequest';
import { setkeyMissingSemicolon, setkeySyntax, setkeyUnknownCommand, setkeyUnterminatedString } from '../../../server/src/checks/setkey/syntax';
import { outlineSetkey } from '../../../server/src/features/outline/setkeyOutline';
import type { ParsedDocument } from '../../../server/src/model/document';
import { codes, fixturePath, lint, parse } from '../../helpers';

const doc = (text: string) => parse('setkey', text) as ParsedDocument<'setkey'>;
const CLEAN = '#!/sbin/setkey -f\nflush;\nspdflush;\nspdadd 10.1.0.0/16 10.2.0.0/16 any\n\t-P out ipsec esp/tunnel/192.0.2.1-198.51.100.1/require;\nadd 192.0.2.1 198.51.100.1 esp 0x1000 -m tunnel\n\t-E 3des-cbc 0x0123456789abcdef0123456789abcdef0123456789abcdef\n\t-A hmac-sha1 "twenty bytes of key!";\nspddelete 10.1.0.0/16 10.2.0.0/16 any -P out;\n';

describe('setkey parser', () => {
  it('reads statements across lines with their policy, keeping the shebang', () => {
    const { ast, source } = doc(CLEAN);
    assert.deepEqual(ast.problems, []);
    assert.deepEqual(ast.statements.map((s) => s.command.text), ['flush', 'spdflush', 'spdadd', 'add', 'spddelete']);
    const policy = ast.statements[2].policy;
    assert.equal(policy?.direction?.text, 'out');
    assert.deepEqual(policy?.requests.map((r) => [r.protocol, r.mode, r.endpoints, r.level]), [['esp', 'tunnel', '192.0.2.1-198.51.100.1', 'require']]);
    assert.equal(source.slice(ast.shebang!), '#!/sbin/setkey -f');
  });

  it('reports a missing ; at the end of the open statement and goes on', () => {
    const { ast, source } = doc('spdadd 10.0.0.1 10.0.0.2 any -P out none\nspdadd 10.0.0.2 10.0.0.1 any -P in none;\nbogus 1 2;\n');
    assert.deepEqual(ast.problems.map((p) => [p.code, source.slice(p.span)]), [['setkey-missing-semicolon', 'none'], ['setkey-unknown-command', 'bogus']]);
    assert.equal(ast.statements.length, 3);
  });

  it('never throws on hostile input', () => {
    for (const text of ['', ';', '"', '-P', 'spdadd', 'spdadd ;', 'add -E', '#!', 'spdadd a b c -P', 'spdadd a b c -P out ipsec ///;']) assert.doesNotThrow(() => lint('setkey', text));
  });
});

describe('setkey rules', () => {
  it('a clean file has no findings', () => assert.deepEqual(lint('setkey', CLEAN), []));

  it('syntax rules fire on their own problems only', () => {
    assert.deepEqual(codes(lint('setkey', 'flush\nspdflush;\n', [setkeyMissingSemicolon])), ['setkey-missing-semicolon']);
    assert.deepEqual(codes(lint('setkey', 'setkey -c;\n', [setkeyUnknownCommand])), ['setkey-unknown-command']);
    assert.deepEqual(codes(lint('setkey', 'spdadd 10.0.0.1 10.0.0.2 any;\nadd 10.0.0.1;\n', [setkeySyntax])), ['setkey-syntax', 'setkey-syntax']);
    assert.deepEqual(codes(lint('setkey', 'add 1.2.3.4 1.2.3.5 esp 1 -E des-cbc "abc;\n', [setkeyUnterminatedString])), ['setkey-unterminated-string']);
    for (const rule of [setkeyMissingSemicolon, setkeyUnknownCommand, setkeySyntax, setkeyUnterminatedString]) assert.deepEqual(lint('setkey', CLEAN, [rule]), []);
  });

  it('setkey-bad-address fires on impossible addresses and prefixes', () => {
    const text = 'spdadd 192.0.2.300 10.0.0.0/33 any -P out none;\nspdadd 2001:db8::/129 host.example any -P out none;\n';
    assert.deepEqual(codes(lint('setkey', text, [setkeyBadAddress])), ['setkey-bad-address', 'setkey-bad-address', 'setkey-bad-address']);
    assert.deepEqual(lint('setkey', CLEAN, [setkeyBadAddress]), []);
  });

  it('setkey-bad-request fires on a tunnel without endpoints, a bad level, mode or protocol', () => {
    const text = 'spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/tunnel//require esp/transport//always ah/tunel//use foo/transport//use;\n';
    assert.equal(lint('setkey', text, [setkeyBadRequest]).length, 4);
    assert.deepEqual(lint('setkey', 'spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//unique:3 ah/transport//default;\n', [setkeyBadRequest]), []);
  });

  it('setkey-bad-key-length fires when a key does not fit its algorithm, and never shows the key', () => {
    const [finding] = lint('setkey', 'add 1.2.3.4 1.2.3.5 esp 0x10 -E 3des-cbc 0x0123456789abcdef;\n', [setkeyBadKeyLength]);
    assert.equal(finding.code, 'setkey-bad-key-length');
    assert.match(finding.message, /3des-cbc takes a key of 192 bits, but this key has 64/);
    assert.doesNotMatch(finding.message, /0123456789abcdef/);
    assert.deepEqual(lint('setkey', CLEAN, [setkeyBadKeyLength]), []);
  });

  it('outlines statements by what they do', () => {
    assert.deepEqual(outlineSetkey(doc(CLEAN)).map((n) => n.name), ['flush', 'spdflush', 'spdadd 10.1.0.0/16 → 10.2.0.0/16 out', 'add 192.0.2.1 198.51.100.1 esp', 'spddelete 10.1.0.0/16 → 10.2.0.0/16 out']);
  });
});

describe('setkey examples from the seeds', () => {
  const dir = fixturePath('seeds', 'setkey');
  for (const name of readdirSync(dir).filter((n) => n !== 'README.md')) {
    it(`${name} reports only the mistakes the seed contains`, () => {
      const expected = name.includes('placeholders') ? ['setkey-bad-address', 'setkey-bad-address', 'setkey-bad-address', 'setkey-bad-address'] : [];
      assert.deepEqual(codes(lint('setkey', readFileSync(`${dir}/${name}`, 'utf8'))), expected);
    });
  }
});
