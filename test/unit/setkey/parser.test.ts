import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedDocument } from '../../../server/src/model/document';
import type { SetkeyFile } from '../../../server/src/parsing/setkey/ast';
import { lint, parse } from '../../helpers';

const doc = (text: string) => parse('setkey', text) as ParsedDocument<'setkey'>;

/** Each problem as `code text-it-covers`. */
function problems(text: string): string[] {
  const { ast, source } = doc(text);
  return ast.problems.map((p) => `${p.code} ${source.slice(p.span)}`);
}

const SAMPLE = [
  '#!/sbin/setkey -f',
  '# flush everything',
  'flush;',
  'spdflush;',
  'spdadd 10.1.0.0/16 10.2.0.0/16[any] any',
  '\t-P out ipsec esp/tunnel/192.0.2.1-198.51.100.1/require;',
  'add 192.0.2.1 198.51.100.1 esp 0x1000 -m tunnel -u 7',
  '\t-E 3des-cbc 0x0123456789abcdef0123456789abcdef0123456789abcdef',
  '\t-A hmac-sha1 "twenty bytes of key!"; # trailing comment',
  'spddelete 10.1.0.0/16 10.2.0.0/16 any -P out;',
  'dump esp ;',
  '',
].join('\n');

describe('setkey parser: statements', () => {
  it('reads statements across lines and keeps the shebang and comments as trivia', () => {
    const { ast, source } = doc(SAMPLE);
    assert.deepEqual(ast.problems, []);
    assert.deepEqual(ast.statements.map((s) => s.command.text), ['flush', 'spdflush', 'spdadd', 'add', 'spddelete', 'dump']);
    assert.equal(source.slice(ast.shebang!), '#!/sbin/setkey -f');
    assert.deepEqual(ast.comments.map((c) => source.slice(c)), ['# flush everything', '# trailing comment']);
    assert.equal(source.slice(ast.statements[2].span), 'spdadd 10.1.0.0/16 10.2.0.0/16[any] any\n\t-P out ipsec esp/tunnel/192.0.2.1-198.51.100.1/require;');
  });

  it('keeps every character: tokens, comments and the shebang cover all non-blank text', () => {
    const { ast, source } = doc(SAMPLE);
    const covered = new Array<boolean>(SAMPLE.length).fill(false);
    const mark = (span: { start: number; end: number }) => {
      for (let i = span.start; i < span.end; i++) covered[i] = true;
    };
    for (const statement of ast.statements) [statement.command, ...statement.args, ...(statement.semicolon ? [statement.semicolon] : [])].forEach((t) => mark(t.span));
    ast.comments.forEach(mark);
    mark(ast.shebang!);
    const uncovered = [...SAMPLE].filter((ch, i) => !covered[i] && !/\s/.test(ch));
    assert.deepEqual(uncovered, []);
    assert.equal(source.text, SAMPLE);
  });

  it('splits a policy into selector, direction, action and requests with exact spans', () => {
    const { ast, source } = doc(SAMPLE);
    const policy = ast.statements[2].policy!;
    assert.equal(policy.source?.text, '10.1.0.0/16');
    assert.equal(source.slice(policy.source!.prefix!.span), '16');
    assert.equal(policy.destination?.port?.text, 'any');
    assert.equal(policy.upperLayer?.text, 'any');
    assert.equal(policy.direction?.text, 'out');
    assert.equal(policy.action?.text, 'ipsec');
    const [request] = policy.requests;
    assert.deepEqual([request.protocol, request.mode, request.endpoints, request.level], ['esp', 'tunnel', '192.0.2.1-198.51.100.1', 'require']);
    assert.equal(source.slice(request.levelPart!.span), 'require');
    assert.equal(source.slice(request.tunnelSource!.span), '192.0.2.1');
    assert.equal(source.slice(request.tunnelDestination!.span), '198.51.100.1');
  });

  it('reads an SA with its extensions, algorithms and keys', () => {
    const sa = doc(SAMPLE).ast.statements[3].sa!;
    assert.deepEqual([sa.source?.text, sa.destination?.text, sa.protocol?.text, sa.spi?.text], ['192.0.2.1', '198.51.100.1', 'esp', '0x1000']);
    assert.deepEqual(sa.extensions.map((e) => `${e.flag.text} ${e.value?.text}`), ['-m tunnel', '-u 7']);
    assert.deepEqual(sa.algorithms.map((a) => `${a.flag.text} ${a.name?.text} ${a.key?.kind}`), ['-E 3des-cbc word', '-A hmac-sha1 string']);
    assert.equal(sa.algorithms[1].key?.text, 'twenty bytes of key!');
  });

  it('reads address options, ports, NAT-T and several requests', () => {
    const { ast } = doc('spdadd -4n 10.0.0.1[500] 10.0.0.2[any] udp -P in prio def-10 ipsec esp/transport//use ah/transport//unique:3;\nadd -6 ::1 ::1 esp-udp 2001:db8::7 0x1001 -E null;\n');
    assert.deepEqual(ast.problems, []);
    const [spd, sa] = ast.statements;
    assert.deepEqual(spd.addressOptions.map((t) => t.text), ['-4n']);
    assert.equal(spd.policy?.source?.port?.text, '500');
    assert.equal(spd.policy?.priority?.value, 'def-10');
    assert.deepEqual(spd.policy?.requests.map((r) => r.level), ['use', 'unique:3']);
    assert.equal(sa.sa?.natOriginalAddress?.text, '2001:db8::7');
    assert.equal(sa.sa?.spi?.text, '0x1001');
  });

  it('accepts what setkey accepts: spaced prefixes, -Pout, tagged policies, icmp type,code, -ctx, -C with -R, exit', () => {
    const text = [
      'spdadd 10.0.0.0 /8 10.1.0.0/16 any -Pout none;',
      'spdadd tagged "web" -P in discard;',
      'spdadd ::/0 ::/0 icmp6 135,0 -P in none;',
      'spdadd 10.0.0.1 10.0.0.2 any -ctx 1 1 "system_u:object_r:ipsec_spd_t:s0" -P out ipsec esp/transport//require;',
      'add 10.0.0.1 10.0.0.2 ipcomp 0x2000 -C deflate -R;',
      'add 10.0.0.1 10.0.0.2 esp 0x3000 -ctx 1 1 "ctx" -E aes-cbc 0x000102030405060708090a0b0c0d0e0f;',
      'exit;',
    ].join('\n');
    const { ast, source } = doc(text);
    assert.deepEqual(ast.problems, []);
    assert.equal(ast.statements[0].policy?.source?.text, '10.0.0.0/8');
    assert.equal(source.slice(ast.statements[0].policy!.source!.prefix!.span), '8');
    assert.equal(ast.statements[0].policy?.direction?.text, 'out');
    assert.equal(source.slice(ast.statements[0].policy!.direction!.span), 'out');
    assert.equal(ast.statements[1].policy?.tag?.text, 'web');
    assert.equal(ast.statements[2].policy?.upperLayerDetail?.text, '135,0');
    assert.equal(ast.statements[3].policy?.context?.name?.text, 'system_u:object_r:ipsec_spd_t:s0');
    assert.equal(ast.statements[4].sa?.algorithms[0].rawCpi?.text, '-R');
    assert.equal(ast.statements[5].sa?.extensions[0].context?.doi?.text, '1');
  });
});

