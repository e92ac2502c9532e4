import type { SourceText } from '../../text/sourceText';
import { typographicCharacter } from '../../text/typography';
import { defineRule, type Reporter } from '../rule';

/** Every character typographicCharacter knows lies in U+2010–U+2212. */
const TYPOGRAPHIC_RANGE = /[\u2010-\u2212]/;

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);

export const typographicPunctuation = defineRule({
  code: 'typographic-punctuation',
  fileKinds: ['ipsec', 'ipsec-secrets', 'racoon-psk'],
  defaultSeverity: 'warning',
  title: 'A curly quote or a dash where the daemon needs ASCII',
  description:
    'Word processors and web pages turn `"` into “ ”, `\'` into ‘ ’ and `-` into – or —. Pasted into a configuration, these are ordinary letters to the daemon: `leftid=“@vpn.example”` makes the quotes part of the ID, `ike=aes256–sha1` names no algorithm, and a pre-shared key in curly quotes includes them, so the peer sees another key. Type the ASCII character instead; the quick fix does it. Text inside straight quotes, comments, and an apostrophe between letters (as in a name in a certificate subject) are left alone; in ipsec.secrets and psk.txt only curly double quotes are reported, since the rest of a key is not ours to judge.',
  check(document, report) {
    const { source } = document;
    // Nearly every file is plain ASCII: one native scan instead of a look-up per character.
    if (!TYPOGRAPHIC_RANGE.test(source.text)) return;
    // In secrets files only curly double quotes, the tell-tale wrapper of a pasted key: what else a key holds is its own business.
    const onlyDoubleQuotes = document.kind !== 'ipsec';
    // racoon reads a psk.txt line's key to its end: a "#" there is part of the key, not a comment.
    const commentsOnlyWholeLine = document.kind === 'racoon-psk';
    for (const line of source.lines()) {
      if (commentsOnlyWholeLine && /^[ \t]*#/.test(source.text.slice(line.start, line.end))) continue;
      scanLine(source, line.start, line.end, { onlyDoubleQuotes, hashEndsLine: !commentsOnlyWholeLine }, report);
    }
  },
});

function scanLine(source: SourceText, start: number, end: number, how: { onlyDoubleQuotes: boolean; hashEndsLine: boolean }, report: Reporter): void {
  const { onlyDoubleQuotes, hashEndsLine } = how;
  const text = source.text;
  let inQuote = false;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) inQuote = !inQuote;
    if (ch === 0x23 && !inQuote && hashEndsLine) return;
    if (inQuote || ch < 0x2010) continue;
    const found = typographicCharacter(ch);
    if (!found || (onlyDoubleQuotes && found.ascii !== '"')) continue;
    if (found.ascii === "'" && isLetter(text[i - 1]) && isLetter(text[i + 1])) continue;
    const what = found.ascii === '-' ? 'a hyphen' : 'a quote';
    report({
      span: { start: i, end: i + 1 },
      message: `${found.name} is not ${what} to the daemon, which reads it as part of the text (pasted from a document?): type ${found.ascii} instead`,
      fixes: [{ title: `Replace with ${found.ascii}`, edits: [{ range: source.rangeOf({ start: i, end: i + 1 }), newText: found.ascii }] }],
    });
  }
}
