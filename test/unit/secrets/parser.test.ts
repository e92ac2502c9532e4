import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretsMalformedEntry, secretsMissingSecret, secretsUnterminated } from '../../../server/src/checks/secrets/syntax';
import { outlineSecrets } from '../../../server/src/features/outline/secretsOutline';
import type { ParsedDocument } from '../../../server/src/model/document';
import { codes, lint, parse } from '../../helpers';

function secrets(text: string) {
  return parse('ipsec-secrets', text) as ParsedDocument<'ipsec-secrets'>;
}

describe('ipsec.secrets parser', () => {
  it('reads selectors, type and secret for PSK, RSA, XAUTH and PPKS entries', () => {
    const doc = secrets(': RSA vpn-server.key "pass phrase"\n@west @east : PSK "shared"\n@user : XAUTH "pw"\n10.1.0.1 10.2.0.1 : PPKS "PPK_ID_1" "key"\ninclude ipsec.*.secrets\n');
    const { entries, includes, problems } = doc.ast;
    assert.deepEqual(problems, []);
    assert.deepEqual(entries.map((e) => e.secretType?.text), ['RSA', 'PSK', 'XAUTH', 'PPKS']);
    assert.deepEqual(entries[1].selectors.map((s) => s.text), ['@west', '@east']);
    assert.deepEqual(entries[0].secretTokens.map((t) => t.text), ['vpn-server.key', 'pass phrase']);
    assert.equal(entries[3].secretTokens.length, 2);
    assert.equal(includes[0].path?.text, 'ipsec.*.secrets');
  });

  it('reads entries whose selectors continue on indented lines, and a word glued to its colon', () => {
    const doc = secrets('www.example.net @www.example.org\n\t10.6.0.1 10.7.0.1 : PSK "five"\nhost.example: RSA key.pem\n');
    assert.deepEqual(doc.ast.problems, []);
    assert.equal(doc.ast.entries[0].selectors.length, 4);
    assert.deepEqual(doc.ast.entries[1].selectors.map((s) => s.text), ['host.example']);
  });

  it('reads the old implicit-PSK form and an inline RSA key block', () => {
    const doc = secrets('a.example b.example: "old style"\n: RSA {\n\tModulus: 0xabc\n\t# comment\n\tPublicExponent: 0x03\n\t}\n');
    assert.deepEqual(doc.ast.problems, []);
    assert.equal(doc.ast.entries[0].secretType, undefined);
    assert.ok(doc.ast.entries[1].block);
  });

  it('reports incomplete entries and recovers at the next column-0 entry', () => {
    const text = '@lonely @selectors\n@a @b : PSK\n@c : PSK "ok"\n: RSA {\n\tModulus: 0x1\n';
    assert.deepEqual(codes(lint('ipsec-secrets', text, [secretsMalformedEntry])), ['secrets-malformed-entry']);
    assert.deepEqual(codes(lint('ipsec-secrets', text, [secretsMissingSecret])), ['secrets-missing-secret']);
    assert.deepEqual(codes(lint('ipsec-secrets', text, [secretsUnterminated])), ['secrets-unterminated']);
    assert.equal(secrets(text).ast.entries.length, 3);
  });

  it('no rule fires on a valid file', () => {
    assert.deepEqual(lint('ipsec-secrets', ': RSA key.pem\n@a @b : PSK "a-long-enough-random-key"\n'), []);
  });

  it('reports an unterminated quoted secret without echoing it', () => {
    const [finding] = lint('ipsec-secrets', '@a @b : PSK "MARKER-SECRET-123\n', [secretsUnterminated]);
    assert.equal(finding.code, 'secrets-unterminated');
    assert.doesNotMatch(finding.message, /MARKER-SECRET/);
  });

  it('outlines entries by selectors and type, never by secret', () => {
    const nodes = outlineSecrets(secrets('@a @b : PSK "MARKER-SECRET-123"\ninclude x.secrets\n'));
    assert.deepEqual(nodes.map((n) => n.name), ['@a @b : PSK', 'include x.secrets']);
    assert.doesNotMatch(JSON.stringify(nodes), /MARKER-SECRET/);
  });
});
