import path from 'node:path';
import type { Formatter } from './types';

/** `file:line:col: severity: message [code]`, one per line; the extension's problem matcher reads this. */
export const formatUnix: Formatter = (reports, cwd) => {
  const lines: string[] = [];
  for (const report of reports) {
    const file = path.relative(cwd, report.filePath) || report.filePath;
    if (report.fatal) lines.push(`${file}:1:1: error: ${report.fatal}`);
    for (const f of report.findings) {
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.code}]`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
