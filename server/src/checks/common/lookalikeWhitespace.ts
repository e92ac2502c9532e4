import { describeCharacter, isLookalikeBlank } from '../../text/characters';
import { defineRule } from '../rule';

export const lookalikeWhitespace = defineRule({
  code: 'nonascii-whitespace',
  fileKinds: ['ipsec', 'ipsec-secrets', 'racoon', 'setkey'],
  defaultSeverity: 'error',
  title: 'A blank that is not a space or tab',
  description:
    'No-break spaces and similar characters look like indentation but the daemons treat them as text, so the line stops parsing. They usually come from copying a configuration out of a web page or a document. Replace them with a tab or spaces.',
  check(document, report) {
    const { source } = document;
    const text = source.text;
    for (const line of source.lines()) {
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
        report({
          span: { start: i, end },
          message: `${describeCharacter(ch)} is not whitespace to the daemon: replace it with ${leading ? 'a tab' : 'a space'}`,
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
