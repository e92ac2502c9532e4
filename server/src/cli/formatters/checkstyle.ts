import type { Severity } from '../../checks/finding';
import type { Formatter } from './types';

/**
 * Checkstyle's XML report, which Jenkins (Warnings Next Generation), reviewdog and many CI
 * dashboards read. Every file checked gets a `<file>` element, with no errors when clean.
 */
export const formatCheckstyle: Formatter = (reports) => {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const report of reports) {
    lines.push(`  <file name="${xmlAttribute(report.filePath)}">`);
    if (report.fatal) lines.push(error(1, 1, 'error', report.fatal, 'ipsec-lint'));
    for (const f of report.findings) lines.push(error(f.range.start.line + 1, f.range.start.character + 1, checkstyleSeverity(f.severity), f.message, `ipsec-lint.${f.code}`));
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return `${lines.join('\n')}\n`;
};

function error(line: number, column: number, severity: string, message: string, source: string): string {
  return `    <error line="${line}" column="${column}" severity="${severity}" message="${xmlAttribute(message)}" source="${xmlAttribute(source)}"/>`;
}

function checkstyleSeverity(severity: Severity): 'error' | 'warning' | 'info' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'info';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Escaped for a double-quoted attribute. Characters XML 1.0 cannot carry at all (other control
 * characters, lone surrogates, U+FFFE and U+FFFF; a message may quote them from a damaged file)
 * become U+FFFD, so the report always parses.
 */
export function xmlAttribute(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c] ?? c);
}
