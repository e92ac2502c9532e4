import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeDocument } from '../../../server/src/features/completion';
import { hoverDocument } from '../../../server/src/features/hover';
import type { FileKind } from '../../../server/src/model/fileKind';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';
import { parseDocument } from '../../../server/src/model/parse';
import { caret, parse } from '../../helpers';

const EMPTY_MODEL = new WorkspaceIndex(new MemoryFiles({})).model([]);

function completions(kind: FileKind, textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  const document = parse(kind, text);
  return completeDocument(document, document.source.positionAt(offset), EMPTY_MODEL);
}

function hover(textWithCaret: string, files: Record<string, string> = {}) {
  const { text, offset } = caret(textWithCaret);
  const uri = 'file:///ws/gw/etc/ipsec.conf';
  const model = new WorkspaceIndex(new MemoryFiles({ '/ws/gw/etc/ipsec.conf': text, ...files })).model(['/ws/gw/etc/ipsec.conf']);
  const document = parseDocument(uri, text, 'ipsec');
  return hoverDocument(document, offset, model)?.markdown;
}

describe('# ipsec-dialect: comments', () => {
  it('completes the comment name beside the suppression directives, in ipsec.conf and ipsec.secrets', () => {
    for (const kind of ['ipsec', 'ipsec-secrets'] as const) {
      assert.deepEqual(completions(kind, '# ipsec-d|').map((c) => c.insertText), ['ipsec-dialect: '], kind);
      assert.deepEqual(completions(kind, '# ipsec|').map((c) => c.label), ['ipsec-lint-disable-next-line', 'ipsec-lint-disable', 'ipsec-dialect:'], kind);
    }
    assert.deepEqual(completions('racoon', '# ipsec-d|'), []);
  });

  it('offers the daemons and their major versions first, then every release, newest first', () => {
    const offered = completions('ipsec', '# ipsec-dialect: |\nconn a\n');
    const sorted = [...offered].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((c) => c.label);
    assert.deepEqual(sorted.slice(0, 7), ['libreswan-5', 'libreswan-4', 'strongswan-6', 'strongswan-5', 'openswan', 'libreswan', 'strongswan']);
    assert.ok(sorted.indexOf('strongswan-6.0.6') < sorted.indexOf('strongswan-5.9.14'));
    assert.ok(sorted.includes('libreswan-5.2') && sorted.includes('openswan-2.6.52.3'));
    const six = offered.find((c) => c.label === 'strongswan-6');
    assert.equal(six?.detail, 'strongSwan 6 (6.0.0 to 6.0.6)');
    assert.match(six?.documentation ?? '', /stroke plugin, which 6\.0 no longer builds by default/);
    const typed = completions('ipsec', '# ipsec-dialect: strongswan-6.0|');
    assert.deepEqual(typed[0].range, { start: { line: 0, character: 17 }, end: { line: 0, character: 31 } });
  });

  it('offers nothing in other comments or past the part of the file the daemon dialect is read from', () => {
    assert.deepEqual(completions('ipsec', 'conn a\n\tleft=192.0.2.1 # ipsec-dialect: |\n'), []);
    assert.deepEqual(completions('ipsec', `${'#\n'.repeat(2100)}# ipsec-dialect: |\n`), []);
  });

  it('hover says which releases the comment stands for and that it wins over the settings', () => {
    assert.match(hover('# ipsec-dia|lect: libreswan-5\nconn a\n\tleft=192.0.2.1\n') ?? '', /judge this gateway's files as Libreswan 5 \(5\.0 to 5\.4\)\. The comment wins over/);
    assert.match(hover('# ipsec-dialect: strongswan-6|\nconn a\n') ?? '', /strongSwan 6 \(6\.0\.0 to 6\.0\.6\)[\s\S]*legacy stroke plugin/);
    assert.doesNotMatch(hover('# ipsec-dialect: strongswan-5|\nconn a\n') ?? '', /stroke/);
  });

  it('hover warns of a release it does not know, and of a comment another file of the gateway overrides', () => {
    assert.match(hover('# ipsec-dialect: libreswan-9|\nconn a\n') ?? '', /No Libreswan release 9 is known here \(the newest known is 5\.4\): it is judged as a release newer than every known one/);
    const old = hover('# ipsec-dialect: libreswan-3.32|\nconn a\n') ?? '';
    assert.match(old, /judge this gateway's files as Libreswan, any release \(4\.0 to 5\.4\)\./);
    assert.match(old, /No Libreswan release as old as 3\.32 is known here, so the files are judged as the releases that are, which may refuse what 3\.32 accepted\. A keyword Libreswan 3 took and 4\.0 dropped \(`ike-frag`, `nat_traversal`\), or took in another section \(`ikeport=` in config setup\), is only noted; the algorithms 3\.x read/);
    assert.doesNotMatch(old, /instead/);
    const include = '# ipsec-dialect: libreswan-4\ninclude /etc/ipsec.d/*.conf\n';
    const overridden = hover(`${include}`.replace('libreswan-4', 'libreswan-4|'), {});
    assert.doesNotMatch(overridden ?? '', /instead/);
    const { text, offset } = caret('# ipsec-dialect: strongswan|\nconn b\n');
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/gw/etc/ipsec.conf': include, '/ws/gw/etc/ipsec.d/b.conf': text })).model(['/ws/gw/etc/ipsec.conf']);
    const markdown = hoverDocument(parseDocument('file:///ws/gw/etc/ipsec.d/b.conf', text, 'ipsec'), offset, model)?.markdown ?? '';
    assert.match(markdown, /This gateway is checked as Libreswan 4 instead, because of the "# ipsec-dialect: libreswan-4" comment/);
  });

  it('hover is for the comment only', () => {
    assert.equal(hover('# ipsec-dialect: libreswan-5\n# another |comment\nconn a\n'), undefined);
  });
});
