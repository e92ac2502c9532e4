import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretsIndentedEntry } from '../../../server/src/checks/secrets/secretsIndentedEntry';
import { lint } from '../../helpers';

const LIBRESWAN = '# ipsec-dialect: libreswan-4\n';
const found = (text: string) => lint('ipsec-secrets', text, [secretsIndentedEntry]).map((f) => `${f.severity} ${f.range.start.line}: ${f.message}`);

// pluto 4.10 and 5.2: "expected record boundary in key" for the entry above an indented one, "file
// starts with indentation (continuation notation)" for an indented first entry; charon 5.9.8 loads both.
describe('secrets-indented-entry', () => {
  it('an indented entry is read as part of the one above, and both are skipped, blank lines between or not', () => {
    for (const gap of ['', '\n', '\n# a comment\n']) {
      const text = `${LIBRESWAN}@a : PSK "test-secret-a"\n${gap}  @b : PSK "test-secret-b"\n`;
      const [finding, ...rest] = lint('ipsec-secrets', text, [secretsIndentedEntry]);
      assert.equal(rest.length, 0);
      assert.equal(finding.severity, 'error');
      assert.equal(finding.message, 'this entry starts on an indented line: Libreswan 4 reads it as part of the entry above, and skips both ("expected record boundary in key"); start it in column 0');
      assert.equal(finding.related?.[0].range.start.line, 1);
    }
  });

  it('at the start of the file the entry is skipped', () => {
    assert.deepEqual(found(`${LIBRESWAN}\t@a : PSK "test-secret-a"\n`), ['error 1: this entry starts on an indented line: Libreswan 4 skips it, since the file starts indented; start it in column 0']);
  });

  it('selectors carried on to an indented line, and a key block, are no indented entry', () => {
    assert.deepEqual(found(`${LIBRESWAN}@a @b\n\t@c : PSK "test-secret-a"\n: RSA {\n\tModulus: 0x00\n\t}\n`), []);
  });

  it('strongSwan reads each line on its own: nothing for it, a notice while the daemon is not known', () => {
    const text = '@a : PSK "test-secret-a"\n  @b : PSK "test-secret-b"\n';
    assert.deepEqual(found(`# ipsec-dialect: strongswan\n${text}`), []);
    assert.match(found(text)[0], /^info 1: .*; strongSwan reads it as an entry of its own$/);
  });
});
