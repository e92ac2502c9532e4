import { isAsciiBlank, isLookalikeBlank } from '../../text/characters';
import type { SourceText, Span } from '../../text/sourceText';
import type { SetkeyToken } from './ast';

const HASH = 0x23;
const QUOTE = 0x22;
const SEMICOLON = 0x3b;

export interface SetkeyLexResult {
  readonly tokens: SetkeyToken[];
  readonly comments: Span[];
  readonly shebang?: Span;
}

/**
 * Splits a setkey file into words, quoted strings and `;`. As in setkey's scanner, `#` outside
 * quotes starts a comment that runs to the end of the line. A string must close on its own line;
 * one that does not is marked unterminated.
 */
export function lexSetkey(source: SourceText): SetkeyLexResult {
  const tokens: SetkeyToken[] = [];
  const comments: Span[] = [];
  let shebang: Span | undefined;
  const text = source.text;
  for (const line of source.lines()) {
    if (line.index === 0 && text.startsWith('#!', line.start)) {
      shebang = { start: line.start, end: line.end };
      continue;
    }
    let pos = line.start;
    let startsLine = true;
    while (pos < line.end) {
      const ch = text.charCodeAt(pos);
      if (isSeparator(ch)) {
        pos++;
        continue;
      }
      if (ch === HASH) {
        comments.push({ start: pos, end: line.end });
        break;
      }
      const start = pos;
      if (ch === SEMICOLON) {
        pos++;
        tokens.push({ kind: 'semicolon', span: { start, end: pos }, text: ';', startsLine, terminated: true });
      } else if (ch === QUOTE) {
        pos = stringEnd(text, start, line.end);
        const terminated = text.charCodeAt(pos - 1) === QUOTE && pos - 1 > start;
        const content = text.slice(start + 1, terminated ? pos - 1 : pos);
        tokens.push({ kind: 'string', span: { start, end: pos }, text: content, startsLine, terminated });
      } else {
        while (pos < line.end && !endsWord(text.charCodeAt(pos))) pos++;
        tokens.push({ kind: 'word', span: { start, end: pos }, text: text.slice(start, pos), startsLine, terminated: true });
      }
      startsLine = false;
    }
  }
  return { tokens, comments, shebang };
}

/**
 * Just past the closing quote. Without one on the line, the string is taken to stop before the
 * first `;` after it (most likely where the quote was forgotten), or else at the end of the line.
 */
function stringEnd(text: string, start: number, lineEnd: number): number {
  let firstSemicolon = -1;
  for (let pos = start + 1; pos < lineEnd; pos++) {
    const ch = text.charCodeAt(pos);
    if (ch === QUOTE) return pos + 1;
    if (ch === SEMICOLON && firstSemicolon < 0) firstSemicolon = pos;
  }
  return firstSemicolon >= 0 ? firstSemicolon : lineEnd;
}

/** Blanks, a stray carriage return, and look-alike blanks (reported by their own rule, skipped here so the rest still parses). */
function isSeparator(ch: number): boolean {
  return isAsciiBlank(ch) || ch === 0x0d || isLookalikeBlank(ch);
}

function endsWord(ch: number): boolean {
  return isSeparator(ch) || ch === SEMICOLON || ch === QUOTE || ch === HASH;
}
