import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDocument, MAX_FINDINGS_PER_RULE } from '../../../server/src/checks/engine';
import { defineRule, type AnyRule } from '../../../server/src/checks/rule';
import { parse } from '../../helpers';

/** A rule that reports the first word of every line, as a warning unless `severity` says otherwise. */
function everyLine(code: string, severity?: 'info' | 'error'): AnyRule {
  return defineRule({
    code,
    fileKinds: ['ipsec'],
    defaultSeverity: 'warning',
    title: code,
    description: code,
    check(document, report) {
      for (const line of document.source.lines()) report({ span: { start: line.start, end: line.start + 1 }, message: `${code} ${line.index}`, severity });
    },
  }) as AnyRule;
}

describe('the rule engine', () => {
  it('caps each rule on its own: a second rule still reports after the first reached the cap', () => {
    const text = Array.from({ length: MAX_FINDINGS_PER_RULE + 100 }, (_, i) => `# line ${i}`).join('\n');
    const findings = checkDocument(parse('ipsec', text), { only: [everyLine('first'), everyLine('second')] });
    assert.equal(findings.filter((f) => f.code === 'first').length, MAX_FINDINGS_PER_RULE);
    assert.equal(findings.filter((f) => f.code === 'second').length, MAX_FINDINGS_PER_RULE);
  });

  it('gives each finding its own rule code, severity and suppression', () => {
    const text = '# ipsec-lint-disable-next-line first\nconn a\n\tleft=192.0.2.1';
    const findings = checkDocument(parse('ipsec', text), { only: [everyLine('first'), everyLine('second', 'info'), everyLine('third')], rules: { second: 'error', third: 'off' } });
    const seen = findings.map((f) => `${f.code}:${f.severity}:${f.range.start.line}`).sort();
    // Line 1 is silenced for `first` only; a configured severity overrides the report's own; `off` runs nothing.
    assert.deepEqual(seen, ['first:warning:0', 'first:warning:2', 'second:error:0', 'second:error:1', 'second:error:2']);
  });

  it('keeps the severity a report asks for when the rule is not configured', () => {
    const findings = checkDocument(parse('ipsec', 'conn a'), { only: [everyLine('first', 'info')] });
    assert.deepEqual(findings.map((f) => f.severity), ['info']);
  });

  it('returns findings in document order whichever rule found them', () => {
    const findings = checkDocument(parse('ipsec', 'conn a\n\tleft=192.0.2.1\n'), { only: [everyLine('first'), everyLine('second')] });
    assert.deepEqual(findings.map((f) => f.range.start.line), [0, 0, 1, 1, 2, 2]);
  });
});
