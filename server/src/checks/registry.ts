import { commonRules } from './common';
import { makeSuppressionUnknownRule } from './common/suppressionUnknownRule';
import { ipsecConfRules } from './ipsecConf';
import { pskRules } from './psk';
import { racoonRules } from './racoon';
import type { AnyRule } from './rule';
import { secretsRules } from './secrets';
import { setkeyRules } from './setkey';
import { workspaceRules } from './workspace';
import type { WorkspaceRule } from './workspaceRule';

/** Checks the codes of suppression comments against every rule here. */
export const suppressionUnknownRule = makeSuppressionUnknownRule(() => RULE_CODES);

export const ALL_RULES: readonly AnyRule[] = [
  ...commonRules,
  suppressionUnknownRule,
  ...ipsecConfRules,
  ...secretsRules,
  ...racoonRules,
  ...pskRules,
  ...setkeyRules,
];

export const WORKSPACE_RULES: readonly WorkspaceRule[] = workspaceRules;

/** What the catalogue, SARIF and settings need to know of every rule, document or workspace. */
export type RuleInfo = Pick<AnyRule, 'code' | 'fileKinds' | 'defaultSeverity' | 'title' | 'description' | 'editorTag'>;

export const RULE_INFO: readonly RuleInfo[] = [...ALL_RULES, ...WORKSPACE_RULES];

const byCode = new Map<string, RuleInfo>(RULE_INFO.map((rule) => [rule.code, rule]));
const RULE_CODES: readonly string[] = RULE_INFO.map((rule) => rule.code);

export function findRule(code: string): RuleInfo | undefined {
  return byCode.get(code);
}
