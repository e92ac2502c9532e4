import { defineRule } from '../rule';

export const duplicateSection = defineRule({
  code: 'duplicate-section',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'Two sections have the same name',
  description:
    'Connection and CA names must be unique: the daemons refuse or ignore the second `conn` of the same name. Rename one of them. `conn %default` may appear more than once.',
  check(document, report) {
    const seen = new Map<string, number>();
    for (const section of document.ast.sections) {
      if (section.kind === 'none' || !section.name || section.name.text === '%default') continue;
      const key = `${section.kind} ${section.name.text}`;
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, section.headerLine);
        continue;
      }
      report({
        span: section.name.span,
        message: `${section.kind} "${section.name.text}" is already defined on line ${earlier + 1}: rename or merge one of them`,
        related: [
          {
            uri: document.uri,
            range: { start: { line: earlier, character: 0 }, end: { line: earlier, character: 0 } },
            message: 'first defined here',
          },
        ],
      });
    }
  },
});
