import { defineRule } from '../rule';

export const crlfLineEndings = defineRule({
  code: 'crlf-line-endings',
  fileKinds: ['ipsec', 'ipsec-secrets', 'setkey'],
  defaultSeverity: 'error',
  title: 'The file has Windows (CRLF) line endings',
  description:
    'The daemons read the carriage return as part of each line: strongSwan and Libreswan 4 reject the file, Libreswan 5 loads every value and conn name with a carriage return at its end (so none means what it says), and setkey stops with a syntax error at it. Save it with Unix (LF) line endings; the quick fix converts the whole file.',
  check(document, report) {
    const { source } = document;
    const crlfLines: number[] = [];
    for (const line of source.lines()) if (line.terminator === '\r\n' || line.terminator === '\r') crlfLines.push(line.index);
    if (crlfLines.length === 0) return;
    const first = source.line(crlfLines[0]);
    const edits = crlfLines.map((index) => {
      const line = source.line(index);
      // From the end of the content to the start of the next line: the whole terminator.
      return { range: { start: source.positionAt(line.end), end: { line: index + 1, character: 0 } }, newText: '\n' };
    });
    report({
      span: { start: first.end, end: first.end },
      message: `${crlfLines.length} line(s) end in CRLF; the daemon reads the carriage return as part of each line and rejects the file or its values: convert it to LF line endings`,
      fixes: [{ title: 'Convert the file to LF line endings', preferred: true, edits }],
    });
  },
});
