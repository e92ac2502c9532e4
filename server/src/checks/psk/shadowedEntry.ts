import type { PskEntry } from '../../parsing/psk/ast';
import { defineRule } from '../rule';

export const pskShadowedEntry = defineRule({
  code: 'psk-shadowed-entry',
  fileKinds: ['racoon-psk'],
  defaultSeverity: 'warning',
  editorTag: 'unnecessary',
  title: 'A psk.txt entry can never be used because an earlier line matches first',
  description:
    'racoon reads psk.txt from the top and takes the first line whose identifier matches; a `*` line matches every identifier. A second line for the same identifier, or any line after a `*` line, is never read. Delete the dead line, or move the one you want to win above the other.',
  check(document, report) {
    const { source, uri } = document;
    const first = new Map<string, PskEntry>();
    let wildcard: PskEntry | undefined;
    for (const entry of document.ast.entries) {
      if (entry.indent || !entry.key) continue;
      const name = entry.identifier.text;
      const earlier = wildcard ?? first.get(name);
      if (earlier) {
        const why = earlier === wildcard ? `the \`*\` entry on line ${earlier.line + 1} matches every identifier first` : `line ${earlier.line + 1} already holds the key for \`${name}\``;
        report({
          span: entry.identifier.span,
          message: `This entry is never used: ${why}. Delete it or move it above.`,
          related: [{ uri, range: source.rangeOf(earlier.identifier.span), message: 'the entry racoon uses' }],
        });
        continue;
      }
      first.set(name, entry);
      if (name === '*') wildcard = entry;
    }
  },
});
