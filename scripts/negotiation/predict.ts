import path from 'node:path';
import type { Severity } from '../../server/src/checks/finding';
import { WORKSPACE_RULES } from '../../server/src/checks/registry';
import { collectFiles } from '../../server/src/workspace/collectFiles';
import { lintWorkspace } from '../../server/src/workspace/lintWorkspace';

export interface PredictedFinding {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface Prediction {
  readonly verdict: 'up' | 'fails';
  /** Codes of error-severity findings of cross-file and certificate rules: what makes the prediction "fails". */
  readonly errorCodes: readonly string[];
  /** Cross-file findings below error severity (they do not change the verdict). */
  readonly warningCodes: readonly string[];
  /** Findings of single-file rules: a generated file should have none. */
  readonly fileFindings: readonly PredictedFinding[];
  readonly findings: readonly PredictedFinding[];
}

const PAIRING_CODES = new Set(WORKSPACE_RULES.map((rule) => rule.code));

/** Runs every check of the project over the two node folders of a pair. */
export function predict(pairDir: string, nodeFolders: readonly string[] = ['west', 'east']): Prediction {
  const { files } = collectFiles(nodeFolders.map((n) => path.join(pairDir, n)));
  const reports = lintWorkspace(files);
  const findings: PredictedFinding[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      findings.push({ file: path.relative(pairDir, report.filePath), line: f.range.start.line + 1, code: f.code, severity: f.severity, message: f.message });
    }
  }
  const pairing = findings.filter((f) => PAIRING_CODES.has(f.code));
  const errorCodes = unique(pairing.filter((f) => f.severity === 'error').map((f) => f.code));
  const warningCodes = unique(pairing.filter((f) => f.severity !== 'error').map((f) => f.code));
  return {
    verdict: errorCodes.length > 0 ? 'fails' : 'up',
    errorCodes,
    warningCodes,
    fileFindings: findings.filter((f) => !PAIRING_CODES.has(f.code)),
    findings,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
