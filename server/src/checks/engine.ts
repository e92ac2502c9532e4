import type { ParsedDocument } from '../model/document';
import type { FileKind } from '../model/fileKind';
import { isTooLargeToCheck } from '../model/sizeLimits';
import type { Finding, Severity, SeveritySetting } from './finding';
import { binaryContent, looksBinary } from './common/binaryContent';
import { fileTooLarge } from './common/fileTooLarge';
import { ALL_RULES } from './registry';
import type { AnyRule, CheckContext, Report } from './rule';
import { readSuppressions } from './suppression';

/** Beyond this many findings of one rule in one document, the rest are dropped. */
export const MAX_FINDINGS_PER_RULE = 500;

export interface CheckOptions {
  /** Severity per rule code, as in the `ipsec.rules` setting; `off` disables a rule. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly context?: CheckContext;
  /** Run only these rules (tests use this to look at one rule at a time). */
  readonly only?: readonly AnyRule[];
}

const NO_CONTEXT: CheckContext = {};

/** Runs every rule that applies to the document's kind and returns what they found. */
export function checkDocument(document: ParsedDocument, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const suppressions = readSuppressions(document.source);
  const context = options.context ?? NO_CONTEXT;
  const configuredRules = options.rules;
  const rules = onlyRulesFor(document) ?? (options.only ? options.only.filter((rule) => appliesTo(rule, document.kind)) : rulesFor(document.kind));
  // One report function per document: the rule it reports for changes as the rules run.
  let code = '';
  let configured: SeveritySetting | undefined;
  let severity: Severity = 'error';
  let reported = 0;
  const report = (r: Report): void => {
    // A flood of identical problems helps no one and would stall the editor.
    if (++reported > MAX_FINDINGS_PER_RULE) return;
    const range = document.source.rangeOf(r.span);
    if (suppressions.isSuppressed(code, range.start.line)) return;
    findings.push({ code, severity: configured !== undefined ? severity : (r.severity ?? severity), message: r.message, range, related: r.related, fixes: r.fixes });
  };
  // Run for every rule of every file: an index loop makes no iterator objects.
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    configured = configuredRules?.[rule.code];
    const chosen = configured ?? rule.defaultSeverity;
    if (chosen === 'off') continue;
    code = rule.code;
    severity = chosen;
    reported = 0;
    runRule(rule, document, report, context);
  }
  return findings.sort(compareFindings);
}

/** A file too large to parse, or a binary one, gets one clear finding instead of one per line. */
function onlyRulesFor(document: ParsedDocument): readonly AnyRule[] | undefined {
  if (isTooLargeToCheck(document.source.text)) return [fileTooLarge];
  if (looksBinary(document.source.text)) return [binaryContent];
  return undefined;
}

function appliesTo(rule: AnyRule, kind: FileKind): boolean {
  return (rule.fileKinds as readonly string[]).includes(kind);
}

const rulesByKind = new Map<FileKind, readonly AnyRule[]>();

/** The rules for one kind of file, picked out once. */
function rulesFor(kind: FileKind): readonly AnyRule[] {
  let rules = rulesByKind.get(kind);
  if (!rules) {
    rules = ALL_RULES.filter((rule) => appliesTo(rule, kind));
    rulesByKind.set(kind, rules);
  }
  return rules;
}

function runRule(rule: AnyRule, document: ParsedDocument, report: (r: Report) => void, context: CheckContext): void {
  // The kind filter above guarantees the document matches the rule's kind.
  rule.check(document as never, report, context);
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
