import { lookupKeyword } from '../../knowledge/ipsecConf';
import type { ParsedDocument } from '../../model/document';
import type { Setting } from '../../parsing/ipsecConf/ast';
import type { Report } from '../rule';
import type { DialectTarget } from './dialectView';

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
  const statementLines = new Map<number, Setting | undefined>();
  for (const section of ast.sections) {
    if (section.kind !== 'none') statementLines.set(section.headerLine, undefined);
    for (const setting of section.settings) if (setting.equals) statementLines.set(setting.line, setting);
  }
  const reports: Report[] = [];
  const onAccepting = (message: string) => (accepting.length > 0 ? `${message} (${accepting.map((t) => t.label).join(', ')} accept${accepting.length === 1 ? 's' : ''} it)` : message);
  for (const comment of trailing) {
    if (!statementLines.has(comment.line)) continue;
    const text = source.slice(comment.span);
    const before = source.text[comment.span.start - 1];
    const setting = statementLines.get(comment.line);
    if (before === '"' && setting !== undefined) {
      const glued = gluedToQuote(document, setting, comment.span.start, text, objecting);
      if (glued) {
        reports.push({
          span: comment.span,
          message: onAccepting(`${objecting.map((t) => t.label).join(', ')} read${objecting.length === 1 ? 's' : ''} "${glued.value}" as the value and "${glued.keyword}" as another keyword, so the file does not load: put a blank before "#"`),
          severity: accepting.length > 0 ? 'info' : undefined,
          fixes: [{ title: 'Put a blank before "#"', preferred: true, edits: [{ range: source.rangeOf({ start: comment.span.start, end: comment.span.start }), newText: ' ' }] }],
        });
      }
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

/**
 * `leftid="@a"# old`: a `#` right after the closing quote continues the value's word (the quoted
 * string is the shorter match when it holds no blank), up to a blank or brace; the next word is then read as a keyword.
 * Yes/no keys are scanned in a state of their own, which loads such a line.
 */
function gluedToQuote(document: ParsedDocument<'ipsec'>, setting: Setting, hashAt: number, text: string, targets: readonly DialectTarget[]): { value: string; keyword: string } | undefined {
  const value = setting.value;
  if (value === undefined || !value.quoted || value.span.end !== hashAt) return undefined;
  // With a blank or brace inside the quotes, the quoted string is the longer match and the `#` starts a comment.
  if (/[ \t{}]/.test(value.text)) return undefined;
  if (targets.some((t) => lookupKeyword(setting.key.text, t.dialect, t.version).type?.kind === 'yesno')) return undefined;
  const stop = text.search(/[ \t{}]/);
  if (stop < 0) return undefined;
  const rest = text.slice(stop).trimStart();
  // A `#` there starts a comment only when the comment is longer than its first word.
  if (rest.length === 0 || (rest.startsWith('#') && /[ \t"=]/.test(rest))) return undefined;
  return { value: `${document.source.slice(value.span)}${text.slice(0, stop)}`, keyword: rest.split(/[ \t]/)[0] };
}
