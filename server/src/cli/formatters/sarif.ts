import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_INFO } from '../../checks/registry';
import { ruleDocUrl } from '../../checks/ruleDocs';
import { VERSION } from '../../version';
import type { Formatter } from './types';

function sarifLevel(severity: string): 'error' | 'warning' | 'note' | 'none' {
  if (severity === 'error') return 'error';
  if (severity === 'warning') return 'warning';
  if (severity === 'off') return 'none';
  return 'note';
}

/**
 * A file inside the folder the run started from is named relative to it (`%SRCROOT%`), as code
 * scanning services expect of a checkout; anything else keeps its absolute `file:` URI.
 */
export function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, filePath);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** SARIF 2.1.0 with the full rule metadata, for code-scanning dashboards. */
export const formatSarif: Formatter = (reports, cwd) => {
  const rules = RULE_INFO.map((rule) => ({
    id: rule.code,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    helpUri: ruleDocUrl(rule.code),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity), enabled: rule.defaultSeverity !== 'off' },
    properties: { fileKinds: [...rule.fileKinds] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: object[] = [];
  const notifications: object[] = [];
  for (const report of reports) {
    const location = artifactLocation(report.filePath, cwd);
    if (report.fatal) {
      notifications.push({ level: 'error', message: { text: report.fatal }, locations: [{ physicalLocation: { artifactLocation: location } }] });
    }
    for (const f of report.findings) {
      results.push({
        ruleId: f.code,
        ruleIndex: index.get(f.code),
        level: sarifLevel(f.severity),
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'ipsec-lint', version: VERSION, informationUri: ruleDocUrl('').replace(/#$/, ''), rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
