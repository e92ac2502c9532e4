import { defineRule } from '../rule';

export const indentedHeader = defineRule({
  code: 'indented-header',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A section header or include is indented',
  description:
    '`conn`, `config setup`, `ca`, `include` and `version` must start in column 0; indented, the daemons take them for a malformed setting of the previous section. Remove the indentation.',
  check(document, report) {
    const { source, ast } = document;
    const headers = [
      ...ast.sections.filter((s) => s.kind !== 'none').map((s) => ({ indent: s.headerIndent, keyword: s.keyword })),
      ...ast.includes.map((i) => ({ indent: i.indent, keyword: i.keyword })),
    ];
    for (const { indent, keyword } of headers) {
      // Look-alike blanks (no-break space, BOM) are reported by nonascii-whitespace instead.
      if (indent.end === indent.start || /[^ \t]/.test(source.slice(indent))) continue;
      report({
        span: { start: indent.start, end: keyword.span.end },
        message: `"${keyword.text}" must start in column 0: remove the indentation before it`,
        fixes: [{ title: 'Remove the indentation', preferred: true, edits: [{ range: source.rangeOf(indent), newText: '' }] }],
      });
    }
  },
});
