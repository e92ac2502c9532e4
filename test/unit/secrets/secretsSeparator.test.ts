import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretsSeparator } from '../../../server/src/checks/secrets/secretsSeparator';
import { secretsMalformedEntry } from '../../../server/src/checks/secrets/syntax';
import { strongswanHangsOn } from '../../../server/src/checks/secrets/strongswanHang';
import { lint } from '../../helpers';

const STRONGSWAN = '# ipsec-dialect: strongswan\n';
const LIBRESWAN = '# ipsec-dialect: libreswan\n';

const separator = (text: string) => lint('ipsec-secrets', text, [secretsSeparator]).map((f) => ({ severity: f.severity, line: f.range.start.line, character: f.range.start.character, message: f.message }));
const braces = (text: string) => lint('ipsec-secrets', text, [secretsMalformedEntry]).map((f) => `${f.severity}: ${f.message}`);

// Seen with Debian's charon 5.9.8: "line 3: missing ' : ' separator" after loading the first two
// secrets, and no later one; the same at a tab beside the colon and at an entry carried on to the
// next line; "loaded IKE secret for %any {VPN_REMOTE}" for braces in the IDs.
describe('secrets-separator', () => {
  it("reports the first line strongSwan cannot split at ' : ', where it stops reading the file (stroke_cred.c: \"missing ' : ' separator\")", () => {
    const text = `${STRONGSWAN}: PSK "aaaaaaaaaaaaaaaaaaaa"\nYour_Account: EAP "bbbbbbbb"\ncarol@example.org:EAP "cccccccc"\n`;
    const found = separator(text);
    assert.equal(found.length, 1);
    assert.deepEqual([found[0].severity, found[0].line, found[0].character], ['error', 2, 12]);
    assert.match(found[0].message, /strongSwan stops reading the file here .*this entry and every one after it are not loaded$/);
    assert.ok(!found[0].message.includes('bbbbbbbb'));
  });

  it('takes a tab beside the colon, or an entry carried on to the next line, as strongSwan does: no split', () => {
    assert.deepEqual(separator(`${STRONGSWAN}@west\t:\tPSK "aaaaaaaaaaaaaaaaaaaa"\n`).map((f) => f.line), [1]);
    assert.deepEqual(separator(`${STRONGSWAN}@west @east :\n\tPSK "aaaaaaaaaaaaaaaaaaaa"\n`).map((f) => f.line), [1]);
  });

  it('passes what strongSwan reads: " : ", a line starting with ": ", include lines, comments and blank lines', () => {
    const text = `${STRONGSWAN}\n  # a comment\ninclude /var/lib/strongswan/ipsec.secrets.inc\n: RSA server.pem\n%any @vpn.example : PSK "aaaaaaaaaaaaaaaaaaaa"\n  carol : EAP "bbbbbbbb"\n`;
    assert.deepEqual(separator(text), []);
  });

  it('leaves a line that starts no entry to secrets-malformed-entry, which every daemon refuses', () => {
    assert.deepEqual(separator(`${STRONGSWAN}just some words\nYour_Account: EAP "bbbbbbbb"\n`), []);
  });

  it('is silent for Libreswan and Openswan, which read a colon glued to the ID, and a notice when the daemon is not known', () => {
    assert.deepEqual(separator(`${LIBRESWAN}@west: PSK "aaaaaaaaaaaaaaaaaaaa"\n`), []);
    const [notice] = separator('@west: PSK "aaaaaaaaaaaaaaaaaaaa"\n');
    assert.equal(notice.severity, 'info');
    assert.match(notice.message, /\((Openswan and Libreswan|Libreswan and Openswan) read it\)$/);
  });
});

