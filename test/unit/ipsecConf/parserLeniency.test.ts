import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookalikeWhitespace } from '../../../server/src/checks/common/lookalikeWhitespace';
import { badValue } from '../../../server/src/checks/ipsecConf/badValue';
import { duplicateKey } from '../../../server/src/checks/ipsecConf/duplicateKey';
import { duplicateSection } from '../../../server/src/checks/ipsecConf/duplicateSection';
import { wrongSection } from '../../../server/src/checks/ipsecConf/wrongSection';
import { missingEquals, unexpectedText, unterminatedQuote } from '../../../server/src/checks/ipsecConf/syntax';
import type { AnyRule } from '../../../server/src/checks/rule';
import { lint } from '../../helpers';

// Cases the parser-oracle campaign (scripts/oracle/) found: the real parsers load these files.
function severities(dialect: string, body: string, rule: AnyRule): string[] {
  return lint('ipsec', `# ipsec-dialect: ${dialect}\nconn a\n${body}\n`, [rule]).map((f) => f.severity);
}

describe('what the daemons\' own parsers let through', () => {
  it('Libreswan 4 loads a bad number or duration (parser.y notes it without failing): warning', () => {
    assert.deepEqual(severities('libreswan-4', '\tkeyingtries=abc', badValue), ['warning']);
    assert.deepEqual(severities('libreswan-4', '\tikelifetime=8x', badValue), ['warning']);
    assert.deepEqual(severities('libreswan-4', '\tauto=bogus', badValue), ['error']);
    assert.deepEqual(severities('libreswan-4', '\tmobike=maybe', badValue), ['error']);
    assert.deepEqual(severities('libreswan-5', '\tikelifetime=8x', badValue), ['error']);
  });
  it('Libreswan 5 skips a word it cannot read ("keyword ignored") where addconn reads it: conns up to 5.3, config setup up to 5.2', () => {
    assert.deepEqual(severities('libreswan-5.0', '\tauto=sometimes', badValue), ['warning']);
    assert.deepEqual(severities('libreswan-5.3', '\tpfs=maybe\n\tikelifetime=8x', badValue), ['warning', 'warning']);
    assert.match(lint('ipsec', '# ipsec-dialect: libreswan-5.2\nconn a\n\tauto=sometimes\n', [badValue])[0].message, /skips the line \("keyword ignored"\) and uses the default/);
    // 5.4 hands conn values to pluto, whose extract.c refuses the conn ("is invalid, valid options are").
    assert.deepEqual(severities('libreswan-5.4', '\tauto=sometimes', badValue), ['error']);
    assert.deepEqual(severities('libreswan-5', '\tauto=sometimes', badValue), ['error'], '5 includes 5.4');
    const setup = (dialect: string) => lint('ipsec', `# ipsec-dialect: ${dialect}\nconfig setup\n\tuniqueids=maybe\n`, [badValue]).map((f) => f.severity);
    assert.deepEqual(setup('libreswan-5.2'), ['warning']);
    assert.deepEqual(setup('libreswan-5.3'), ['error']);
    // authby= is text to addconn 5.0; confread.c then refuses the conn ("connection authby= value is unknown").
    assert.deepEqual(severities('libreswan-5.0', '\tauthby=cert', badValue), ['error']);
    // addconn 5.0 reads protocol/port pairs ("bad leftprotoport=\"6/0"); 5.4 leaves them to pluto and loads the file.
    assert.deepEqual(severities('libreswan-5.0', '\tleftprotoport="6/0', unterminatedQuote), ['error']);
    assert.deepEqual(severities('libreswan-5.4', '\tleftprotoport="6/0', unterminatedQuote), ['warning']);
    // Left empty: "bad leftprotoport= [empty string]", "bad addr rightvti= [missing mask]" (5.0); 5.4 hands them to pluto.
    assert.deepEqual(severities('libreswan-5.0', '\tleftprotoport=\n\trightvti=\n\tleftinterface-ip=', badValue), ['error', 'error', 'error']);
    assert.deepEqual(severities('libreswan-5.2', '\tleftprotoport=\n\trightvti=\n\tleftinterface-ip=', badValue), ['error']);
    assert.deepEqual(severities('libreswan-5.4', '\tleftprotoport=\n\trightvti=', badValue), []);
    assert.match(lint('ipsec', '# ipsec-dialect: libreswan-5.1\nconn a\n\tleftprotoport=\n', [badValue])[0].message, /Libreswan 5\.0 and 5\.1 refuse the conn/);
    // addconn 5.0: "ASSERTION FAILED … sn->value != 255" on an empty public key; 5.3 rewrote that lookup.
    assert.deepEqual(severities('libreswan-5.0', '\trightrsasigkey=\n\tleftid=@a', badValue), ['error']);
    assert.deepEqual(severities('libreswan-5.2', '\tleftpubkey=', badValue), ['error']);
    assert.deepEqual(severities('libreswan-5.4', '\trightrsasigkey=', badValue), []);
    // Values addconn never reads go to pluto in every release.
    assert.deepEqual(severities('libreswan-5.2', '\tleftsubnet=10.0.0.0/33', badValue), ['error']);
  });
  it('Openswan 2.6 (addconn built from v2.6.52.3): words it cannot read are dropped with a warning, an empty value swallows the next line', () => {
    assert.deepEqual(severities('openswan-2.6', '\ttype=tunnle\n\tpfs=maybe', badValue), ['warning', 'error']);
    assert.deepEqual(severities('openswan-2.6', '\tleftid=\n\tright=192.0.2.2', badValue), ['error']);
    const swallowed = lint('ipsec', '# ipsec-dialect: openswan-2.6\nconn a\n\tauto=\n\tleft=192.0.2.1\n', [badValue]);
    assert.match(swallowed[0].message, /reads the next line as the value/);
    assert.equal(swallowed[0].severity, 'warning', 'an unreadable word: Openswan warns ("invalid value: left=192.0.2.1")');
    // In config setup the file loads (Red Hat's default ipsec.conf had virtual_private= over oe=off): a warning.
    const setup = lint('ipsec', '# ipsec-dialect: openswan-2.6\nconfig setup\n\tvirtual_private=\n\toe=off\n\tnhelpers=0\n', [badValue]);
    assert.deepEqual(setup.map((f) => f.severity), ['warning']);
    assert.match(setup[0].message, /virtual_private: Openswan reads the next line as the value/);
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: openswan-2.6\nconfig setup\n\tvirtual_private=\n\nconn a\n\tleft=192.0.2.1\n', [badValue]).map((f) => f.severity), ['error']);
    // With no setting after it, the next header is swallowed: "syntax error", the file does not load.
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: openswan-2.6\nconn a\n\tleft=192.0.2.1\n\tauto=\n\nconn b\n\tleft=192.0.2.2\n', [badValue]).map((f) => f.severity), ['error']);
    // The grammar takes a number or yes/no only as a bare token: "valid keyword, but value is not a number [\"1]"; a quoted duration or word loads.
    assert.deepEqual(severities('openswan-2.6', '\tkeyingtries="1"\n\tpfs="yes"\n\taggrmode="no"\n\tikelifetime="1h"\n\trekeyfuzz="50%"\n\ttype="tunnel"', badValue), ['error', 'error', 'error']);
    assert.deepEqual(severities('libreswan-4.10', '\tkeyingtries="1"\n\tpfs="yes"', badValue), []);
    // Libreswan 4's grammar only notes a word where a size or a percentage belongs ("value is not a number"), and loads the file;
    // a bare number as a percentage is a token it has no rule for ("syntax error [100]").
    assert.deepEqual(severities('libreswan-4.10', '\tipsec-max-bytes=abc\n\trekeyfuzz=50x\n\treplay-window=', badValue), ['warning', 'warning']);
    assert.deepEqual(severities('libreswan-4.10', '\trekeyfuzz=100', badValue), ['error']);
    // Only digits make a number token there ("value is not a number [-1]"), though nhelpers=-1 means "auto" to Libreswan.
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: openswan-2.6\nconfig setup\n\tnhelpers=-1\nconn a\n\tkeyingtries=%forever\n\tmtu=1400\n', [badValue]).map((f) => f.severity), ['error']);
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: libreswan-4.10\nconfig setup\n\tnhelpers=-1\n', [badValue]), []);
    const quoted = lint('ipsec', '# ipsec-dialect: openswan\nconfig setup\n\tnat_traversal="yes"\n', [badValue]);
    assert.match(quoted[0].message, /Openswan takes a yes\/no only without quotes/);
    assert.equal(quoted[0].fixes?.[0].edits[0].newText, 'yes');
    // Blank lines are skipped but comments are not: `#old` alone is the value; in `# old value`, "old" is then read as a keyword.
    assert.deepEqual(severities('openswan-2.6', '\tauto=\n\n\t#old\n\tpfs=yes', badValue), ['warning']);
    assert.deepEqual(severities('openswan-2.6', '\tauto=\n\n\t# old value\n\tpfs=yes', badValue), ['error']);
    // The one-word comment is the value even where the section ends there, and for a text key (addconn loads both).
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: openswan-2.6\nconn a\n\tleftid=\n\t#@a\n\tauto=\n#add\nconn b\n\tauto=add\n', [badValue]).map((f) => f.severity), ['warning', 'warning']);
    // A yes/no left empty is a syntax error whatever follows (`rekey=`, then `#old` or a setting).
    assert.deepEqual(severities('openswan-2.6', '\trekey=\n\t#no\n\tpfs=\n\tauto=add', badValue), ['error', 'error']);
    // "bad duration value \"#20m\"", "bad subnet leftsubnet=#10.0.0.0/24": a number or subnet cannot be a comment.
    assert.deepEqual(severities('openswan-2.6', '\tkeylife=\n\t#20m\n\tleftsubnet=\n\t#10.0.0.0/24\n\tauto=add', badValue), ['error', 'error']);
    // The scanner stops an unclosed "… at a blank or brace, and reads what follows as a keyword (addconn: "syntax error [b]").
    assert.deepEqual(severities('openswan-2.6', '\tleftid="@a b', unterminatedQuote), ['error']);
    assert.deepEqual(severities('openswan-2.6', '\tleftsubnets="{10.0.0.0/24 10.0.1.0/24}', unterminatedQuote), ['error']);
    assert.deepEqual(severities('openswan-2.6', '\tleftid="@a}', unterminatedQuote), ['error']);
    assert.deepEqual(severities('openswan-2.6', '\tleftid="@a #c', unterminatedQuote), ['error']);
    assert.deepEqual(severities('openswan-2.6', '\tleftid="@a # c\n\tleftid="@b\t', unterminatedQuote), ['warning', 'warning']);
    assert.deepEqual(severities('openswan-2.6', '\tleftprotoport="17/1701', unterminatedQuote), ['error']);
    for (const dialect of ['libreswan-4.10', 'libreswan-5.0', 'libreswan-5.4']) {
      assert.deepEqual(severities(dialect, '\tleftid="@a b\n\trightsubnets="{10.1.1.0/24,10.1.2.0/24}\n\tleftsubnets={10.0.0.0/24 10.0.1.0/24', unterminatedQuote), ['error', 'error', 'error'], dialect);
      assert.deepEqual(severities(dialect, '\tleftid="@a # c', unterminatedQuote), ['warning'], dialect);
    }
    assert.deepEqual(severities('openswan-2.6', '\trekeymargin="3m\n\tleftid="@a\n\tleftsubnet="10.0.0.0/24\n\tleftxauthserver="yes', unterminatedQuote), ['error', 'warning', 'error', 'warning']);
  });
  it('strongSwan reads a negative number or duration with strtoul: warning', () => {
    assert.deepEqual(severities('strongswan', '\tkeyingtries=-1', badValue), ['warning']);
    assert.deepEqual(severities('strongswan', '\tikelifetime=-1', badValue), ['warning']);
    assert.deepEqual(severities('strongswan', '\tikelifetime=8x', badValue), ['error']);
  });
  it('a # inside a value starts a comment in strongSwan, and after a yes/no word in Libreswan 4', () => {
    assert.deepEqual(severities('strongswan', '\tkeylife=20m# old', badValue), []);
    assert.deepEqual(severities('strongswan', '\tkeylife=20m# old', unexpectedText), []);
    assert.deepEqual(severities('libreswan-4', '\tmobike=no# old', badValue), []);
    assert.deepEqual(severities('libreswan-4', '\tmobike=no# old', unexpectedText), []);
    assert.deepEqual(severities('libreswan-4', '\tauto=add# old', unexpectedText), ['error']);
    assert.deepEqual(severities('strongswan', '\talso=base# old', unexpectedText), []);
    // A brace list runs to the last "}" on the line: addconn 2.6, 4.10, 5.0 and 5.4 load the second statement as part of the first.
    const braces = '\tleftsubnets={10.0.1.0/24,10.0.2.0/24}\trightsubnets={11.0.1.0/24,11.0.2.0/24}';
    for (const dialect of ['libreswan-4.10', 'libreswan-5.4', 'openswan-2.6']) assert.deepEqual(severities(dialect, braces, unexpectedText), ['warning'], dialect);
    assert.deepEqual(severities('libreswan-4.10', '\tleftsubnets={10.0.1.0/24} rightsubnet=10.0.0.0/8', unexpectedText), ['error']);
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: openswan-2.6\nconfig setup\n\tnat_traversal=yes# old\n', [badValue, unexpectedText]), []);
    // Libreswan 4 keywords.c: xfrmlifetime, ocsp-timeout and keep-alive are plain numbers and ikepad a yes/no.
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: libreswan-4.10\nconfig setup\n\txfrmlifetime=\n\tocsp-timeout=\n\tkeep-alive=20\n', [badValue]), []);
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: libreswan-5.4\nconfig setup\n\tocsp-timeout=30s\n', [badValue]), []);
    assert.deepEqual(severities('libreswan-4.10', '\tikepad=auto', badValue), ['error']);
    assert.deepEqual(severities('libreswan-5.4', '\tikepad=auto', badValue), []);
    // Also inside quotes (addconn 4.10 loads `pfs="yes # c"`), though not after another word.
    assert.deepEqual(severities('libreswan-4.10', '\tpfs="yes # c"\n\tmobike="no #c"', badValue), []);
    assert.deepEqual(severities('libreswan-4.10', '\tpfs="yes maybe"', badValue), ['error']);
    assert.deepEqual(severities('libreswan-5.4', '\tpfs="yes # c"', badValue), ['error']);
  });
  it('Libreswan 4 keeps an unmatched quote as part of the value: warning', () => {
    assert.deepEqual(severities('libreswan-4', '\tleftid="foo', unterminatedQuote), ['warning']);
    assert.deepEqual(severities('libreswan-4', '\ttype="tunnel', unterminatedQuote), ['error']);
    assert.deepEqual(severities('strongswan', '\tleftid="foo', unterminatedQuote), ['error']);
    // addconn 4.10 refuses these conns: the quote becomes part of an address, a conn name or a debug word.
    for (const line of ['\tleftnexthop="192.1.2.23', '\trightsourceip="192.0.2.254', '\trightaddresspool="10.0.10.1-10.0.10.200', '\talso="base']) {
      assert.deepEqual(severities('libreswan-4', line, unterminatedQuote), ['error'], line);
    }
    // left=/right= names are looked up later: addconn --checkconfig loads `left="192.1.2.45`.
    assert.deepEqual(severities('libreswan-4', '\tleft="192.1.2.45', unterminatedQuote), ['warning']);
    assert.deepEqual(severities('libreswan-4', '\tredirect-to="192.1.3.33', unterminatedQuote), ['warning']);
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: libreswan-4\nconfig setup\n\tplutodebug="all\n', [unterminatedQuote]).map((f) => f.severity), ['error']);
    // Libreswan 5's scanner keeps the quote too (addconn 5.0 and 5.4 load these); a conn named '"base' is still not found.
    assert.deepEqual(severities('libreswan-5.0', '\ttype="tunnel', unterminatedQuote), ['warning']);
    assert.deepEqual(severities('libreswan-5.4', '\tleftsubnet="192.0.1.0/24', unterminatedQuote), ['warning']);
    assert.deepEqual(severities('libreswan-5.4', '\talso="base', unterminatedQuote), ['error']);
    assert.deepEqual(severities('libreswan', '\ttype="tunnel', unterminatedQuote), ['warning'], 'Libreswan 5 loads it');
    // Libreswan 5.3 and later read config setup values after parsing: addconn 5.4 says "error: invalid" and stops.
    const setup = (dialect: string, line: string, rule: AnyRule) => lint('ipsec', `# ipsec-dialect: ${dialect}\nconfig setup\n${line}\n`, [rule]).map((f) => f.severity);
    assert.deepEqual(setup('libreswan-5.4', '\tlogappend="no', unterminatedQuote), ['error']);
    assert.deepEqual(setup('libreswan-5.2', '\tlogappend="no', unterminatedQuote), ['warning']);
    assert.deepEqual(setup('libreswan-5.4', '\tlogappend=\n\tshuntlifetime=\n\tlogfile=', badValue), ['error', 'error']);
    assert.deepEqual(setup('libreswan-5.2', '\tlogappend=', badValue), []);
    // confread.c 5.0 to 5.2 reads a next hop and authby= itself and refuses the conn.
    assert.deepEqual(severities('libreswan-5.0', '\tleftnexthop=\n\tauthby=', badValue), ['error', 'error']);
    assert.deepEqual(severities('libreswan-5.2', '\trightnexthop="192.1.2.45', unterminatedQuote), ['error']);
    assert.deepEqual(severities('libreswan-5.4', '\tleftnexthop=', badValue), []);
  });
  it('strongSwan merges two conns of one name (conf_parser.c add_section): warning', () => {
    assert.deepEqual(severities('strongswan', '\tauto=add\nconn a\n\tauto=start', duplicateSection), ['warning']);
    assert.deepEqual(severities('libreswan-4', '\tauto=add\nconn a\n\tauto=start', duplicateSection), ['error']);
  });
  it('strongSwan skips a section line whose indentation ends in a no-break space: warning', () => {
    assert.deepEqual(severities('strongswan', '\t\u00a0auto=add', lookalikeWhitespace), ['warning']);
    // starter --conftest: "# unknown keyword ' strictcrlpolicy'", "config OK".
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: strongswan\nconfig setup\n\t\u00a0strictcrlpolicy=yes\nca x\n\t\u00a0certuribase=http://x\n', [lookalikeWhitespace]).map((f) => f.severity), ['warning', 'warning']);
    assert.deepEqual(severities('strongswan', '\u00a0auto=add', lookalikeWhitespace), ['error']);
    assert.deepEqual(severities('libreswan-4', '\t\u00a0auto=add', lookalikeWhitespace), ['error']);
    // A zero-width space there is read the same way; its fix deletes it.
    assert.deepEqual(severities('strongswan', '\t\u200bauto=add', lookalikeWhitespace), ['warning']);
    assert.deepEqual(severities('libreswan-4', '\t\u200bauto=add', lookalikeWhitespace), ['error']);
  });

  it('Libreswan 4 refuses an empty yes/no, duration, percentage or size (parser.y has no empty form for them): error', () => {
    assert.deepEqual(severities('libreswan-4', '\tpfs=\n\tikelifetime=\n\tauto=\n\tleftid=\n\tkeyingtries=', badValue), ['error', 'error']);
    assert.deepEqual(severities('strongswan', '\tpfs=', badValue), []);
    assert.deepEqual(severities('libreswan-5', '\tpfs=', badValue), []);
    assert.deepEqual(severities('', '\tpfs=', badValue), []);
  });

  it('Libreswan only logs a wrong global-redirect word (pluto keeps no): warning', () => {
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: libreswan-4\nconfig setup\n\tglobal-redirect=enabled\n', [badValue]).map((f) => f.severity), ['warning']);
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: libreswan-5\nconfig setup\n\tglobal-redirect=enabled\n', [badValue]).map((f) => f.severity), ['warning']);
    // The scanners drop the braces of a {…} value before reading it (addconn 4.10, 5.0 and Openswan 2.6 load all of these).
    assert.deepEqual(severities('libreswan-4.10', '\tleftsubnet={10.0.0.0/8}\n\tleftaddresspool={10.0.0.1-10.0.0.9}\n\tleftvti={10.0.0.1/24}', badValue), []);
    assert.deepEqual(severities('libreswan-5.0', '\tleftnexthop={192.0.2.254}', badValue), []);
    assert.deepEqual(severities('openswan-2.6', '\tleftnexthop={192.0.2.254}\n\tleftsourceip={10.0.0.1}', badValue), []);
    assert.deepEqual(severities('openswan-2.6', '\trightsubnet=10.0.0.0/8\n\trightsubnet={10.0.0.0/8}', duplicateKey), ['warning']);
    // Also for words (auto={add} loads), but not where Libreswan 4 and Openswan scan a yes/no: pfs={no} is refused there.
    assert.deepEqual(severities('libreswan-4.10', '\tauto={add}\n\tauthby={secret}', badValue), []);
    assert.deepEqual(severities('libreswan-4.10', '\tpfs={no}', badValue), ['error']);
    assert.deepEqual(severities('libreswan-5.4', '\tpfs={no}\n\tauto={add}', badValue), []);
    assert.deepEqual(severities('openswan-2.6', '\ttype={tunnel}\n\tpfs={no}', badValue), ['error']);
    // dns-resolver= stays text for pluto, which logs a word it does not know ("but it is not recognized").
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: libreswan-5.4\nconfig setup\n\tdns-resolver=resolved\n\tlogfile="/tmp/x\n', [badValue]).map((f) => f.severity), ['warning']);
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: libreswan-5.4\nconfig setup\n\tdns-resolver="systemd\n', [unterminatedQuote]).map((f) => f.severity), ['warning']);
    // 5.3 reads the word in addconn ("error: invalid"), and the file does not load.
    assert.deepEqual(lint('ipsec', '# ipsec-dialect: libreswan-5.4\nconfig setup\n\tglobal-redirect=enabled\n', [badValue]).map((f) => f.severity), ['error']);
  });

  it('leftauth=psk: Libreswan up to 5.3 knows only "secret" (addconn 4.10: "keyword auth, invalid value: psk"; 5.0 to 5.2 skip the line, 5.3\'s pluto refuses the conn); 5.4 takes both', () => {
    assert.deepEqual(severities('libreswan-4', '\tleftauth=psk', badValue), ['error']);
    assert.deepEqual(severities('libreswan-4', '\tleftauth=secret', badValue), []);
    assert.deepEqual(severities('libreswan-5', '\tleftauth=psk', badValue), [], '5 includes 5.4, which takes it');
    // addconn 5.0: "invalid, keyword ignored: rightauth=psk"; the conn loads without it.
    assert.deepEqual(severities('libreswan-5.2', '\tleftauth=psk', badValue), ['warning']);
    assert.deepEqual(severities('libreswan-5.4', '\tleftauth=psk', badValue), []);
    assert.deepEqual(severities('strongswan', '\tleftauth=psk', badValue), []);
  });

  it('leftauth=rsa: another name for rsasig up to 5.2; the pluto of 5.3 and 5.4 refuses the conn ("rightauth=rsa invalid, \'rsa\' unrecognized")', () => {
    for (const dialect of ['libreswan-4', 'libreswan-5.2', 'libreswan-5', 'strongswan']) assert.deepEqual(severities(dialect, '\tleftauth=rsa', badValue), [], dialect);
    for (const dialect of ['libreswan-5.3', 'libreswan-5.3.2', 'libreswan-5.4']) assert.deepEqual(severities(dialect, '\tleftauth=rsa', badValue), ['error'], dialect);
    assert.deepEqual(severities('libreswan-5.3', '\tleftauth=rsasig', badValue), []);
  });

  it('also= in conn %default: Libreswan 4 loads no conn, 5.0 to 5.2 drop the line, 5.3 and 5.4 refuse the file', () => {
    const text = (dialect: string) => `# ipsec-dialect: ${dialect}\nconn base\n\tikelifetime=1h\nconn %default\n\talso=base\nconn a\n\talso=base\n\tleft=192.0.2.1\n`;
    const found = lint('ipsec', text('libreswan-4'), [wrongSection]);
    assert.deepEqual(found.map((f) => `${f.range.start.line} ${f.severity}`), ['4 error']);
    assert.match(found[0].message, /then loads no conn at all/);
    // addconn 5.0: "invalid 'conn %default' keyword ignored: also=base".
    assert.deepEqual(lint('ipsec', text('libreswan-5.2'), [wrongSection]).map((f) => f.severity), ['warning']);
    // addconn 5.4: "unrecognized 'conn %default' keyword 'also'", exit 3.
    const five4 = lint('ipsec', text('libreswan-5.4'), [wrongSection]);
    assert.deepEqual(five4.map((f) => f.severity), ['error']);
    assert.match(five4[0].message, /refuses the file/);
    assert.deepEqual(lint('ipsec', text('libreswan-5'), [wrongSection]).map((f) => f.severity), ['warning'], '5.0 to 5.2 only drop it');
    assert.deepEqual(lint('ipsec', text('strongswan'), [wrongSection]), []);
    assert.deepEqual(lint('ipsec', text('openswan-2.6'), [wrongSection]).map((f) => f.severity), ['warning'], 'Openswan 2.6.52.3 logs it and loads the conns');
  });

  it('Libreswan drops what stands between a key and a later "=" (no lexer rule for it): warning', () => {
    const found = lint('ipsec', '# ipsec-dialect: libreswan-4.10\nconn a\n\tike aes-sha1;addke1=ml_kem_768\n\tesp aes256\n', [missingEquals]);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'error']);
    assert.match(found[0].message, /reads the value after it \("ml_kem_768"\)/);
    // addconn 4.10: the value is one word (or one quoted string); a word after it is read as a keyword ("syntax error [ST]").
    assert.deepEqual(severities('libreswan-4.10', '\trightid\t"C=CA, ST=Ontario"\n\tleftid "C=CA"\n\tike aes;x=y # c\n\tesp aes;x="a b"', missingEquals), ['error', 'warning', 'warning', 'warning']);
    assert.match(lint('ipsec', '# ipsec-dialect: libreswan-4.10\nconn a\n\tike aes;x="a b" c\n', [missingEquals])[0].message, /reads ""a b"" as the value and "c" as another keyword/);
    assert.deepEqual(severities('strongswan', '\tike aes-sha1;addke1=ml_kem_768', missingEquals), ['error']);
    // addconn 5.0 and 5.4 as well (their scanners have no rule there either); Openswan reads "aes-sha1;addke1" as a keyword.
    assert.deepEqual(severities('libreswan-5', '\tike aes-sha1;addke1=ml_kem_768', missingEquals), ['warning']);
    assert.deepEqual(severities('openswan-2.6', '\tike aes-sha1;addke1=ml_kem_768', missingEquals), ['error']);
    // addconn 4.10: `also pfs=yes` becomes also=yes ("cannot find conn 'yes'"); `also: pfs=yes` is "syntax error [also:]".
    // (Whether also=yes then names a conn depends on the gateway's other files: only a warning here.)
    assert.deepEqual(severities('libreswan-4.10', '\talso\tpfs=yes\n\tleftid: x=@a', missingEquals), ['warning', 'error']);
  });

  it('a setup keyword strongSwan ignores still drops the conn it stands in (starter: "unsupported keyword \'charonstart\' in conn")', () => {
    const found = lint('ipsec', '# ipsec-dialect: strongswan\nconfig setup\n\tcharonstart=yes\nconn a\n\tcharonstart=yes\n', [wrongSection]);
    assert.deepEqual(found.map((f) => `${f.range.start.line} ${f.severity}`), ['4 error']);
  });
});
