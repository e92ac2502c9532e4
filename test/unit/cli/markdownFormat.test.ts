import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { formatMarkdown } from '../../../server/src/cli/formatters/markdown';
import { ruleDocUrl } from '../../../server/src/checks/ruleDocs';
import { REPO_ROOT } from '../../helpers';
import { finding, run, workspace } from './cliRun';

type Token = ReturnType<MarkdownIt['parse']>[number];

const markdown = new MarkdownIt();

/** What a reader sees of inline Markdown, and anything that rendered as markup rather than as the text written. */
function seen(inline: Token | undefined): { text: string; markup: string[]; links: string[] } {
  const result = { text: '', markup: [] as string[], links: [] as string[] };
  for (const child of inline?.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') result.text += child.content;
    else if (child.type === 'softbreak') result.text += '\n';
    else if (child.type === 'link_open') result.links.push(child.attrGet('href') ?? '');
    else if (child.type !== 'link_close') result.markup.push(child.type);
  }
  return result;
}

type Row = Array<ReturnType<typeof seen>>;

/** Each rendered table's header and body rows, each cell as the reader sees it. */
function tables(source: string): Array<{ header: string[]; rows: Row[] }> {
  const tokens = markdown.parse(source, {});
  const found: Array<{ header: string[]; rows: Row[] }> = [];
  let inBody = false;
  tokens.forEach((token, i) => {
    const inline = tokens[i + 1]?.type === 'inline' ? tokens[i + 1] : undefined;
    if (token.type === 'table_open') found.push({ header: [], rows: [] });
    else if (token.type === 'th_open') found[found.length - 1].header.push(seen(inline).text);
    else if (token.type === 'tbody_open') inBody = true;
    else if (token.type === 'tbody_close') inBody = false;
    else if (inBody && token.type === 'tr_open') found[found.length - 1].rows.push([]);
    else if (inBody && token.type === 'td_open') found[found.length - 1].rows.at(-1)!.push(seen(inline));
  });
  return found;
}

/** The body rows of every table, in order. */
function tableRows(source: string): Row[] {
  return tables(source).flatMap((table) => table.rows);
}

function headings(source: string): string[] {
  const tokens = markdown.parse(source, {});
  return tokens.flatMap((token, i) => (token.type === 'heading_open' ? [tokens[i + 1].content] : []));
}

