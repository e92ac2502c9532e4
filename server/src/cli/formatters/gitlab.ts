import { createHash } from 'node:crypto';
import type { Severity } from '../../checks/finding';
import { reportPath, type Formatter } from './types';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: CodeQualitySeverity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end?: number } };
}

/**
 * GitLab's Code Quality report (a subset of Code Climate's issue format), for a job's
 * `artifacts:reports:codequality`: merge requests then show which findings a change adds or removes.
 * Paths are relative to the current folder, so the job runs it from the repository's top.
 */
export const formatGitlab: Formatter = (reports, cwd) => {
  const issues: CodeQualityIssue[] = [];
  for (const report of reports) {
    const file = reportPath(report.filePath, cwd);
    const seen = new Map<string, number>();
    const issue = (checkName: string, description: string, severity: CodeQualitySeverity, begin: number, end: number): void => {
      // GitLab matches issues across commits by fingerprint, so it leaves out line numbers (an edit
      // above would renew them) and counts repeats instead (identical fingerprints merge into one).
      const identity = `${file}\0${checkName}\0${description}`;
      const repeat = seen.get(identity) ?? 0;
      seen.set(identity, repeat + 1);
      const fingerprint = createHash('sha256').update(`${identity}\0${repeat}`).digest('hex').slice(0, 32);
      const lines = end > begin ? { begin, end } : { begin };
      issues.push({ description, check_name: checkName, fingerprint, severity, location: { path: file, lines } });
    };
    if (report.fatal) issue('ipsec-lint', report.fatal, 'critical', 1, 1);
    for (const f of report.findings) issue(f.code, f.message, codeQualitySeverity(f.severity), f.range.start.line + 1, f.range.end.line + 1);
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};

/** An error means the tunnel will not come up, so it ranks above the usual linter mapping. */
function codeQualitySeverity(severity: Severity): CodeQualitySeverity {
  switch (severity) {
    case 'error':
      return 'critical';
    case 'warning':
      return 'major';
    case 'info':
      return 'minor';
    default:
      return 'info';
  }
}
