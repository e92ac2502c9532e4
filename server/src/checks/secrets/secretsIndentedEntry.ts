import { defineRule } from '../rule';
import { plutoReaders, secretsTargets } from './secretsTargets';

export const secretsIndentedEntry = defineRule({
  code: 'secrets-indented-entry',
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'An entry starts on an indented line',
  description:
    'Libreswan and Openswan read an indented line as the continuation of the entry above it, blank lines and comments in between or not. An entry written on an indented line is therefore no entry of its own: the one above ends in unexpected text and is skipped with it ("expected record boundary in key"), and at the start of the file the entry is skipped ("file starts with indentation"), as seen with pluto 4.10 and 5.2. strongSwan reads each line on its own and takes both, so it is not judged; where the daemon is not known, a notice. Start the entry in column 0.',
  check(document, report, context) {
    const readers = plutoReaders(secretsTargets(document, context));
    if (!readers) return;
    const { who, plural, unsure } = readers;
    const entries = document.ast.entries;
    for (const [i, entry] of entries.entries()) {
      if (!entry.startsIndented) continue;
      const above = entries[i - 1];
      const effect = above
        ? `${who} ${plural ? 'read' : 'reads'} it as part of the entry above, and ${plural ? 'skip' : 'skips'} both ("expected record boundary in key")`
        : `${who} ${plural ? 'skip' : 'skips'} it, since the file starts indented`;
      report({
        span: { start: entry.span.start, end: entry.colon?.end ?? entry.span.end },
        message: `this entry starts on an indented line: ${effect}; start it in column 0${unsure ? '; strongSwan reads it as an entry of its own' : ''}`,
        severity: unsure ? 'info' : undefined,
        related: above ? [{ uri: document.uri, range: document.source.rangeOf({ start: above.span.start, end: above.colon?.end ?? above.span.end }), message: 'the entry it is read as part of' }] : undefined,
      });
    }
  },
});
