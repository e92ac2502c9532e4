import { SEVERITIES } from '../checks/finding';
import { RULE_INFO } from '../checks/registry';
import { DIALECT_SETTING_VALUES } from '../model/dialect';
import { DIALECT_SETTING_PATTERN } from './dialectSetting';
import { CONFIG_FILE_NAME } from './projectConfig';

/** One schema property per rule code: its severities and what it checks. Also used for the `ipsec.rules` setting in package.json. */
export function ruleSeverityProperties(): Record<string, { enum: string[]; description: string }> {
  return Object.fromEntries(RULE_INFO.map((rule) => [rule.code, { enum: [...SEVERITIES, 'off'], description: `${rule.title} (default: ${rule.defaultSeverity})` }]));
}

/** The JSON schema of `.ipsec-lint.json`, from the rule registry: editors complete and check the file with it. */
export function renderConfigSchema(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${CONFIG_FILE_NAME}: settings shared by ipsec-lint and the IPsec language server`,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        description: 'Severity per rule code, or off. The editor setting ipsec.rules and --rule override single rules.',
        type: 'object',
        properties: ruleSeverityProperties(),
        additionalProperties: false,
      },
      dialect: {
        description: 'The daemon every gateway is written for; auto detects it per gateway. The editor setting ipsec.dialect and --dialect win when set.',
        anyOf: [{ enum: [...DIALECT_SETTING_VALUES] }, { type: 'string', pattern: DIALECT_SETTING_PATTERN }],
      },
      exclude: {
        description: 'Names or globs (*, ?, […]) of files and folders to skip when searching folders, matched against each path segment.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
