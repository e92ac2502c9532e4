import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unexpectedText } from '../../../server/src/checks/ipsecConf/syntax';
import { lint } from '../../helpers';

const found = (dialect: string, body: string): string[] =>
  lint('ipsec', `${dialect ? `# ipsec-dialect: ${dialect}\n` : ''}${body}`, [unexpectedText]).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.severity} ${f.fixes?.[0]?.title}`);

describe('unexpected-text: a one-word comment after a statement (Libreswan 4.10 addconn: "syntax error [#x]")', () => {
  it('is an error for Libreswan and Openswan, on settings and on headers, with a fix that inserts the blank', () => {
    const body = 'conn a #primary\n\tleft=192.0.2.1 #x\n\tpfs=yes\t#\n\tright=198.51.100.1\n';
    assert.deepEqual(found('libreswan-4', body), ['1:7 error Write "# primary"', '2:16 error Write "# x"', '3:9 error Remove the lone "#"']);
    assert.deepEqual(found('libreswan-5', body).length, 3);
    assert.deepEqual(found('openswan', body).length, 3);
  });

  it('is nothing for strongSwan, whose lexer ends a word at "#", and a notice when the daemon is not known', () => {
    assert.deepEqual(found('strongswan', 'conn a\n\tleft=192.0.2.1 #x\n'), []);
    assert.deepEqual(found('', 'conn a\n\tleft=192.0.2.1 #x\n'), ['1:16 info Write "# x"']);
  });

  it('leaves the comments the lexer does read as comments alone', () => {
    const body = 'conn a # primary gateway\n\tleft=192.0.2.1 #x y\n\tleftid=@a #a=b\n\tright=198.51.100.1 #x \n#whole-line\n\t#indented\ninclude /etc/ipsec.d/*.conf #x\nversion 2.0 #x\n';
    assert.deepEqual(found('libreswan-4', body), []);
  });

  it('applies both fixes as the daemon needs them', () => {
    const text = '# ipsec-dialect: libreswan-4\nconn a\n\tleft=192.0.2.1 #x\n\tpfs=yes #\n';
    const edits = lint('ipsec', text, [unexpectedText]).flatMap((f) => f.fixes?.[0]?.edits ?? []);
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]), [
      [2, 17, 17, ' '],
      [3, 8, 10, ''],
    ]);
  });

  it('a "#" glued to a closing quote: the word runs on to the next blank and the next word is a keyword (addconn 4.10, 5.0, 5.4 and Openswan 2.6: "syntax error [old]")', () => {
    const body = 'conn a\n\tleftid="@a"# old\n\tleftsourceip="192.0.2.9"#\told\n\trightid="@b"# "old"\n';
    assert.deepEqual(found('libreswan-4', body), ['2:12 error Put a blank before "#"', '3:25 error Put a blank before "#"', '4:13 error Put a blank before "#"']);
    assert.deepEqual(found('libreswan-5.4', body).length, 3);
    assert.deepEqual(found('openswan', body).length, 3);
    assert.deepEqual(found('strongswan', body), []);
    assert.match(lint('ipsec', `# ipsec-dialect: libreswan-4\n${body}`, [unexpectedText])[0].message, /reads '"@a"#' as the value and "old" as another keyword, so the file does not load/);
  });

  it('removes a lone "#" glued to a closing quote, which a blank before it would not cure (found by the fuzzer)', () => {
    const text = '# ipsec-dialect: libreswan-4\nconn a\n\tleftid="@a"#\n\tright=192.0.2.2\n';
    const findings = lint('ipsec', text, [unexpectedText]);
    assert.deepEqual(findings.map((f) => f.fixes?.[0]?.title), ['Remove the lone "#"']);
    assert.match(findings[0].message, /: remove the lone "#"$/);
    const edit = findings[0].fixes?.[0]?.edits[0];
    assert.deepEqual(edit && [edit.range.start.line, edit.range.start.character, edit.range.end.character, edit.newText], [2, 12, 13, '']);
    assert.deepEqual(found('libreswan-4', 'conn a\n\tleftid="@a"\n\tright=192.0.2.2\n'), [], 'nothing is left to report once it is gone');
  });

  it('a "#" glued to a closing quote, per daemon: the value keeps the quotes, and a yes/no is scanned apart in Libreswan 4', () => {
    const setup = (dialect: string, value: string): string[] =>
      lint('ipsec', `# ipsec-dialect: ${dialect}\nconfig setup\n\tlogappend=${value}\nconn a\n\tleftsubnet="10.0.0.0/24"#old\n`, [unexpectedText]).map((f) => `${f.range.start.line} ${f.severity}`);
    // addconn 4.10: `"no"#old` is "syntax error [#old]", `"no"# old` loads; the subnet with its quotes is "bad subnet".
    assert.deepEqual(setup('libreswan-4.10', '"no"#old'), ['2 error', '4 error']);
    assert.deepEqual(setup('libreswan-4.10', '"no"# old'), ['4 error']);
    // 5.0: "invalid boolean, keyword ignored" and the file loads; 5.4: "error: invalid"; both stop at a word after a blank.
    assert.deepEqual(setup('libreswan-5.0', '"no"#old'), ['2 warning', '4 warning']);
    assert.deepEqual(setup('libreswan-5.4', '"no"#old'), ['2 error', '4 warning']);
    assert.deepEqual(setup('libreswan-5.0', '"no"# old'), ['2 error', '4 warning']);
  });

  it('after a quoted value with a blank in it, a one-word "#x" is a keyword (addconn 4.10 and Openswan 2.6: "syntax error [#x]")', () => {
    assert.deepEqual(found('libreswan-4.10', 'conn a\n\tleftid="@a b"#x\n\trightid="@c d"# e\n'), ['2:14 error Put a blank before "#"']);
    assert.deepEqual(found('openswan-2.6', 'conn a\n\tleftid="@a b"#x\n').length, 1);
    // Openswan's quoted number is bad-value's finding alone.
    assert.deepEqual(found('openswan-2.6', 'conn a\n\tkeyingtries="3"#c\n'), []);
  });

  it('a "#" glued to a closing brace runs on the same way (Openswan 2.6 and Libreswan 5.0: "syntax error")', () => {
    const body = 'conn a\n\tleftsubnets={10.0.0.0/24,10.0.1.0/24}# old\n\trightsubnets={10.1.0.0/24 10.1.1.0/24}# old\n';
    assert.deepEqual(found('openswan-2.6', body), ['2:38 error Put a blank before "#"']);
    assert.deepEqual(found('libreswan-5.0', body), ['2:38 error Put a blank before "#"']);
  });

  it('a "#" glued to a closing quote loads when nothing but a real comment follows, and for a yes/no key', () => {
    // addconn 4.10 loads each: the value is then `"@a"#old`; `# y` is a comment; pfs= is scanned as yes/no;
    // a quoted value with a blank in it is the longer match, so the `#` after it opens a comment (4.10 and 5.4).
    const body = 'conn a\n\tleftid="@a"#old\n\trightid="@b"#x # y\n\tpfs="yes"# old\n\tleftcert="a.pem" # old\n\tleftca="C=CA, O=Test"# old\n';
    // The IDs then carry the quotes and "#old" (a warning); the others read as meant.
    assert.deepEqual(found('libreswan-4', body), ['2:12 warning Put a blank before "#"', '3:13 warning Put a blank before "#"']);
  });
});
