import { reportPath, type Formatter } from './types';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): a job that runs
 * `ipsec-lint -f github` gets each finding as an annotation on the pull request's diff.
 * Notices and hints become `::notice`.
 */
export const formatGithub: Formatter = (reports, cwd) => {
  const lines: string[] = [];
  for (const report of reports) {
    const file = reportPath(report.filePath, cwd);
    if (report.fatal) lines.push(command('error', { file, line: '1', title: 'ipsec-lint' }, report.fatal));
    for (const f of report.findings) {
      const { start, end } = f.range;
      const properties: Record<string, string> = { file, line: String(start.line + 1), col: String(start.character + 1) };
      // GitHub draws a column range only within one line.
      if (end.line === start.line) properties.endColumn = String(end.character + 1);
      else properties.endLine = String(end.line + 1);
      properties.title = `ipsec-lint ${f.code}`;
      lines.push(command(level(f.severity), properties, f.message));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

function level(severity: string): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

function command(name: string, properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

/** The runner reads `%`, CR and LF as escapes in a command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In a property, `:` and `,` would also end the value. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
