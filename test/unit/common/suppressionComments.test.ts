import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_INFO, suppressionUnknownRule } from '../../../server/src/checks/registry';
import { completeDocument } from '../../../server/src/features/completion';
import { hoverDocument } from '../../../server/src/features/hover';
import type { FileKind } from '../../../server/src/model/fileKind';
import { FILE_KINDS } from '../../../server/src/model/fileKind';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';
import { caret, lint, parse } from '../../helpers';

const EMPTY_MODEL = new WorkspaceIndex(new MemoryFiles({})).model([]);

function completions(kind: FileKind, textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  const document = parse(kind, text);
  return completeDocument(document, document.source.positionAt(offset), EMPTY_MODEL);
}

function hover(kind: FileKind, textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  return hoverDocument(parse(kind, text), offset, EMPTY_MODEL);
}

describe('suppression-unknown-rule', () => {
  it('reports a code that names no rule, in every kind of file, with the closest code as a fix', () => {
    for (const kind of FILE_KINDS) {
      const [finding, ...rest] = lint(kind, '# ipsec-lint-disable-next-line column-zero-ky, weak-psk\n', [suppressionUnknownRule]);
      assert.deepEqual(rest, [], kind);
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.message, '"column-zero-ky" is no ipsec-lint rule, so this comment silences nothing: did you mean "column-zero-key"?');
      assert.deepEqual(finding.range, { start: { line: 0, character: 31 }, end: { line: 0, character: 45 } });
      assert.deepEqual(finding.fixes?.[0].edits, [{ range: finding.range, newText: 'column-zero-key' }]);
    }
  });

  it('leaves known codes, a directive without codes and other comments alone, and offers no fix when nothing is close', () => {
    const text = '# ipsec-lint-disable duplicate-key,weak-psk\n# ipsec-lint-disable\n# ipsec-lint is great, no-such-thing\nconn a\n\tleft=192.0.2.1 # ipsec-lint-disable whatever\n';
    assert.deepEqual(lint('ipsec', text, [suppressionUnknownRule]), []);
    const [far] = lint('ipsec', '# ipsec-lint-disable shellcheck\n', [suppressionUnknownRule]);
    assert.equal(far.message, '"shellcheck" is no ipsec-lint rule, so this comment silences nothing: name a rule by the code its findings show (`ipsec-lint --list-rules` lists them)');
    assert.equal(far.fixes, undefined);
  });

  it('the misspelt code silences nothing, as the finding says', () => {
    const findings = lint('ipsec', 'conn a\n\tleft=192.0.2.1\n# ipsec-lint-disable-next-line column-zero-ky\nauto=add\n');
    assert.deepEqual(findings.map((f) => f.code).sort(), ['column-zero-key', 'suppression-unknown-rule']);
  });
});

describe('completion and hover in suppression comments', () => {
  it('completes the directive after # ipsec-l, and nothing in other comments', () => {
    assert.deepEqual(completions('ipsec', '# ipsec-l|').map((e) => e.label), ['ipsec-lint-disable-next-line', 'ipsec-lint-disable']);
    assert.deepEqual(completions('setkey', '  #ip|').map((e) => [e.label, e.range.start.character]), [['ipsec-lint-disable-next-line', 3], ['ipsec-lint-disable', 3]]);
    assert.deepEqual(completions('ipsec', '# France|'), []);
  });

  it("completes the codes of the rules that read the file's kind, not those already listed", () => {
    const codes = completions('ipsec-secrets', '# ipsec-lint-disable weak-psk, |').map((e) => e.label);
    const expected = RULE_INFO.filter((r) => (r.fileKinds as readonly string[]).includes('ipsec-secrets') && r.code !== 'weak-psk').map((r) => r.code);
    assert.deepEqual(codes, expected);
    assert.ok(!codes.includes('column-zero-key'), 'an ipsec.conf rule is not offered in ipsec.secrets');
    const [typed] = completions('ipsec', '# ipsec-lint-disable-next-line column-z|').filter((e) => e.label === 'column-zero-key');
    assert.deepEqual(typed.range, { start: { line: 0, character: 31 }, end: { line: 0, character: 39 } });
    assert.match(typed.documentation ?? '', /^\*\*column-zero-key\*\*: /);
  });

  it('shows what a rule finds on hover over its code, and nothing over an unknown one', () => {
    const shown = hover('racoon', '# ipsec-lint-disable-next-line racoon-unknown-statement, dupl|icate-key\n');
    assert.ok(shown);
    assert.match(shown.markdown, /^\*\*duplicate-key\*\*: .+ \(default: (error|warning|info|hint)\)\n\n/);
    assert.match(shown.markdown, /\[All about duplicate-key\]\(https:\/\/.+#duplicate-key\)$/);
    assert.deepEqual(shown.range, { start: { line: 0, character: 57 }, end: { line: 0, character: 70 } });
    assert.equal(hover('ipsec', '# ipsec-lint-disable no-su|ch-rule\n'), undefined);
  });
});
