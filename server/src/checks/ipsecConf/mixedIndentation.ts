import { defineRule } from '../rule';

export const mixedIndentation = defineRule({
  code: 'mixed-indentation',
  fileKinds: ['ipsec'],
  defaultSeverity: 'off',
  title: 'A section mixes tab and space indentation',
  description:
    'The daemons accept any mix of tabs and spaces, but a section indented both ways is hard to read and often comes from pasting. Off by default; enable it through `ipsec.rules` to keep a tab style.',
  check(document, report) {
    const { source } = document;
    for (const section of document.ast.sections) {
      let firstStyle: 'tab' | 'space' | undefined;
      for (const setting of section.settings) {
        const indent = source.slice(setting.indent);
        if (indent.length === 0) continue;
        const style = indent.includes('\t') ? (indent.includes(' ') ? undefined : 'tab') : 'space';
        if (firstStyle === undefined && style !== undefined) {
          firstStyle = style;
          continue;
        }
        if (style === firstStyle) continue;
        report({
          span: setting.indent,
          message: 'this line is indented differently from the rest of the section: use tabs throughout',
          fixes: [{ title: 'Indent with a tab', edits: [{ range: source.rangeOf(setting.indent), newText: '\t' }] }],
        });
      }
    }
  },
});
