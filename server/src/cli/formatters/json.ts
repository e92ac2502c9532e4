import type { FileReport } from '../../workspace/lintFile';
import { eslintSeverity, fixableFindings, type Formatter } from './types';

interface EslintMessage {
  ruleId: string | null;
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
}

/** ESLint's JSON report shape, so existing tooling can read ours. */
export function toEslintResults(reports: readonly FileReport[]): object[] {
  return reports.map((report) => {
    const messages: EslintMessage[] = report.findings.map((f) => ({
      ruleId: f.code,
      severity: eslintSeverity(f.severity),
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
    }));
    const fixable = fixableFindings(report);
    if (report.fatal) messages.unshift({ ruleId: null, severity: 2, fatal: true, message: report.fatal, line: 1, column: 1 });
    if (report.skipped) messages.unshift({ ruleId: null, severity: 0, message: report.skipped, line: 1, column: 1 });
    return {
      filePath: report.filePath,
      messages,
      errorCount: messages.filter((m) => m.severity === 2).length,
      fatalErrorCount: report.fatal ? 1 : 0,
      warningCount: messages.filter((m) => m.severity === 1).length,
      fixableErrorCount: fixable.filter((f) => f.severity === 'error').length,
      fixableWarningCount: fixable.filter((f) => f.severity === 'warning').length,
    };
  });
}

export const formatJson: Formatter = (reports) => JSON.stringify(toEslintResults(reports));
