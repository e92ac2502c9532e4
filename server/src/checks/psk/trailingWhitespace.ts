import { defineRule } from '../rule';

export const pskTrailingWhitespace = defineRule({
  code: 'psk-trailing-whitespace',
  fileKinds: ['racoon-psk'],
  defaultSeverity: 'warning',
  title: 'A key ends with blanks or a carriage return that become part of it',
  description:
    'racoon takes everything after the identifier up to the newline as the key, including trailing spaces, tabs and the carriage return of Windows line endings. The peer\'s key lacks them, so authentication fails with a hard-to-see mismatch. Remove the trailing blanks and save the file with Unix (LF) line endings.',
  check(document, report) {
    const { source } = document;
    for (const entry of document.ast.entries) {
      const key = entry.key;
      // A hex key's blanks are skipped when it is decoded.
      if (!key || key.text.startsWith('0x')) continue;
      let end = key.span.end;
      while (end > key.span.start && (source.text[end - 1] === ' ' || source.text[end - 1] === '\t')) end--;
      if (end < key.span.end) {
        const span = { start: end, end: key.span.end };
        report({
          span,
          message: 'These trailing blanks become part of the key, so it will not match the peer\'s: remove them.',
          fixes: [{ title: 'Remove trailing blanks', preferred: true, edits: [{ range: source.rangeOf(span), newText: '' }] }],
        });
      } else if (entry.endsWithCarriageReturn) {
        report({ span: key.span, message: 'This line ends with a carriage return, which racoon keeps as the last character of the key: convert the file to Unix (LF) line endings.' });
      }
    }
  },
});
