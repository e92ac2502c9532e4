import type { SectionKind } from '../../knowledge/ipsecConf';
import type { ParsedDocument } from '../../model/document';
import type { Setting } from '../../parsing/ipsecConf/ast';
import type { Report } from '../rule';
import type { DialectTarget } from './dialectView';
import { gluedQuoteReport } from './gluedQuote';

/**
 * Openswan's and Libreswan's lexers try a word (`[^"= \t\n]+`) before a comment (`#.*`), and
 * take the first rule on equal length: a trailing `#` that runs to the end of the line without
 * a blank, `=` or `"` (`left=192.0.2.1 #primary`, a lone `#`) is read as a keyword, and the
 * file does not load. strongSwan's lexer ends every word at `#`, so it reads a comment.
 */
export function hashWordReports(document: ParsedDocument<'ipsec'>, targets: readonly DialectTarget[]): Report[] {
  const objecting = targets.filter((t) => t.dialect !== 'strongswan');
  if (objecting.length === 0) return [];
  const accepting = targets.filter((t) => t.dialect === 'strongswan');
  const { source, ast } = document;
  const trailing = ast.comments.filter((comment) => !comment.wholeLine);
  if (trailing.length === 0) return [];
  const statementLines = new Map<number, { setting: Setting; section: SectionKind | undefined } | undefined>();
  for (const section of ast.sections) {
    if (section.kind !== 'none') statementLines.set(section.headerLine, undefined);
    for (const setting of section.settings) if (setting.equals) statementLines.set(setting.line, { setting, section: section.kind === 'none' ? undefined : section.kind });
  }
  const reports: Report[] = [];
  const onAccepting = (message: string) => (accepting.length > 0 ? `${message} (${accepting.map((t) => t.label).join(', ')} accept${accepting.length === 1 ? 's' : ''} it)` : message);
  for (const comment of trailing) {
    if (!statementLines.has(comment.line)) continue;
    const text = source.slice(comment.span);
    const before = source.text[comment.span.start - 1];
    const statement = statementLines.get(comment.line);
    if ((before === '"' || before === '}') && statement !== undefined) {
      const glued = gluedQuoteReport(document, statement.setting, statement.section, comment.span, targets);
      if (glued) reports.push(glued);
      continue;
    }
    if (!/^#[^"= \t]*$/.test(text)) continue;
    if (before !== ' ' && before !== '\t') continue;
    const who = objecting.map((t) => t.label).join(', ');
    const message = `${who} read${objecting.length === 1 ? 's' : ''} "${text}" as another keyword, not a comment, and stop${objecting.length === 1 ? 's' : ''} loading the file: a comment after a statement needs a blank after "#"`;
    reports.push({
      span: comment.span,
      message: onAccepting(message),
      severity: accepting.length > 0 ? 'info' : undefined,
      fixes: [
        text === '#'
          ? { title: 'Remove the lone "#"', preferred: true, edits: [{ range: source.rangeOf(withBlanksBefore(source.text, comment.span)), newText: '' }] }
          : { title: `Write "# ${text.slice(1)}"`, preferred: true, edits: [{ range: source.rangeOf({ start: comment.span.start + 1, end: comment.span.start + 1 }), newText: ' ' }] },
      ],
    });
  }
  return reports;
}

function withBlanksBefore(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let start = span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: span.end };
}
