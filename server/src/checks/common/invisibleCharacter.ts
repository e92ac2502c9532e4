import type { ParsedDocument } from '../../model/document';
import { describeCharacter, hasInvisibleFormat, isInvisibleFormat } from '../../text/characters';
import { defineRule, type Reporter } from '../rule';

export const invisibleCharacter = defineRule({
  code: 'invisible-character',
  fileKinds: ['ipsec', 'ipsec-secrets', 'racoon', 'racoon-psk', 'setkey'],
  defaultSeverity: 'warning',
  title: 'A character that shows as nothing inside the text',
  description:
    'Soft hyphens, zero-width joiners and non-joiners, word joiners and bidirectional marks come along when text is copied from a web page, a chat or a document. The editor shows nothing, but the daemon reads them as part of the word: `right` with a soft hyphen inside is an unknown keyword, and an ID, a conn name or a pre-shared key with one no longer matches what the peer has. Delete them; the quick fix does it. Comments are left alone. Inside quotes the fix is offered but not applied by "Fix all", since quoted text (a certificate subject) may hold them on purpose.',
  check(document, report) {
    if (!hasInvisibleFormat(document.source.text)) return;
    // racoon reads a psk.txt line's key to its end: a "#" there is part of the key.
    const hashEndsLine = document.kind !== 'racoon-psk';
    for (const line of document.source.lines()) scanLine(document, line.start, line.end, hashEndsLine, report);
  },
});

function scanLine(document: ParsedDocument, start: number, end: number, hashEndsLine: boolean, report: Reporter): void {
  const { source } = document;
  const text = source.text;
  if (!hashEndsLine && /^[ \t]*#/.test(text.slice(start, end))) return;
  let inQuote = false;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) inQuote = !inQuote;
    if (ch === 0x23 && !inQuote && hashEndsLine) return;
    if (!isInvisibleFormat(ch)) continue;
    let runEnd = i + 1;
    while (runEnd < end && isInvisibleFormat(text.charCodeAt(runEnd))) runEnd++;
    const span = { start: i, end: runEnd };
    report({
      span,
      message: `${describeCharacter(ch)} shows as nothing, but the daemon reads it as part of the ${inQuote ? 'quoted text' : 'word'} (copied from a web page or a chat?): delete it`,
      fixes: [{ title: 'Delete the invisible character', preferred: !inQuote, edits: [{ range: source.rangeOf(span), newText: '' }] }],
    });
    i = runEnd - 1;
  }
}
