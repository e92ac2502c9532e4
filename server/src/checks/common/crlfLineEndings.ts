import { defineRule } from '../rule';

export const crlfLineEndings = defineRule({
  code: 'crlf-line-endings',
  fileKinds: ['ipsec', 'ipsec-secrets', 'setkey'],
  defaultSeverity: 'error',
  title: 'The file has Windows (CRLF) line endings',
  description:
    'The daemons read the carriage return as part of each line of ipsec.conf: strongSwan and Libreswan 4 reject the file, Libreswan 5 loads every value and conn name with a carriage return at its end (so none means what it says), and setkey stops with a syntax error at it (except at the end of a comment, which swallows it). ipsec.secrets is the exception: strongSwan, Libreswan and Openswan drop a carriage return before the newline (seen with charon 5.9.8 and pluto 4.10), so there only a carriage return without a newline, which runs lines together, is reported. Save it with Unix (LF) line endings; the quick fix converts the whole file.',
  check(document, report) {
    const { source } = document;
    if (!source.text.includes('\r')) return;
    const crlfLines: number[] = [];
    for (const line of source.lines()) {
      if (line.terminator !== '\r\n' && line.terminator !== '\r') continue;
      // setkey's lexer reads a comment up to the newline, carriage return included (token.l: `#.*`).
      if (document.kind === 'setkey' && endsInComment(source.text.slice(line.start, line.end))) continue;
      // Every daemon's reader of ipsec.secrets drops the carriage return before a newline; only a lone one joins lines.
      if (document.kind === 'ipsec-secrets' && line.terminator === '\r\n') continue;
      crlfLines.push(line.index);
    }
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

/** Whether a `#` outside double quotes starts a comment on the line. */
function endsInComment(text: string): boolean {
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '#' && !quoted) return true;
  }
  return false;
}
