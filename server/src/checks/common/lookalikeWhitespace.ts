import { describeCharacter, hasLookalikeBlank, isLookalikeBlank, isZeroWidthBlank } from '../../text/characters';
import type { ParsedDocument } from '../../model/document';
import type { Span } from '../../text/sourceText';
import { everyTarget } from '../ipsecConf/dialectParsers';
import { dialectTargets } from '../ipsecConf/dialectView';
import { defineRule, type CheckContext, type Report } from '../rule';

/**
 * Whether strongSwan only skips this line, whose indentation ends in such a blank: its lexer takes
 * the blank as the start of an unknown keyword, which config setup, ca and conn sections alike log
 * and ignore. Asked only where such a blank is found.
 */
function strongswanSkips(document: ParsedDocument, context: CheckContext, line: number): boolean {
  if (document.kind !== 'ipsec') return false;
  const ipsec = document as ParsedDocument<'ipsec'>;
  if (!everyTarget(dialectTargets(ipsec, context), (t) => t.dialect === 'strongswan')) return false;
  return ipsec.ast.sections.some((section) => section.kind !== 'none' && line > section.headerLine && line <= section.lastLine);
}

export const lookalikeWhitespace = defineRule({
  code: 'nonascii-whitespace',
  fileKinds: ['ipsec', 'ipsec-secrets', 'racoon', 'setkey'],
  defaultSeverity: 'error',
  title: 'A blank that is not a space or tab',
  description:
    'No-break spaces and similar characters look like indentation but the daemons treat them as text, so the line stops parsing. They usually come from copying a configuration out of a web page or a document. Replace them with a tab or spaces; a zero-width space or a byte order mark, which shows as nothing, is deleted instead.',
  check(document, report, context) {
    const { source } = document;
    const text = source.text;
    if (!hasLookalikeBlank(text)) return;
    let lineNumber = -1;
    for (const line of source.lines()) {
      lineNumber++;
      let inQuote = false;
      for (let i = line.start; i < line.end; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 0x22) inQuote = !inQuote;
        if (ch === 0x23 && !inQuote) break;
        if (inQuote || !isLookalikeBlank(ch)) continue;
        let end = i + 1;
        while (end < line.end && isLookalikeBlank(text.charCodeAt(end))) end++;
        const leading = text.slice(line.start, i).trim() === '';
        const skipped = leading && i > line.start && strongswanSkips(document, context, lineNumber);
        report(zeroWidthRun(text, i, end) ? deletion(document, { start: i, end }, skipped) : replacement(document, { start: i, end }, leading, skipped));
        i = end - 1;
      }
    }
  },
});

function zeroWidthRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isZeroWidthBlank(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A zero-width space or a BOM within the text stands for nothing: it goes, whatever surrounds it.
 * `skipped`: it ends a line's indentation where strongSwan only skips the line.
 */
function deletion(document: ParsedDocument, span: Span, skipped: boolean): Report {
  const ch = document.source.text.charCodeAt(span.start);
  return {
    span,
    message: skipped
      ? `${describeCharacter(ch)} takes no room on screen, but strongSwan reads it as the start of an unknown keyword and skips this line: delete it`
      : `${describeCharacter(ch)} takes no room on screen, but the daemon reads it as part of the text: delete it`,
    severity: skipped ? 'warning' : undefined,
    fixes: [{ title: 'Delete it', preferred: true, edits: [{ range: document.source.rangeOf(span), newText: '' }] }],
  };
}

/** A blank that shows as one: a tab in indentation, else a space (left to the user inside a word). */
function replacement(document: ParsedDocument, span: Span, leading: boolean, skipped: boolean): Report {
  const text = document.source.text;
  const { start, end } = span;
  const ch = text.charCodeAt(start);
  return {
    span,
    message: skipped
      ? `${describeCharacter(ch)} is not whitespace to strongSwan, which skips this line as an unknown keyword: replace it with a tab`
      : `${describeCharacter(ch)} is not whitespace to the daemon: replace it with ${leading ? 'a tab' : 'a space'}`,
    severity: skipped ? 'warning' : undefined,
    fixes: [
      {
        title: `Replace with ${leading ? 'a tab' : 'a space'}`,
        // Between two words of a value a space would split it: the user decides there.
        preferred: leading || !withinWord(text, start, end),
        edits: [{ range: document.source.rangeOf(span), newText: leading ? '\t' : ' ' }],
      },
    ],
  };
}

/** Whether the blanks at [start, end) have printable text on both sides, other than `=`. */
function withinWord(text: string, start: number, end: number): boolean {
  const printable = (ch: string | undefined): boolean => ch !== undefined && ch !== '=' && !/\s/.test(ch) && !isLookalikeBlank(ch.charCodeAt(0));
  return printable(text[start - 1]) && printable(text[end]);
}
