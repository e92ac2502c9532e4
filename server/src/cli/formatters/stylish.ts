import path from 'node:path';
import { fixableFindings, type Formatter } from './types';

/** Human output grouped by file, as ESLint's default formatter does. */
export const formatStylish: Formatter = (reports, cwd) => {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const report of reports) {
    const rows: string[][] = [];
    if (report.fatal) rows.push(['1:1', 'error', report.fatal, '']);
    for (const f of report.findings) {
      rows.push([`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, f.message, f.code]);
    }
    if (rows.length === 0) continue;
    out.push(path.relative(cwd, report.filePath) || report.filePath);
    const width = Math.max(...rows.map((r) => r[0].length));
    for (const [where, severity, message, code] of rows) {
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
      else others++;
      out.push(`  ${where.padEnd(width)}  ${severity.padEnd(7)}  ${message}  ${code}`.trimEnd());
    }
    out.push('');
  }
  const files = reports.length;
  const skipped = reports.filter((r) => r.skipped).length;
  const summary =
    errors + warnings + others === 0
      ? `✔ ${files} file(s) checked, no problems`
      : `✖ ${errors + warnings + others} problem(s) (${errors} error(s), ${warnings} warning(s), ${others} info) in ${files} file(s) checked`;
  out.push(skipped > 0 ? `${summary}; ${skipped} file(s) skipped as not IPsec configuration` : summary);
  const fixable = reports.reduce((n, report) => n + fixableFindings(report).length, 0);
  if (fixable > 0) out.push(`  ${fixable} of them can be fixed with --fix`);
  return `${out.join('\n')}\n`;
};