// Seen with Libreswan 4.10's pluto: "index "}" ... name lookup failed" for a lone brace among the
// selectors (the entry kept without it), "expected record boundary in key" for one after the secret
// (the entry dropped), and "index "{e}" ..." for braces inside a word, which is one token.
describe('secrets-separator: include followed by a tab', () => {
  it('strongSwan takes include only with a space after it (seen with charon 5.9.8: "missing \' : \' separator")', () => {
    const found = separator(`${STRONGSWAN}include\t/etc/ipsec.d/*.secrets\n: PSK "aaaaaaaaaaaaaaaaaaaa"\n`);
    assert.deepEqual(found.map((f) => [f.severity, f.line, f.character]), [['error', 1, 0]]);
    assert.match(found[0].message, /^strongSwan takes include only with a space after it: with a tab it reads the line as an entry and stops reading the file here/);
    assert.deepEqual(separator(`${STRONGSWAN}include /etc/ipsec.d/*.secrets\n`), []);
    assert.deepEqual(separator(`${LIBRESWAN}include\t/etc/ipsec.d/*.secrets\n`), []);
  });
});

describe('secrets-malformed-entry: braces outside a key block', () => {
  const placeholder = '%any {VPN_REMOTE_SERVER} : PSK "aaaaaaaaaaaaaaaaaaaa"\n';
  const loneBraces = '@west } : PSK "aaaaaaaaaaaaaaaaaaaa"\n@east : PSK "bbbbbbbbbbbbbbbbbbbb" }\n';

  it('a brace inside a word is part of the word for every daemon: a placeholder a script fills in, a key file named after $HOST', () => {
    for (const dialect of [STRONGSWAN, LIBRESWAN, '']) {
      assert.deepEqual(braces(dialect + placeholder), [], dialect);
      assert.deepEqual(braces(`${dialect}: RSA \${HOSTNAME}-key.pem\n`), [], dialect);
    }
  });

  it('strongSwan reads a lone brace as part of the IDs, or ignores it after the secret: nothing to report', () => {
    assert.deepEqual(braces(STRONGSWAN + loneBraces), []);
  });

  it('Libreswan and Openswan leave a lone brace among the selectors out of the entry (a warning) and drop an entry it follows (an error)', () => {
    assert.deepEqual(braces(LIBRESWAN + loneBraces), [
      'warning: "}" outside a ": RSA { … }" block: Libreswan takes it for an ID, logs an error and leaves it out of the entry',
      'error: "}" outside a ": RSA { … }" block: Libreswan drops this entry, since its line goes on after the secret ("expected record boundary in key")',
    ]);
    const unsure = braces(loneBraces);
    assert.equal(unsure.length, 2);
    assert.match(unsure[0], /^info: .* leave it out of the entry; strongSwan reads it as part of the ID$/);
    assert.match(unsure[1], /^info: .* drop this entry, .*; strongSwan ignores what follows the secret$/);
  });
});

describe('a # word among the IDs: charon loops forever reading the file', () => {
  const malformed = (text: string) => lint('ipsec-secrets', text, [secretsMalformedEntry]).map((f) => f.message);

  it('strongSwan hangs where the line goes on to " : " and a shared secret (seen with charon 5.9.8); Libreswan reads the # as a comment', () => {
    const line = '@a # office : PSK "aaaaaaaaaaaaaaaaaaaa"\n';
    assert.match(malformed(STRONGSWAN + line)[0], /^these selectors are not followed by ": TYPE secret": finish the entry or remove the line \(strongSwan hangs here: charon loops forever on an ID that starts with #/);
    assert.doesNotMatch(malformed(LIBRESWAN + line)[0], /strongSwan/);
    assert.equal(strongswanHangsOn(line), true);
    for (const safe of ['@a @b : PSK "x" # a comment', '# @a # b : PSK "x"', '@a # b : RSA key.pem', '@a # b : PSK', '@a #b', '@a@b#c : PSK "x"']) assert.equal(strongswanHangsOn(safe), false, safe);
    assert.equal(strongswanHangsOn('192.0.2.1\t#office : XAUTH "x"'), true);
  });
});