describe('setkey parser: mistakes and recovery', () => {
  it('reports a missing ; at the last token of the open statement and goes on with the next command', () => {
    assert.deepEqual(problems('spdadd 10.0.0.1 10.0.0.2 any -P out none\nspdadd 10.0.0.2 10.0.0.1 any -P in non;\nflush\n'), [
      'setkey-missing-semicolon none',
      'setkey-syntax non',
      'setkey-missing-semicolon flush',
    ]);
  });

  it('one mistake does not hide the next statement\'s', () => {
    const text = 'add 10.0.0.1 esp 0x1000 -E null;\nspdadd 10.0.0.1 10.0.0.2 any;\nbogus;\nspdflush now;\n';
    assert.deepEqual(problems(text), ['setkey-syntax esp', 'setkey-syntax any', 'setkey-unknown-command bogus', 'setkey-syntax now']);
  });

  it('reports exact ranges (line and column) for problems', () => {
    const [finding] = lint('setkey', 'flush;\n  spdadd 10.0.0.1 10.0.0.2 esp -P out none;\n');
    assert.equal(finding.code, 'setkey-syntax');
    assert.deepEqual(finding.range, { start: { line: 1, character: 27 }, end: { line: 1, character: 30 } });
  });

  it('reports an unterminated string once and resumes at the ; on its line', () => {
    assert.deepEqual(problems('add 10.0.0.1 10.0.0.2 esp 0x1000 -E aes-cbc "abc;\nflush;\n'), ['setkey-unterminated-string "abc']);
    assert.equal(doc('add 10.0.0.1 10.0.0.2 esp 0x1000 -E aes-cbc "abc;\nflush;\n').ast.statements.length, 2);
  });

  it('reports what setkey\'s grammar refuses', () => {
    const cases: Array<[string, string]> = [
      ['spdadd 10.0.0.1 10.0.0.2 esp -P out none;', 'setkey-syntax esp'],
      ['spdadd 10.0.0.1 10.0.0.2 icmp 8 -P out none;', 'setkey-syntax 8'],
      ['spdadd 10.0.0.1 10.0.0.2 any -P up none;', 'setkey-syntax up'],
      ['spdadd 10.0.0.1 10.0.0.2 any -P out allow;', 'setkey-syntax allow'],
      ['spdadd 10.0.0.1 10.0.0.2 any -P out none esp/transport//require;', 'setkey-syntax esp/transport//require'],
      ['spdadd 10.0.0.1 10.0.0.2 any -P out prio top ipsec esp/transport//require;', 'setkey-syntax prio top'],
      ['spdadd 10.0.0.1 10.0.0.2 any -P out ipsec "esp/transport//require";', 'setkey-syntax "esp/transport//require"'],
      ['add 10.0.0.1 10.0.0.2 esp 0x1000 -E aes-cbc key;', 'setkey-syntax key'],
      ['add 10.0.0.1 10.0.0.2 esp 0x1000 -E null 0x00;', 'setkey-syntax 0x00'],
      ['add 10.0.0.1 10.0.0.2 esp 0x1000 -E aes-cbc 0xabcz;', 'setkey-syntax 0xabcz'],
      ['add 10.0.0.1 10.0.0.2 esp 0x1000 -E null -m tunnel;', 'setkey-syntax -m'],
      ['add 10.0.0.1 10.0.0.2 esp 0x1000 -A hmac-sha1 0x00 -E null;', 'setkey-syntax -E'],
      ['add 10.0.0.1 10.0.0.2 esp 0x1000 -m both -E null;', 'setkey-syntax both'],
      ['add 10.0.0.1/32 10.0.0.2 esp 0x1000 -E null;', 'setkey-syntax 32'],
      ['add 10.0.0.1 10.0.0.2 esp;', 'setkey-syntax esp'],
      ['get 10.0.0.1 10.0.0.2 esp 0x1000 -E null;', 'setkey-syntax -E'],
      ['deleteall 10.0.0.1 10.0.0.2 esp 0x1000;', 'setkey-syntax 0x1000'],
      ['flush esp ah;', 'setkey-syntax ah'],
      ['spdadd 10.0.0.1 10.0.0.2 any \\\n -P out none;', 'setkey-syntax \\'],
    ];
    for (const [text, expected] of cases) assert.deepEqual(problems(text), [expected], text);
  });

  it('reports a comment inside a -P policy, and not one before -P or after ;', () => {
    assert.deepEqual(problems('spdadd 10.0.0.1 10.0.0.2 any -P out ipsec\n # why\n esp/transport//require;\n'), ['setkey-comment-in-policy # why']);
    assert.deepEqual(problems('spdadd 10.0.0.1 10.0.0.2 any # selector\n -P out none; # done\n'), []);
  });

  it('treats shell lines as unknown commands without a second finding for their ;', () => {
    assert.deepEqual(problems('setkey -c << EOF\nflush;\nEOF\n'), ['setkey-unknown-command setkey', 'setkey-unknown-command EOF']);
  });

  it('reads CRLF files and look-alike blanks the same way (their own rules report them)', () => {
    const { ast } = doc('spdflush;\r\nspdadd 10.0.0.1\u00a010.0.0.2 any -P out none;\r\n');
    assert.deepEqual(ast.problems, []);
    assert.equal(ast.statements[1].policy?.destination?.text, '10.0.0.2');
  });

  it('checks only the setkey statements of a shell script that feeds setkey', () => {
    const text = '#!/bin/sh\n/sbin/setkey -FP\nsetkey -c << EOF\nspdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//requre;\nEOF\n';
    const { ast } = doc(text);
    assert.equal(ast.shellScript, true);
    assert.deepEqual(ast.problems, []);
    assert.deepEqual(lint('setkey', text).map((f) => f.code), ['setkey-bad-level']);
    assert.equal(doc('#!/usr/sbin/setkey -f\nflush;\n').ast.shellScript, false);
  });

  it('never throws and stays linear on hostile input', () => {
    const hostile = ['', ';', '"', '-P', 'spdadd', 'spdadd ;', 'add -E', '#!', 'spdadd a b c -P', 'spdadd a b c -P out ipsec ///;', 'add a b esp 1 -E', 'spdadd [ ] any -P out ipsec -/-/-/-/-;', 'add ::: ::: esp-udp', '\r\n;\r', 'spdadd a/ b[ any -P out prio;', '-P -P -P;'];
    for (const text of hostile) assert.doesNotThrow(() => lint('setkey', text), text);
    const big = 'spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require\n'.repeat(20_000);
    const started = Date.now();
    const ast: SetkeyFile = doc(big).ast;
    assert.equal(ast.statements.length, 20_000);
    assert.ok(Date.now() - started < 5_000);
  });
});
