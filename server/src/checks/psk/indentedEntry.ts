import { defineRule } from '../rule';

export const pskIndentedEntry = defineRule({
  code: 'psk-indented-entry',
  fileKinds: ['racoon-psk'],
  defaultSeverity: 'warning',
  title: 'An indented psk.txt entry is never used',
  description:
    'racoon splits each line at its first blank, so on an indented line the identifier is empty and the whole line becomes the key. No peer ever matches it. Start the entry in the first column.',
  check(document, report) {
    const { source } = document;
    for (const entry of document.ast.entries) {
      if (!entry.indent) continue;
      report({
        span: entry.indent,
        message: `racoon reads this indented line as an entry with an empty identifier, so the key for \`${entry.identifier.text}\` is never used: remove the indentation.`,
        fixes: [{ title: 'Remove indentation', preferred: true, edits: [{ range: source.rangeOf(entry.indent), newText: '' }] }],
      });
    }
  },
});
