import { defineRule } from '../rule';
import { everyTarget } from './dialectParsers';
import { dialectTargets } from './dialectView';

export const duplicateSection = defineRule({
  code: 'duplicate-section',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'Two sections have the same name',
  description:
    'Connection and CA names must be unique. Libreswan and Openswan refuse the second `conn` of the same name; strongSwan quietly merges the two sections, later settings winning (a warning with that dialect). Rename one of them. `conn %default` may appear more than once.',
  check(document, report, context) {
    // strongSwan's conf_parser.c add_section() reuses the existing section of that name.
    const merges = everyTarget(dialectTargets(document, context), (t) => t.dialect === 'strongswan');
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
        message: merges
          ? `${section.kind} "${section.name.text}" is already defined on line ${earlier + 1}: strongSwan merges the two, later settings overriding earlier ones; rename or merge one of them`
          : `${section.kind} "${section.name.text}" is already defined on line ${earlier + 1}: rename or merge one of them`,
        severity: merges ? 'warning' : undefined,
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
