import { RACOON_SYNTAX } from '../../parsing/racoon/parser';
import { defineRule } from '../rule';

export const racoonMissingSemicolon = defineRule({
  code: RACOON_SYNTAX.missingSemicolon,
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A statement does not end with `;`',
  description:
    'Every racoon.conf statement that has no `{ … }` block ends with `;`, even the last one before `}`. Without it racoon reads the next line as more arguments and rejects the file. Add `;` where the finding points.',
  check(document, report) {
    const { source } = document;
    for (const problem of document.ast.problems) {
      if (problem.code !== RACOON_SYNTAX.missingSemicolon) continue;
      const at = source.rangeOf({ start: problem.span.end, end: problem.span.end });
      report({
        span: problem.span,
        message: problem.message,
        fixes: [{ title: 'Add `;`', preferred: true, edits: [{ range: at, newText: ';' }] }],
      });
    }
  },
});
