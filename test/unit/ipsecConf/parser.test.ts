import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIpsecConf } from '../../../server/src/parsing/ipsecConf/parser';
import { SourceText } from '../../../server/src/text/sourceText';

function parse(text: string) {
  const source = new SourceText(text);
  return { source, ast: parseIpsecConf(source) };
}

describe('ipsec.conf parser', () => {
  it('reads config setup, conns, ca, include and version with exact spans', () => {
    const text = 'version 2.0\nconfig setup\n\tprotostack=netkey\n\nconn dk\n\tright=192.0.2.7 # peer\n\trightid="@vpn.dk.example"\ninclude /etc/ipsec.d/*.conf\nca root\n\tcacert=root.pem\n';
    const { source, ast } = parse(text);
    assert.deepEqual(ast.problems, []);
    assert.deepEqual(
      ast.statements.map((s) => s.type),
      ['version', 'section', 'section', 'include', 'section'],
    );
    const conn = ast.sections[1];
    assert.equal(conn.kind, 'conn');
    assert.equal(conn.name?.text, 'dk');
    assert.equal(conn.settings.length, 2);
    const right = conn.settings[0];
    assert.equal(source.slice(right.key.span), 'right');
    assert.equal(right.value?.text, '192.0.2.7');
    assert.equal(source.slice(right.comment!), '# peer');
    const id = conn.settings[1];
    assert.equal(id.value?.text, '@vpn.dk.example');
    assert.equal(id.value?.quoted, true);
    assert.equal(source.slice(id.value!.span), '"@vpn.dk.example"');
    assert.equal(ast.includes[0].path?.text, '/etc/ipsec.d/*.conf');
    assert.equal(ast.sections[2].kind, 'ca');
    assert.deepEqual(source.rangeOf(conn.span), { start: { line: 4, character: 0 }, end: { line: 6, character: 26 } });
  });

  it('accepts spaces around =, empty values and brace lists with spaces', () => {
    const { ast } = parse('conn a\n\trekeyfuzz = 10%\n\tleftsubnet=\n\trightsubnets={ 192.0.2.0/24, 192.0.22.0/24 }\n');
    assert.deepEqual(ast.problems, []);
    const [fuzz, empty, subnets] = ast.sections[0].settings;
    assert.equal(fuzz.value?.text, '10%');
    assert.equal(empty.value, undefined);
    assert.ok(empty.equals);
    assert.equal(subnets.value?.text, '{ 192.0.2.0/24, 192.0.22.0/24 }');
  });

  it('keeps # inside a word as part of the value, as Libreswan does', () => {
    const { ast } = parse('conn a\n\tleftid=@#1234abcd\n\tright=192.0.2.2 # peer\n');
    assert.equal(ast.sections[0].settings[0].value?.text, '@#1234abcd');
    assert.equal(ast.sections[0].settings[1].value?.text, '192.0.2.2');
    assert.equal(ast.comments.length, 1);
  });

  it('keeps a column-0 include inside the open section', () => {
    const { ast } = parse('conn a\n\tleft=192.0.2.1\ninclude more.conf\n\tright=192.0.2.2\n');
    assert.equal(ast.sections.length, 1);
    assert.deepEqual(ast.statements.map((s) => s.type), ['section', 'include']);
    assert.equal(ast.sections[0].settings.length, 2);
    assert.equal(ast.sections[0].includes.length, 1);
  });

  it('keeps a column-0 key in its section so rules can point at it', () => {
    const { ast } = parse('conn a\n\tleft=192.0.2.1\nauto=add\n\tright=192.0.2.2\n');
    assert.equal(ast.sections.length, 1);
    assert.deepEqual(ast.sections[0].settings.map((s) => s.key.text), ['left', 'auto', 'right']);
    assert.deepEqual(ast.problems, []);
  });

  it('recovers after each mistake and reports every one', () => {
    const { source, ast } = parse('conn a\n\tleftid="@x\n\tauto add\n\tright=1.2.3.4 extra\nbogus line\n\tpfs=yes\nconn\n');
    assert.deepEqual(
      ast.problems.map((p) => [p.code, source.positionAt(p.span.start).line]),
      [
        ['unterminated-quote', 1],
        ['missing-equals', 2],
        ['unexpected-text', 3],
        ['bad-header', 4],
        ['bad-header', 6],
      ],
    );
    assert.equal(ast.sections.find((s) => s.kind === 'none')?.settings[0].key.text, 'pfs');
  });

  it('reports the paste damage of "version 2.0config setup"', () => {
    const { ast } = parse('version 2.0config setup\n\tinterfaces=%defaultroute\n');
    assert.equal(ast.problems[0].code, 'bad-header');
  });

  it('records CRLF lines and a lone CR', () => {
    const { ast } = parse('conn a\r\n\tleft=1.2.3.4\r\n\tright=5.6.7.8\n');
    assert.deepEqual(ast.crlfLines, [0, 1]);
    assert.equal(ast.sections[0].settings[0].value?.text, '1.2.3.4');
  });

  it('treats a no-break-space indent as indentation for recovery', () => {
    const { ast } = parse('conn a\n\u00a0\u00a0left=1.2.3.4\n');
    assert.equal(ast.sections[0].settings[0].key.text, 'left');
    assert.deepEqual(ast.problems, []);
  });

  it('never throws on hostile input', () => {
    for (const text of ['', '\n', '=', '"', '{', 'conn "', '\tkey="', '#', '\u0000\u0000', 'include', 'version', 'conn a b c\n', '\r\r\r']) {
      assert.doesNotThrow(() => parse(text));
    }
  });
});