describe('ipsec-lint --format markdown', () => {
  it('tables every finding as written, whatever Markdown its message or file name holds, with the rule linked to its entry', () => {
    const message = 'include /etc/ipsec.d/*.conf reads *nothing* <b>here</b> | a_b_c `x` [l](http://e) &amp; ~~s~~ #1 \\ end\nsecond line';
    const reports = [
      { filePath: path.join('/repo', 'gw_1', 'ipsec*.conf'), findings: [finding({ message }), finding({ severity: 'warning', code: 'duplicate-key' })] },
      { filePath: '/repo/x.conf', findings: [], fatal: 'cannot be read: permission denied' },
      { filePath: '/repo/clean.conf', findings: [] },
    ];
    const output = formatMarkdown(reports, '/repo');
    assert.deepEqual(headings(output), ['ipsec-lint: 2 error(s), 1 warning(s), 0 info']);
    const rows = tableRows(output);
    assert.deepEqual(
      rows.map((row) => row.map((c) => c.text)),
      [
        ['error', 'gw_1/ipsec*.conf', '3', 'bad-value', message.replace('\n', ' ')],
        ['warning', 'gw_1/ipsec*.conf', '3', 'duplicate-key', 'm'],
        ['error', 'x.conf', '1', '', 'cannot be read: permission denied'],
      ],
    );
    assert.deepEqual(rows.flat().flatMap((c) => c.markup), [], 'nothing rendered as emphasis, HTML or a link but the rule');
    assert.deepEqual(rows.map((row) => row[3].links), [[ruleDocUrl('bad-value')], [ruleDocUrl('duplicate-key')], []]);
  });

  it('says so when there is nothing to report', () => {
    const output = formatMarkdown([{ filePath: '/repo/a.conf', findings: [] }], '/repo');
    assert.deepEqual(headings(output), ['ipsec-lint: no problems']);
    assert.deepEqual(tableRows(output), []);
  });

  it('reports examples/ with the status stylish output gives', () => {
    const result = run(['--format', 'markdown', 'examples'], REPO_ROOT);
    assert.equal(result.status, 1);
    const errors = tableRows(result.stdout).filter((row) => row[0].text === 'error');
    assert.deepEqual(errors.map((row) => `${row[1].text}:${row[2].text} ${row[3].text}`), [
      'examples/de/etc/ipsec.d/fr.conf:6 ca-missing',
      'examples/de/etc/ipsec.d/fr.conf:8 cert-id-mismatch',
      'examples/de/etc/ipsec.d/fr.conf:8 peer-id-mismatch',
      'examples/de/etc/ipsec.d/fr.conf:9 column-zero-key',
      'examples/fr/etc/ipsec.d/server.conf:17 peer-id-mismatch',
    ]);
  });

  it('gives the peer matrix as a table, then the reasons of each pair at risk as a list', () => {
    const root = workspace({
      'a/ipsec.conf': 'conn b_1\n\tleft=192.0.2.1\n\tleftid=@a\n\tright=192.0.2.2\n\trightid=@wrong\n\tauthby=secret\n\tauto=add\n',
      'b/ipsec.conf': 'conn a\n\tleft=192.0.2.2\n\tleftid=@b\n\tright=192.0.2.1\n\trightid=@a\n\tauthby=secret\n\tauto=add\n',
      'c/ipsec.conf': 'conn x\n\tleft=192.0.2.3\n\tright=203.0.113.9\n\tauto=add\n',
    });
    const result = run(['--peers', '--format', 'markdown', '--rule', 'conn-psk-missing=off', '.'], root);
    assert.equal(result.status, 1);
    assert.deepEqual(headings(result.stdout), ['IPsec tunnels']);
    const [grid, conns] = tables(result.stdout);
    assert.deepEqual(grid.header, ['', 'a', 'b', 'c']);
    assert.deepEqual(
      grid.rows.map((row) => row.map((c) => c.text)),
      [
        ['a', '—', '✗', ''],
        ['b', '✗', '—', ''],
        ['c', '', '', '—'],
      ],
    );
    assert.deepEqual(
      conns.rows.map((row) => row.map((c) => c.text)),
      [
        ['a', 'conn b_1', 'b', 'conn a', '✗ broken'],
        ['b', 'conn a', 'a', 'conn b_1', '✗ broken'],
        ['c', 'conn x', '', '', '- no partner in these files'],
      ],
    );
    const tokens = markdown.parse(result.stdout, {});
    const items = tokens.filter((t, i) => t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open' && tokens[i - 2]?.type === 'list_item_open').map((t) => seen(t));
    assert.ok(items.length >= 2, result.stdout);
    assert.match(items[0].text, /^a\/ipsec\.conf:5 error: rightid "@wrong" is not the peer's own leftid "@b" .* \(peer-id-mismatch\)$/);
    assert.deepEqual(items[0].links, [ruleDocUrl('peer-id-mismatch')]);
    assert.deepEqual(items.flatMap((i) => i.markup), []);
    const strong = tokens.filter((t) => t.type === 'inline' && t.children?.some((c) => c.type === 'strong_open')).map((t) => t.content);
    assert.deepEqual(strong, ['**a conn b\\_1 → b conn a** (✗ broken)', '**b conn a → a conn b\\_1** (✗ broken)']);
  });
});

describe('the peer grid of --peers --format markdown', () => {
  it('marks each pair of gateways with the worst of their conns, read from the row\'s side', () => {
    const root = workspace({
      // a has two conns to b: one agrees, one differs in pfs only (a warning). c agrees with b.
      'a/ipsec.conf':
        'conn b\n\tleft=192.0.2.1\n\tleftid=@a\n\tright=192.0.2.2\n\trightid=@b\n\tauthby=secret\n\tauto=add\n' +
        'conn b2\n\tleft=192.0.2.1\n\tleftid=@a2\n\tright=192.0.2.2\n\trightid=@b2\n\tauthby=secret\n\tkeyexchange=ikev2\n\tpfs=no\n\tauto=start\n',
      'b/ipsec.conf':
        'conn a\n\tleft=192.0.2.2\n\tleftid=@b\n\tright=192.0.2.1\n\trightid=@a\n\tauthby=secret\n\tauto=add\n' +
        'conn a2\n\tleft=192.0.2.2\n\tleftid=@b2\n\tright=192.0.2.1\n\trightid=@a2\n\tauthby=secret\n\tkeyexchange=ikev2\n\tpfs=yes\n\tauto=add\n' +
        'conn c\n\tleft=192.0.2.2\n\tleftid=@b\n\tright=192.0.2.3\n\trightid=@c\n\tauthby=secret\n\tauto=add\n',
      'c/ipsec.conf': 'conn b\n\tleft=192.0.2.3\n\tleftid=@c\n\tright=192.0.2.2\n\trightid=@b\n\tauthby=secret\n\tauto=add\n',
    });
    const result = run(['--peers', '--format', 'markdown', '--rule', 'conn-psk-missing=off', '.'], root);
    assert.equal(result.status, 0, result.stdout);
    const [grid] = tables(result.stdout);
    assert.deepEqual(
      grid.rows.map((row) => row.map((c) => c.text)),
      [
        ['a', '—', '!', ''],
        ['b', '!', '—', '✓'],
        ['c', '', '✓', '—'],
      ],
    );
  });

  it('is left out for a single gateway', () => {
    const root = workspace({ 'a/ipsec.conf': 'conn x\n\tleft=192.0.2.3\n\tright=203.0.113.9\n\tauto=add\n' });
    const result = run(['--peers', '--format', 'markdown', '.'], root);
    assert.deepEqual(tables(result.stdout).map((t) => t.header[0]), ['Gateway']);
  });
});
