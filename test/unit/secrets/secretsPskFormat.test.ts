import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDocument } from '../../../server/src/checks/engine';
import { secretsPskFormat, unquotedSecretFault } from '../../../server/src/checks/secrets/secretsPskFormat';
import { secretType } from '../../../server/src/checks/secrets/secretType';
import { secretsMissingSecret } from '../../../server/src/checks/secrets/syntax';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import type { DialectGuess } from '../../../server/src/model/dialect';
import { lint, parse } from '../../helpers';

const LIBRESWAN = '# ipsec-dialect: libreswan-5\n';
const STRONGSWAN = '# ipsec-dialect: strongswan\n';
const KEY = 'nOtInAnYmEsSaGe0123456789';

const format = (text: string) => lint('ipsec-secrets', text, [secretsPskFormat]);
const summary = (text: string) => format(text).map((f) => `${f.severity} ${f.range.start.line}:${f.range.start.character}`);

// What pluto 4.10 and 5.4 logged for each form, reading the file at start.
describe('secrets-psk-format', () => {
  it('takes quoted secrets and data with a prefix that fits (0x hex with _, 0s base64, 0t text with blanks)', () => {
    for (const secret of [`"${KEY}"`, `'${KEY}'`, '0xab_cd_ef01', '0XABCDEF', '0sQUJD', '0tsome text with blanks']) {
      assert.deepEqual(format(`${LIBRESWAN}@a @b : PSK ${secret}\n@a @b : XAUTH ${secret}\n`), [], secret);
    }
    assert.deepEqual(format(`${LIBRESWAN}@a @b : PSK "${KEY}" # a comment\n`), []);
  });

  it('reports what makes Libreswan skip the entry: no quotes and no prefix, digits that do not fit, text after the secret', () => {
    const faults = {
      [KEY]: 'it is not quoted and has no 0x (hex), 0s (base64) or 0t (text) prefix ("PSK data malformed")',
      '0xzz': 'it starts with 0x but holds a character that is no hex digit ("PSK data malformed")',
      '0xabc': 'it has an odd number of hex digits, so its last byte is cut ("PSK data malformed")',
      '0sQUJ': 'its base64 is cut short (not a multiple of 4 characters) ("PSK data malformed")',
      '0s!!!!': 'it starts with 0s but holds a character that is not base64 ("PSK data malformed")',
      '0t': 'nothing follows its 0t ("PSK data malformed")',
      [`"${KEY}" "${KEY}"`]: 'more text follows the secret on its line ("expected record boundary in key")',
      [`"${KEY}" extra`]: 'more text follows the secret on its line ("expected record boundary in key")',
    };
    for (const [secret, why] of Object.entries(faults)) {
      const [finding, ...rest] = format(`${LIBRESWAN}@a @b : PSK ${secret}\n`);
      assert.equal(rest.length, 0, secret);
      assert.equal(finding.severity, 'error', secret);
      assert.equal(finding.message, `Libreswan 5 cannot read this secret and skips the entry: ${why}`, secret);
    }
    assert.equal(unquotedSecretFault('`backticks`'), 'it is not quoted and has no 0x (hex), 0s (base64) or 0t (text) prefix');
  });

  it('never repeats the secret, and the quick fix only adds the quotes around it', () => {
    const text = `${LIBRESWAN}@a @b : PSK ${KEY}\n`;
    const [finding] = format(text);
    assert.ok(!finding.message.includes(KEY));
    const fix = finding.fixes?.[0];
    assert.ok(fix?.edits.every((edit) => !edit.newText.includes(KEY)));
    assert.equal(applyEdits(parse('ipsec-secrets', text).source, fix?.edits ?? []), `${LIBRESWAN}@a @b : PSK "${KEY}"\n`);
    // A prefixed secret is data: quoting it would change the key, so no fix.
    assert.deepEqual(format(`${LIBRESWAN}@a @b : PSK 0xabc\n`)[0].fixes, []);
  });

  it('strongSwan takes an unquoted secret as it is and ignores what follows it; unsure of the daemon, a notice', () => {
    assert.deepEqual(format(`${STRONGSWAN}@a @b : PSK ${KEY}\n@c : PSK "${KEY}" extra\n`), []);
    assert.deepEqual(summary(`@a @b : PSK ${KEY}\n`), ['info 0:12']);
    assert.match(format(`@a @b : PSK ${KEY}\n`)[0].message, /^Openswan and Libreswan cannot read this secret and skip the entry: .*; strongSwan reads it$/);
  });
});

