import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedDocument } from '../../../server/src/model/document';
import type { RacoonStatement } from '../../../server/src/parsing/racoon/ast';
import { MAX_RACOON_DEPTH, RACOON_SYNTAX } from '../../../server/src/parsing/racoon/parser';
import { childStatements, racoonStatements } from '../../../server/src/parsing/racoon/walk';
import { parse } from '../../helpers';

function racoon(text: string) {
  return parse('racoon', text) as ParsedDocument<'racoon'>;
}

function statements(text: string): RacoonStatement[] {
  return [...racoonStatements(racoon(text).ast)].map((v) => v.statement);
}

function words(statement: RacoonStatement): string {
  return statement.head.map((t) => (t.kind === 'string' ? `"${t.text}"` : t.text)).join(' ');
}

function problemsOf(text: string): { code: string; text: string }[] {
  return racoon(text).ast.problems.map((p) => ({ code: p.code, text: text.slice(p.span.start, p.span.end) }));
}

const SAMPLE = `# gateway
path certificate "/etc/racoon/certs";
include "/etc/racoon/remote.d/*.conf";
log notify;
listen {
\tisakmp 192.0.2.1 [500];
\tisakmp_natt 192.0.2.1 [4500];
\tadminsock "/var/racoon/racoon.sock" "root" "operator" 0660;
\tstrict_address;
}
remote "office" {
\tremote_address 198.51.100.7;
\texchange_mode main, aggressive;
\tlifetime time 8 hour;
\tproposal {
\t\tencryption_algorithm aes 256;
\t\thash_algorithm sha256;
\t\tauthentication_method pre_shared_key;
\t\tdh_group modp2048;
\t}
}
remote "branch" inherit "office";
remote 203.0.113.9 [500] {
\texchange_mode main;
\tproposal { encryption_algorithm 3des; hash_algorithm sha1; authentication_method rsasig; dh_group 2; }
}
sainfo address 10.0.0.0/24 any address 10.1.0.0/24 any {
\tencryption_algorithm aes 256, 3des;
\tauthentication_algorithm hmac_sha256;
\tcompression_algorithm deflate;
}
sainfo anonymous from fqdn "peer.example.org" {
\tencryption_algorithm aes;
\tauthentication_algorithm hmac_sha1;
\tcompression_algorithm deflate;
}
`;

