import type { FileReport } from '../../workspace/lintFile';

export type Formatter = (reports: readonly FileReport[], cwd: string) => string;

/** ESLint's numeric severities: 2 error, 1 warning, 0 anything milder. */
export function eslintSeverity(severity: string): 0 | 1 | 2 {
  return severity === 'error' ? 2 : severity === 'warning' ? 1 : 0;
}
