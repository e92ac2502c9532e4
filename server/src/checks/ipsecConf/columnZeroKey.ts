import { defineRule } from '../rule';

export const columnZeroKey = defineRule({
  code: 'column-zero-key',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A setting starts in column 0',
  description:
    'Both Libreswan and strongSwan read a line that starts in column 0 as a new section header, so an unindented `key=value` breaks the file. Indent every setting of a section with a tab or spaces.',
  check(document, report) {
    for (const section of document.ast.sections) {
      for (const setting of section.settings) {
        if (setting.indent.end > setting.indent.start || !setting.equals) continue;
        const at = document.source.positionAt(setting.span.start);
        report({
          span: setting.key.span,
          message: `"${setting.key.text}" starts in column 0, so the daemon reads it as a section header: indent it with a tab`,
          fixes: [{ title: 'Indent with a tab', preferred: true, edits: [{ range: { start: at, end: at }, newText: '\t' }] }],
        });
      }
    }
  },
});