describe('racoon.conf parser', () => {
  it('reads statements, nested blocks and the section each one stands in', () => {
    const doc = racoon(SAMPLE);
    assert.deepEqual(doc.ast.problems, []);
    const top = doc.ast.items.filter((i): i is RacoonStatement => i.type === 'statement');
    assert.deepEqual(top.map(words), [
      'path certificate "/etc/racoon/certs"',
      'include "/etc/racoon/remote.d/*.conf"',
      'log notify',
      'listen',
      'remote "office"',
      'remote "branch" inherit "office"',
      'remote 203.0.113.9 [500]',
      'sainfo address 10.0.0.0/24 any address 10.1.0.0/24 any',
      'sainfo anonymous from fqdn "peer.example.org"',
    ]);
    const office = top[4];
    assert.equal(office.block?.section, 'remote');
    const proposal = childStatements(office).find((s) => s.head[0].text === 'proposal');
    assert.equal(proposal?.block?.section, 'proposal');
    assert.deepEqual(childStatements(proposal as RacoonStatement).map((s) => s.place), ['proposal', 'proposal', 'proposal', 'proposal']);
    assert.deepEqual(childStatements(top[3]).map(words), [
      'isakmp 192.0.2.1 [500]',
      'isakmp_natt 192.0.2.1 [4500]',
      'adminsock "/var/racoon/racoon.sock" "root" "operator" 0660',
      'strict_address',
    ]);
    assert.ok(top[5].semicolon && !top[5].block);
  });

  it('gives exact UTF-16 spans to statements, blocks and tokens', () => {
    const text = '# caf\u00e9 \u{1F510}\nlog debug;\npadding {\n\trandomize off;\n}\n';
    const [log, padding, randomize] = statements(text);
    assert.equal(text.slice(log.span.start, log.span.end), 'log debug;');
    assert.equal(text.slice(padding.span.start, padding.span.end), 'padding {\n\trandomize off;\n}');
    assert.equal(text.slice(randomize.span.start, randomize.span.end), 'randomize off;');
    assert.equal(text.slice(log.head[1].span.start, log.head[1].span.end), 'debug');
    const block = padding.block;
    assert.ok(block?.close);
    assert.equal(text.slice(block.span.start, block.span.end), '{\n\trandomize off;\n}');
  });

  it('keeps comments, so tokens and the blanks between them give back the text', () => {
    const text = 'remote anonymous # the fallback\n{\n\t# no proposal yet\n\texchange_mode main; # first\n}\n';
    const doc = racoon(text);
    const [remote] = statements(text);
    assert.deepEqual(remote.comments.map((c) => c.text), ['# the fallback']);
    assert.deepEqual(remote.block?.items.map((i) => i.type), ['comment', 'statement', 'comment']);
    let rebuilt = '';
    let at = 0;
    for (const token of doc.ast.tokens) {
      assert.match(text.slice(at, token.span.start), /^\s*$/);
      rebuilt += text.slice(at, token.span.end);
      at = token.span.end;
    }
    assert.equal(rebuilt + text.slice(at), text);
  });

  it('reads statements that span lines, glued ports, parentheses, and template macros', () => {
    const text = [
      'sainfo (address 10.0.0.0/24[any] any)',
      '       (address 10.1.0.0/24 any) group "staff"',
      '{',
      '\tencryption_algorithm aes,',
      '\t\t3des;',
      '}',
      'remote %%IP%% { exchange_mode main; }',
      '## template comment',
      'path script "@sysconfdir_x@/racoon/scripts";',
    ].join('\n');
    const doc = racoon(text);
    assert.deepEqual(doc.ast.problems, []);
    const [sainfo, encryption, remote] = statements(text);
    assert.deepEqual(sainfo.head.map((t) => t.kind), ['word', 'paren', 'word', 'word', 'bracket', 'word', 'paren', 'paren', 'word', 'word', 'word', 'paren', 'word', 'string']);
    assert.equal(words(encryption), 'encryption_algorithm aes , 3des');
    assert.equal(words(remote), 'remote %%IP%%');
  });

  it('reports a missing ; before } at the end of the statement and reads on', () => {
    const text = 'padding {\n\tmaximum_length 20\n}\nlog debug;\n';
    assert.deepEqual(problemsOf(text), [{ code: RACOON_SYNTAX.missingSemicolon, text: '20' }]);
    assert.deepEqual(statements(text).map(words), ['padding', 'maximum_length 20', 'log debug']);
  });

  it('reports a missing ; before the next keyword on a new line, where the user can add it', () => {
    const text = 'remote anonymous {\n\texchange_mode main\n\tpassive on;\n\tgenerate_policy on\n}\n';
    assert.deepEqual(problemsOf(text), [
      { code: RACOON_SYNTAX.missingSemicolon, text: 'main' },
      { code: RACOON_SYNTAX.missingSemicolon, text: 'on' },
    ]);
    const [, exchange, passive] = statements(text);
    assert.equal(words(exchange), 'exchange_mode main');
    assert.equal(words(passive), 'passive on');
    assert.equal(racoon(text).ast.problems[1].span.start, text.indexOf('on\n}'));
  });

  it('does not split a statement at a word that is no keyword of its block', () => {
    const text = 'sainfo address 10.0.0.0/24 any\n       address 10.1.0.0/24 any\n{\n\tlifetime time\n\t\t1 hour;\n}\n';
    assert.deepEqual(problemsOf(text), []);
    assert.deepEqual(statements(text).map(words), ['sainfo address 10.0.0.0/24 any address 10.1.0.0/24 any', 'lifetime time 1 hour']);
  });

  it('reports a string left open at its line and keeps parsing the next line', () => {
    const text = 'path certificate "/etc/racoon/certs;\nlog debug;\n';
    const problems = racoon(text).ast.problems;
    assert.deepEqual(problems.map((p) => p.code), [RACOON_SYNTAX.unterminatedString]);
    assert.deepEqual(problems[0].span, { start: 17, end: 36 });
    assert.equal(words(statements(text)[1]), 'log debug');
  });

  it('reads a string closed on a later line as racoon does, line break included, and reports it once', () => {
    const text = 'path pre_shared_key "/etc/racoon/\npsk.txt";\nremote anonymous {\n\tmy_identifier fqdn "a\r\nb" ;\n}\nlog debug;\n';
    const problems = racoon(text).ast.problems;
    assert.deepEqual(problems.map((p) => [p.code, text.slice(p.span.start, p.span.end)]), [
      [RACOON_SYNTAX.unterminatedString, '"/etc/racoon/\npsk.txt"'],
      [RACOON_SYNTAX.unterminatedString, '"a\r\nb"'],
    ]);
    assert.deepEqual(statements(text).map(words), ['path pre_shared_key "/etc/racoon/\npsk.txt"', 'remote anonymous', 'my_identifier fqdn "a\r\nb"', 'log debug']);
    // A quote that opens the next value is no closing quote: the string stops at its line.
    assert.deepEqual(problemsOf('path certificate "/etc/certs;\npath pre_shared_key "/etc/psk.txt";\n'), [{ code: RACOON_SYNTAX.unterminatedString, text: '"/etc/certs;' }]);
  });

  it('reports a block never closed at its { and a stray } where it stands', () => {
    const open = 'listen {\n\tisakmp 192.0.2.1;\n';
    assert.deepEqual(problemsOf(open), [{ code: RACOON_SYNTAX.unbalancedBrace, text: '{' }]);
    assert.equal(racoon(open).ast.problems[0].span.start, 7);
    const stray = 'log debug;\n}\nlog info;\n';
    assert.deepEqual(problemsOf(stray), [{ code: RACOON_SYNTAX.unbalancedBrace, text: '}' }]);
    assert.deepEqual(statements(stray).map(words), ['log debug', 'log info']);
  });

  it('closes a block left open when a top-level keyword starts a line, and parses on at the top', () => {
    const text = 'remote anonymous {\n\texchange_mode main;\n\tproposal {\n\t\tdh_group 2;\n\t}\nsainfo anonymous {\n\tpfs_group 2;\n}\n';
    const doc = racoon(text);
    assert.deepEqual(doc.ast.problems.map((p) => [p.code, p.span.start]), [[RACOON_SYNTAX.unbalancedBrace, text.indexOf('{')]]);
    const top = doc.ast.items.filter((i): i is RacoonStatement => i.type === 'statement');
    assert.deepEqual(top.map(words), ['remote anonymous', 'sainfo anonymous']);
    assert.equal(top[1].place, 'top');
    assert.equal(childStatements(top[1])[0].place, 'sainfo');
  });

  it('leaves a misplaced top-level keyword inside its block when the braces balance', () => {
    const text = 'remote anonymous {\n\tsainfo anonymous { }\n}\n';
    const doc = racoon(text);
    assert.deepEqual(doc.ast.problems, []);
    assert.equal(statements(text)[1].place, 'remote');
  });

  it('reports one mistake without hiding the next', () => {
    const text = ';\nlog debug\npath certificate "x;\npadding {\n\trandomize off;\n}}\n{ }\n';
    assert.deepEqual(problemsOf(text).map((p) => p.code), [
      RACOON_SYNTAX.unexpectedToken,
      RACOON_SYNTAX.missingSemicolon,
      RACOON_SYNTAX.unterminatedString,
      RACOON_SYNTAX.unbalancedBrace,
      RACOON_SYNTAX.unexpectedToken,
    ]);
  });

  it('survives 50,000 nested braces and as many stray ones, building no deeper than the cap', () => {
    const deep = '{'.repeat(50_000);
    const doc = racoon(deep);
    assert.ok(doc.ast.problems.length > 0);
    let depth = 0;
    for (const visit of racoonStatements(doc.ast)) depth = Math.max(depth, visit.depth);
    assert.equal(depth, MAX_RACOON_DEPTH);
    const nested = 'remote anonymous {'.repeat(50_000) + '}'.repeat(50_000) + '\nlog debug;\n';
    const balanced = racoon(nested);
    assert.deepEqual(balanced.ast.problems.map((p) => p.code), [RACOON_SYNTAX.unexpectedToken]);
    assert.equal(racoonStatements(balanced.ast).length, MAX_RACOON_DEPTH + 2);
    assert.equal(statements(nested).at(-1)?.place, 'top');
    assert.ok(racoon('}'.repeat(50_000)).ast.problems.length > 0);
  });

  it('parses a large file in linear time', () => {
    const block = 'remote anonymous {\n\texchange_mode main;\n\tproposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method rsasig; dh_group 2; }\n}\n';
    const started = Date.now();
    const doc = racoon(block.repeat(20_000));
    assert.equal(doc.ast.items.length, 20_000);
    assert.ok(Date.now() - started < 5_000);
  });

  it('never throws on broken input', () => {
    const inputs = ['"', '{"', '[', '[5', ';;;', '}{', 'remote "a', '# only', '', '\u00a0log\u00a0debug;', 'a,b(c)[d]{e}"f"#g'];
    for (const input of inputs) assert.doesNotThrow(() => racoon(input));
  });
});
