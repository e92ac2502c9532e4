import type { SyntaxProblem } from '../../checks/finding';
import type { LineInfo, SourceText } from '../../text/sourceText';
import type { PskComment, PskEntry, PskFile } from './ast';

export const PSK_SYNTAX = {
  malformedEntry: 'psk-malformed-entry',
} as const;

const MAX_PROBLEMS = 1000;

/** The blanks C's isspace() knows, which is what racoon splits psk.txt lines on. */
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/**
 * Parses psk.txt the way racoon reads it: a line starting with `#` is a comment, otherwise the
 * first run of non-blanks is the identifier and everything after the following blanks is the key,
 * spaces included. Lines are independent, so a bad one never hides the next.
 */
export function parsePsk(source: SourceText): PskFile {
  const entries: PskEntry[] = [];
  const comments: PskComment[] = [];
  const problems: SyntaxProblem[] = [];
  const text = source.text;
  for (const line of source.lines()) {
    let pos = line.start;
    while (pos < line.end && isSpace(text.charCodeAt(pos))) pos++;
    if (pos === line.end) continue;
    if (text.charCodeAt(pos) === 0x23) {
      comments.push({ type: 'comment', span: { start: pos, end: line.end }, line: line.index });
      continue;
    }
    const entry = readEntry(text, line, pos);
    entries.push(entry);
    if (!entry.key && problems.length < MAX_PROBLEMS) {
      problems.push({
        code: PSK_SYNTAX.malformedEntry,
        span: entry.identifier.span,
        message: 'This line has an identifier but no key, so racoon skips it: add the key after a space or tab, or delete the line.',
      });
    }
  }
  return { entries, comments, problems };
}

function readEntry(text: string, line: LineInfo, identifierStart: number): PskEntry {
  let pos = identifierStart;
  while (pos < line.end && !isSpace(text.charCodeAt(pos))) pos++;
  const identifier = { span: { start: identifierStart, end: pos }, text: text.slice(identifierStart, pos) };
  while (pos < line.end && isSpace(text.charCodeAt(pos))) pos++;
  const key = pos < line.end ? { span: { start: pos, end: line.end }, text: text.slice(pos, line.end) } : undefined;
  return {
    type: 'entry',
    span: { start: line.start, end: line.end },
    line: line.index,
    identifier,
    key,
    indent: identifierStart > line.start ? { start: line.start, end: identifierStart } : undefined,
    endsWithCarriageReturn: line.terminator === '\r\n' || line.terminator === '\r',
  };
}
