import { SETKEY_SYNTAX } from '../../parsing/setkey/parser';
import { defineRule } from '../rule';

export const setkeyMissingSemicolon = defineRule({
  code: SETKEY_SYNTAX.missingSemicolon,
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A setkey statement does not end with `;`',
  description:
    'Every setkey statement ends with `;`. Without it setkey reads the next command as more arguments of this one and stops with a syntax error. Add `;` where the finding points; the quick fix does it.',
  check(document, report) {
    const { source } = document;
    for (const problem of document.ast.problems) {
      if (problem.code !== SETKEY_SYNTAX.missingSemicolon) continue;
      const at = source.rangeOf({ start: problem.span.end, end: problem.span.end });
      report({ span: problem.span, message: problem.message, fixes: [{ title: 'Add `;`', preferred: true, edits: [{ range: at, newText: ';' }] }] });
    }
  },
});
