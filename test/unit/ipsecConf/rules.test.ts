import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlfLineEndings } from '../../../server/src/checks/common/crlfLineEndings';
import { lookalikeWhitespace } from '../../../server/src/checks/common/lookalikeWhitespace';
import { columnZeroKey } from '../../../server/src/checks/ipsecConf/columnZeroKey';
import { duplicateKey } from '../../../server/src/checks/ipsecConf/duplicateKey';
import { duplicateSection } from '../../../server/src/checks/ipsecConf/duplicateSection';
import { indentedHeader } from '../../../server/src/checks/ipsecConf/indentedHeader';
import { mixedIndentation } from '../../../server/src/checks/ipsecConf/mixedIndentation';
import { badHeader, missingEquals, unexpectedText, unterminatedQuote } from '../../../server/src/checks/ipsecConf/syntax';
import { checkDocument } from '../../../server/src/checks/engine';
import { codes, lint, parse } from '../../helpers';

const CLEAN = 'config setup\n\tprotostack=netkey\n\nconn %default\n\tauthby=rsasig\n\nconn dk\n\tright=192.0.2.7\n\tauto=add\n';

describe('ipsec.conf layout and syntax rules', () => {
  it('a clean file has no findings at all', () => {
    assert.deepEqual(lint('ipsec', CLEAN), []);
  });

  it('column-zero-key fires on an unindented setting and offers a tab', () => {
    const [finding] = lint('ipsec', 'conn dk\n\tright=192.0.2.7\nauto=add\n', [columnZeroKey]);
    assert.equal(finding.code, 'column-zero-key');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
    assert.equal(finding.fixes?.[0].edits[0].newText, '\t');
    assert.deepEqual(lint('ipsec', CLEAN, [columnZeroKey]), []);
  });

  it('indented-header fires on indented conn and include, not on settings', () => {
    const findings = lint('ipsec', 'conn a\n\tleft=1.2.3.4\n  conn b\n\tright=1.2.3.5\n\tinclude x.conf\n', [indentedHeader]);
    assert.deepEqual(codes(findings), ['indented-header', 'indented-header']);
    assert.deepEqual(findings[0].fixes?.[0].edits[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    assert.deepEqual(lint('ipsec', CLEAN, [indentedHeader]), []);
  });

  it('nonascii-whitespace fires on no-break-space indentation and not in comments or quotes', () => {
    const findings = lint('ipsec', 'conn a\n\u00a0\u00a0left=1.2.3.4\n\tleftid="a\u00a0b" # x\u00a0y\n', [lookalikeWhitespace]);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /no-break space/);
    assert.deepEqual(findings[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
    assert.deepEqual(lint('ipsec', CLEAN, [lookalikeWhitespace]), []);
  });

  it('nonascii-whitespace offers its fix for fix-all only where a space cannot split a value', () => {
    const preferred = (text: string) => lint('ipsec', text, [lookalikeWhitespace]).map((f) => f.fixes?.[0]?.preferred);
    assert.deepEqual(preferred('conn a\n\u00a0left=192.0.2.1\n'), [true], 'indentation');
    assert.deepEqual(preferred('conn a\n\tleft=\u00a0192.0.2.1\n'), [true], 'after "="');
    assert.deepEqual(preferred('conn a\n\tleftid=@a\u00a0b\n'), [false], 'inside an unquoted value');
  });

  it('nonascii-whitespace fires on a byte order mark, which both daemons reject', () => {
    assert.deepEqual(codes(lint('ipsec', '\ufeffconn a\n\tleft=1.2.3.4\n', [lookalikeWhitespace])), ['nonascii-whitespace']);
  });

  it('nonascii-whitespace deletes a zero-width space or a byte order mark instead of putting a blank there', () => {
    const fixOf = (text: string) => lint('ipsec', text, [lookalikeWhitespace]).map((f) => [f.message.replace(/:.*/, ''), f.fixes?.[0]?.edits[0].newText, f.fixes?.[0]?.preferred]);
    // A header behind a BOM would become an indented header, a keyword with a space inside two words.
    assert.deepEqual(fixOf('\ufeffconn a\n\tri\u200bght=1.2.3.4\n'), [
      ['byte order mark (U+FEFF) takes no room on screen, but the daemon reads it as part of the text', '', true],
      ['zero-width space (U+200B) takes no room on screen, but the daemon reads it as part of the text', '', true],
    ]);
    // Mixed with a blank that shows, the run is still replaced by one.
    assert.deepEqual(fixOf('conn a\n\u00a0\u200bleft=1.2.3.4\n').map((f) => f[1]), ['\t']);
  });

  it('crlf-line-endings fires once per file and its fix converts every line', () => {
    const findings = lint('ipsec', 'conn a\r\n\tleft=1.2.3.4\r\n', [crlfLineEndings]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].fixes?.[0].edits.length, 2);
    assert.deepEqual(lint('ipsec', CLEAN, [crlfLineEndings]), []);
  });

  it('crlf-line-endings leaves ipsec.secrets alone, whose readers drop a carriage return before the newline (charon 5.9.8, pluto 4.10), but not a lone one', () => {
    assert.deepEqual(lint('ipsec-secrets', '# keys\r\n@a @b : PSK 0x61626364\r\n', [crlfLineEndings]), []);
    assert.equal(lint('ipsec-secrets', '@a : PSK "k"\r@b : PSK "k"\n', [crlfLineEndings]).length, 1);
  });

  it('mixed-indentation is off by default and fires when enabled', () => {
    const text = 'conn a\n\tleft=1.2.3.4\n    right=1.2.3.5\n';
    assert.deepEqual(lint('ipsec', text, [mixedIndentation]), []);
    const findings = checkDocument(parse('ipsec', text), { only: [mixedIndentation], rules: { 'mixed-indentation': 'hint' } });
    assert.deepEqual(codes(findings), ['mixed-indentation']);
    assert.equal(findings[0].severity, 'hint');
    assert.deepEqual(checkDocument(parse('ipsec', CLEAN), { only: [mixedIndentation], rules: { 'mixed-indentation': 'hint' } }), []);
  });

  it('duplicate-key fires on a repeated key but not on repeated also=', () => {
    const findings = lint('ipsec', 'conn a\n\tleft=1.2.3.4\n\tleft=1.2.3.5\n\talso=x\n\talso=y\n', [duplicateKey]);
    assert.deepEqual(codes(findings), ['duplicate-key']);
    assert.equal(findings[0].related?.[0].range.start.line, 1);
    assert.deepEqual(lint('ipsec', CLEAN, [duplicateKey]), []);
  });

  it('duplicate-key is an error for Libreswan where addconn refuses the conn, a warning otherwise', () => {
    const severities = (head: string, body: string) => lint('ipsec', `${head}${body}`, [duplicateKey]).map((f) => f.severity);
    const LIBRESWAN = '# ipsec-dialect: libreswan-4\n';
    assert.deepEqual(severities(LIBRESWAN, 'conn a\n\tleft=1.2.3.4\n\tleft=1.2.3.5\n'), ['error']);
    // addconn 4.10: a repeated string key refuses the conn even with the same value; a repeated number or word does not.
    assert.deepEqual(severities(LIBRESWAN, 'conn a\n\tleftid=@a\n\tleftid=@a\n\tkeyingtries=3\n\tkeyingtries=03\n\tpfs=yes\n\tpfs=yes\n'), ['error', 'warning', 'warning']);
    assert.deepEqual(severities(LIBRESWAN, 'config setup\n\tlogfile=/a\n\tlogfile=/b\n'), ['warning']);
    // left= and right= are loose enums to Libreswan: the same address twice is only logged.
    assert.deepEqual(severities(LIBRESWAN, 'conn a\n\tleft=192.0.2.1\n\tleft=192.0.2.1\n'), ['warning']);
    assert.deepEqual(severities('# ipsec-dialect: strongswan\n', 'conn a\n\tleft=1.2.3.4\n\tleft=1.2.3.5\n'), ['warning']);
    assert.deepEqual(severities('', 'conn a\n\tleft=1.2.3.4\n\tleft=1.2.3.5\n'), ['warning']);
    assert.match(lint('ipsec', `${LIBRESWAN}conn a\n\tleft=1.2.3.4\n\tleft=1.2.3.5\n`, [duplicateKey])[0].message, /Libreswan 4 refuses to load conn a/);
  });

  it('duplicate-key follows how Libreswan 4 stores each key, and Libreswan 5 only ignores the repeat', () => {
    const severities = (dialect: string, body: string) => lint('ipsec', `# ipsec-dialect: ${dialect}\nconn a\n${body}`, [duplicateKey]).map((f) => f.severity);
    // addconn 4.10: "duplicate key 'authby' … while loading": authby is a text key there, whatever our value type.
    assert.deepEqual(severities('libreswan-4.10', '\tauthby=secret\n\tauthby=secret\n'), ['error']);
    assert.deepEqual(severities('libreswan-4.10', '\tmodecfgdns=192.0.2.53\n\tmodecfgdns=192.0.2.53\n'), ['error']);
    // left= is a loose enum: a listed word such as %defaultroute repeated is refused, the same address is not.
    assert.deepEqual(severities('libreswan-4.10', '\tleft=%defaultroute\n\tleft=%defaultroute\n'), ['error']);
    assert.deepEqual(severities('libreswan-4.10', '\trightrsasigkey=%cert\n\trightrsasigkey=%cert\n'), ['error']);
    assert.deepEqual(severities('libreswan-4.10', '\tipsec-interface=yes\n\tipsec-interface=yes\n\tpfs=yes\n\tpfs=true\n\tauto=add\n\tauto=ADD\n'), ['error', 'warning', 'warning']);
    // A duration is compared as a length of time: addconn 4.10 loads 1h and 60m, and refuses 1h and 2h.
    assert.deepEqual(severities('libreswan-4.10', '\tikelifetime=1h\n\tikelifetime=60m\n\tsalifetime=3600\n\tsalifetime=1h\n'), ['warning', 'warning']);
    assert.deepEqual(severities('libreswan-4.10', '\tikelifetime=1h\n\tikelifetime=2h\n'), ['error']);
    // parser.y in 5.x: "ignoring duplicate conn keyword", and the conn loads with the first value.
    const five = lint('ipsec', '# ipsec-dialect: libreswan-5.2\nconn a\n\tauthby=secret\n\tauthby=rsasig\n', [duplicateKey]);
    assert.deepEqual(five.map((f) => f.severity), ['warning']);
    assert.match(five[0].message, /Libreswan 5 uses the first value/);
    assert.deepEqual(severities('libreswan', '\tauthby=secret\n\tauthby=rsasig\n'), ['warning'], 'either major release: not certain');
  });

  it('duplicate-key tells a strongSwan gateway that the later line counts (its starter replaces the value)', () => {
    const [found] = lint('ipsec', '# ipsec-dialect: strongswan\nconn a\n\ttype=tunnel\n\tleft=192.0.2.1\n\ttype=transport\n', [duplicateKey]);
    assert.equal(found.severity, 'warning');
    assert.equal(found.range.start.line, 4);
    assert.match(found.message, /strongSwan uses this later value and ignores line 3;/);
  });

  it('duplicate-key is an error for Openswan where its addconn refuses the conn: values that differ, or the same special word in left=', () => {
    const severities = (body: string) => lint('ipsec', `# ipsec-dialect: openswan\nconn a\n${body}`, [duplicateKey]).map((f) => f.severity);
    // addconn 2.6.52.3 --verbose: "duplicate string key … (ignored)" and "duplicate loose key … (FATAL!)" both end in "while loading 'a'".
    assert.deepEqual(severities('\tleftid=@a\n\tleftid=@b\n\tike=aes-sha1\n\tike=3des-md5\n'), ['error', 'error']);
    assert.deepEqual(severities('\tright=192.0.2.2\n\tright=192.0.2.3\n\tleft=%defaultroute\n\tleft=%defaultroute\n\tleftrsasigkey=%cert\n\tleftrsasigkey=%cert\n'), ['error', 'error', 'error']);
    assert.deepEqual(severities('\tpfs=yes\n\tpfs=no\n\tkeyingtries=3\n\tkeyingtries=4\n'), ['error', 'error']);
    // The same text, address, yes/no or number loads.
    assert.deepEqual(severities('\tleftid=@a\n\tleftid=@a\n\tright=192.0.2.2\n\tright=192.0.2.2\n\tpfs=yes\n\tpfs=true\n\tkeyingtries=3\n\tkeyingtries=03\n'), ['warning', 'warning', 'warning', 'warning']);
    // "duplicate enum key" refuses the conn when the two words read as different values, not for synonyms or another case.
    assert.deepEqual(severities('\ttype=tunnel\n\ttype=transport\n\tauthby=secret\n\tauthby=rsasig\n\tikev2=no\n\tikev2=insist\n\tleftsendcert=never\n\tleftsendcert=always\n'), ['error', 'error', 'error', 'error']);
    assert.deepEqual(severities('\ttype=pass\n\ttype=passthrough\n\tauto=start\n\tauto=up\n\tphase2=esp\n\tphase2=default\n\tdpdaction=hold\n\tdpdaction=HOLD\n'), ['warning', 'warning', 'warning', 'warning']);
    // Durations and unknown enum words are left unjudged, and conn %default is not a conn that loads.
    assert.deepEqual(severities('\tikelifetime=1h\n\tikelifetime=60m\n\ttype=tunnel\n\ttype=tunel\n'), ['warning', 'warning']);
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: openswan\nconn %default\n\tleftid=@a\n\tleftid=@b\n', [duplicateKey]).map((f) => f.severity), ['warning']);
    assert.match(lint('ipsec', '# ipsec-dialect: openswan\nconn a\n\tright=192.0.2.2\n\tright=192.0.2.3\n', [duplicateKey])[0].message, /Openswan refuses to load conn a/);
    // In config setup its confread (load_setup) overwrites the earlier value and loads the file.
    const [setup] = lint('ipsec', '# ipsec-dialect: openswan\nconfig setup\n\tprotostack=netkey\n\tprotostack=klips\n', [duplicateKey]);
    assert.deepEqual([setup.severity, setup.message], ['warning', '"protostack" is already set on line 3 of this section: Openswan uses this later value and ignores line 3; keep only one of them']);
    assert.match(lint('ipsec', 'config setup\n\tprotostack=netkey\n\tprotostack=netkey\n', [duplicateKey])[0].message, /of this section: keep only one of them$/);
  });

  it('duplicate-section fires on two conns of one name but not on repeated %default', () => {
    const text = 'conn %default\n\tkeyingtries=1\nconn %default\n\tpfs=no\nconn a\n\tleft=1.2.3.4\nconn a\n\tleft=1.2.3.5\n';
    assert.deepEqual(codes(lint('ipsec', text, [duplicateSection])), ['duplicate-section']);
    assert.deepEqual(lint('ipsec', CLEAN, [duplicateSection]), []);
  });

  it('syntax rules surface each parser problem under its own code', () => {
    const text = 'conn a\n\tleftid="@x\n\tauto add\n\tright=1.2.3.4 extra\nbogus\n';
    assert.deepEqual(codes(lint('ipsec', text, [unterminatedQuote])), ['unterminated-quote']);
    assert.deepEqual(codes(lint('ipsec', text, [missingEquals])), ['missing-equals']);
    assert.deepEqual(codes(lint('ipsec', text, [unexpectedText])), ['unexpected-text']);
    assert.deepEqual(codes(lint('ipsec', text, [badHeader])), ['bad-header']);
    for (const rule of [unterminatedQuote, missingEquals, unexpectedText, badHeader]) assert.deepEqual(lint('ipsec', CLEAN, [rule]), []);
  });

  it('suppression comments silence one line or the whole file', () => {
    const nextLine = 'conn a\n\tleft=1.2.3.4\n# ipsec-lint-disable-next-line column-zero-key\nauto=add\nrightid=x\n';
    assert.deepEqual(lint('ipsec', nextLine, [columnZeroKey]).map((f) => f.range.start.line), [4]);
    const wholeFile = '# ipsec-lint-disable column-zero-key, duplicate-key\nconn a\nauto=add\n';
    assert.deepEqual(lint('ipsec', wholeFile, [columnZeroKey]), []);
    const otherCode = '# ipsec-lint-disable duplicate-key\nconn a\nauto=add\n';
    assert.deepEqual(codes(lint('ipsec', otherCode, [columnZeroKey])), ['column-zero-key']);
  });

  it('rule severity settings override defaults and can turn a rule off', () => {
    const text = 'conn a\nauto=add\n';
    assert.equal(checkDocument(parse('ipsec', text), { rules: { 'column-zero-key': 'warning' } })[0].severity, 'warning');
    assert.deepEqual(checkDocument(parse('ipsec', text), { rules: { 'column-zero-key': 'off' } }), []);
  });
});
