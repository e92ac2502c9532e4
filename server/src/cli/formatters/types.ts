import path from 'node:path';
import type { Finding } from '../../checks/finding';
import { safeFix } from '../../features/fixAll';
import type { FileReport } from '../../workspace/lintFile';
import { fileUri } from '../../workspace/loadIpsecNode';

export type Formatter = (reports: readonly FileReport[], cwd: string) => string;

/** A report's file relative to the folder the run started from, with forward slashes, as CI services show paths. */
export function reportPath(filePath: string, cwd: string): string {
  return (path.relative(cwd, filePath) || filePath).split(path.sep).join('/');
}

/** ESLint's numeric severities: 2 error, 1 warning, 0 anything milder. */
export function eslintSeverity(severity: string): 0 | 1 | 2 {
  return severity === 'error' ? 2 : severity === 'warning' ? 1 : 0;
}

/** The findings of a report that `--fix` would fix. */
export function fixableFindings(report: FileReport): Finding[] {
  if (report.text === undefined) return [];
  const uri = fileUri(report.filePath);
  return report.findings.filter((finding) => safeFix(finding, uri) !== undefined);
}
