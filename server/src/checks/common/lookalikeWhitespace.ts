import { describeCharacter, hasLookalikeBlank, isLookalikeBlank } from '../../text/characters';
import type { ParsedDocument } from '../../model/document';
import { everyTarget } from '../ipsecConf/dialectParsers';
import { dialectTargets } from '../ipsecConf/dialectView';
import { defineRule, type CheckContext } from '../rule';

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
    'No-break spaces and similar characters look like indentation but the daemons treat them as text, so the line stops parsing. They usually come from copying a configuration out of a web page or a document. Replace them with a tab or spaces.',
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
        const replacement = leading ? '\t' : ' ';
        const skipped = leading && i > line.start && strongswanSkips(document, context, lineNumber);
        report({
          span: { start: i, end },
          message: skipped
            ? `${describeCharacter(ch)} is not whitespace to strongSwan, which skips this line as an unknown keyword: replace it with a tab`
            : `${describeCharacter(ch)} is not whitespace to the daemon: replace it with ${leading ? 'a tab' : 'a space'}`,
          severity: skipped ? 'warning' : undefined,
          fixes: [
            {
              title: `Replace with ${leading ? 'a tab' : 'a space'}`,
              // Between two words of a value a space would split it: the user decides there.
              preferred: leading || !withinWord(text, i, end),
              edits: [{ range: source.rangeOf({ start: i, end }), newText: replacement }],
            },
          ],
        });
        i = end - 1;
      }
    }
  },
});

/** Whether the blanks at [start, end) have printable text on both sides, other than `=`. */
function withinWord(text: string, start: number, end: number): boolean {
  const printable = (ch: string | undefined): boolean => ch !== undefined && ch !== '=' && !/\s/.test(ch) && !isLookalikeBlank(ch.charCodeAt(0));
  return printable(text[start - 1]) && printable(text[end]);
}
