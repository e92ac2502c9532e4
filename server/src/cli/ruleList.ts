import type { SeveritySetting } from '../checks/finding';
import { RULE_INFO } from '../checks/registry';
import { ruleDocUrl } from '../checks/ruleDocs';
import { FILE_KINDS, type FileKind } from '../model/fileKind';

export interface ListedRule {
  readonly code: string;
  /** What this run would use: the default, unless .ipsec-lint.json or --rule says otherwise. */
  readonly severity: SeveritySetting;
  readonly defaultSeverity: SeveritySetting;
  readonly fileKinds: readonly FileKind[];
  readonly title: string;
  readonly docs: string;
}

/** Every rule, in the catalogue's order, with the severity the given overrides leave it. */
export function listRules(overrides: Readonly<Record<string, SeveritySetting>>): ListedRule[] {
  return RULE_INFO.map((rule) => ({
    code: rule.code,
    severity: overrides[rule.code] ?? rule.defaultSeverity,
    defaultSeverity: rule.defaultSeverity,
    fileKinds: [...rule.fileKinds],
    title: rule.title,
    docs: ruleDocUrl(rule.code),
  }));
}

/** One line per rule: code, severity (with the default when it differs), file kinds (`all` for every kind), title. */
export function formatRuleList(rules: readonly ListedRule[]): string {
  const severity = (rule: ListedRule): string => (rule.severity === rule.defaultSeverity ? rule.severity : `${rule.severity} (default ${rule.defaultSeverity})`);
  const kinds = (rule: ListedRule): string => (rule.fileKinds.length === FILE_KINDS.length ? 'all' : rule.fileKinds.join(','));
  const codeWidth = Math.max(...rules.map((rule) => rule.code.length));
  const severityWidth = Math.max(...rules.map((rule) => severity(rule).length));
  const kindsWidth = Math.max(...rules.map((rule) => kinds(rule).length));
  const lines = rules.map((rule) => `${rule.code.padEnd(codeWidth)}  ${severity(rule).padEnd(severityWidth)}  ${kinds(rule).padEnd(kindsWidth)}  ${rule.title}`);
  const changed = rules.filter((rule) => rule.severity !== rule.defaultSeverity).length;
  return `${lines.join('\n')}\n\n${rules.length} rules, ${changed} set otherwise than by default\n`;
}
