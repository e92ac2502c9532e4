import type { ParsedDocument } from '../model/document';
import type { Finding, SeveritySetting } from './finding';
import { ALL_RULES } from './registry';
import type { AnyRule, CheckContext, Report } from './rule';
import { readSuppressions } from './suppression';

export interface CheckOptions {
  /** Severity per rule code, as in the `ipsec.rules` setting; `off` disables a rule. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly context?: CheckContext;
  /** Run only these rules (tests use this to look at one rule at a time). */
  readonly only?: readonly AnyRule[];
}

/** Runs every rule that applies to the document's kind and returns what they found. */
export function checkDocument(document: ParsedDocument, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const suppressions = readSuppressions(document.source);
  const context = options.context ?? {};
  for (const rule of options.only ?? ALL_RULES) {
    if (!(rule.fileKinds as readonly string[]).includes(document.kind)) continue;
    const severity = options.rules?.[rule.code] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const report = (r: Report): void => {
      const range = document.source.rangeOf(r.span);
      if (suppressions.isSuppressed(rule.code, range.start.line)) return;
      findings.push({ code: rule.code, severity, message: r.message, range, related: r.related, fixes: r.fixes });
    };
    runRule(rule, document, report, context);
  }
  return findings.sort(compareFindings);
}

function runRule(rule: AnyRule, document: ParsedDocument, report: (r: Report) => void, context: CheckContext): void {
  // The kind filter above guarantees the document matches the rule's kind.
  rule.check(document as never, report, context);
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