describe('secrets-missing-secret: a colon with nothing after it', () => {
  const missing = (text: string, dialect?: DialectGuess) => checkDocument(parse('ipsec-secrets', text), { only: [secretsMissingSecret], context: { dialect } }).map((f) => f.message);

  it("says that Libreswan's pluto crashes on it (seen with 4.10 and 5.0 to 5.4), for Libreswan and unknown daemons", () => {
    assert.deepEqual(missing(`${LIBRESWAN}@a @b :\n@c : PSK "${KEY}"\n`), [`nothing follows ":": write a type and a secret, e.g. : PSK "…" (Libreswan's pluto crashes reading it, which takes down every tunnel of the gateway)`]);
    assert.match(missing('@a @b :\n')[0], /crashes/);
    assert.deepEqual(missing(`${STRONGSWAN}@a @b :\n`), ['nothing follows ":": write a type and a secret, e.g. : PSK "…" (strongSwan stops reading the file here, and loads no entry after it)']);
    // A PSK without its secret is logged and skipped, not a crash.
    assert.doesNotMatch(missing(`${LIBRESWAN}@a @b : PSK\n`)[0], /crashes/);
    const libreswan3: DialectGuess = { choice: { dialect: 'libreswan', source: 'comment', reason: 'pinned', olderRelease: '3.25' }, plausible: ['libreswan'] };
    assert.doesNotMatch(missing('@a @b :\n', libreswan3)[0], /crashes/);
  });
});

describe('secrets-missing-secret: the secret on an indented line below its type', () => {
  const missing = (text: string) => lint('ipsec-secrets', text, [secretsMissingSecret]).map((f) => `${f.severity}: ${f.message}`);
  const continued = `@a @b : PSK\n\t"${KEY}"\n`;

  it('Libreswan reads it as part of the entry (seen with pluto 4.10 and 5.2): nothing to report', () => {
    assert.deepEqual(missing(LIBRESWAN + continued), []);
    const document = parse('ipsec-secrets', continued);
    assert.equal(document.kind === 'ipsec-secrets' ? document.ast.entries[0].secretTokens.length : 0, 1);
  });

  it('strongSwan stops reading the file there: an error, and a notice while the daemon is not known', () => {
    assert.deepEqual(missing(STRONGSWAN + continued), ['error: PSK has no secret on its line: strongSwan does not carry an entry on to the next line, so it stops reading the file here; write the secret after PSK']);
    assert.match(missing(continued)[0], /^info: .*; Openswan and Libreswan read it from the indented line$/);
    assert.ok(!missing(continued)[0].includes(KEY));
  });
});

describe("secret-type: Openswan's old entry without a type", () => {
  const typeless = (text: string, dialect?: DialectGuess) => checkDocument(parse('ipsec-secrets', text), { only: [secretType], context: { dialect } });

  it('Libreswan (from 3.9) skips it and strongSwan stops reading there: an error with a fix that writes PSK', () => {
    const text = `${LIBRESWAN}%any : "${KEY}"\n`;
    const [finding] = typeless(text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, "this entry names no type (Openswan's old form of a PSK entry): Libreswan 5 skips it; write PSK before the secret");
    assert.equal(applyEdits(parse('ipsec-secrets', text).source, finding.fixes?.[0].edits ?? []), `${LIBRESWAN}%any : PSK "${KEY}"\n`);
    assert.match(typeless(`${STRONGSWAN}%any : "${KEY}"\n`)[0].message, /strongSwan stops reading the file here/);
  });

  it('Openswan reads it, and so did Libreswan before 3.9: silent there, a notice while the daemon is unknown', () => {
    assert.deepEqual(typeless(`# ipsec-dialect: openswan\n%any : "${KEY}"\n`), []);
    const libreswan35: DialectGuess = { choice: { dialect: 'libreswan', source: 'comment', reason: 'pinned', olderRelease: '3.5' }, plausible: ['libreswan'] };
    assert.deepEqual(typeless(`%any : "${KEY}"\n`, libreswan35), []);
    assert.equal(typeless(`%any : "${KEY}"\n`)[0].severity, 'info');
  });
});
