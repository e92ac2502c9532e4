/** Where the generated rule catalogue is published; every diagnostic links to its entry. */
export const RULES_DOC_BASE = 'https://github.com/ipsec-lint/ipsec-config/blob/main/docs/rules.md';

export function ruleDocUrl(code: string): string {
  return `${RULES_DOC_BASE}#${code}`;
}
