import { commonRules } from './common';
import { ipsecConfRules } from './ipsecConf';
import { pskRules } from './psk';
import { racoonRules } from './racoon';
import type { AnyRule } from './rule';
import { secretsRules } from './secrets';
import { setkeyRules } from './setkey';

export const ALL_RULES: readonly AnyRule[] = [
  ...commonRules,
  ...ipsecConfRules,
  ...secretsRules,
  ...racoonRules,
  ...pskRules,
  ...setkeyRules,
];

const byCode = new Map<string, AnyRule>(ALL_RULES.map((rule) => [rule.code, rule]));

export function findRule(code: string): AnyRule | undefined {
  return byCode.get(code);
}
