import { isLookalikeBlank } from '../../text/characters';
import type { RacoonToken, RacoonTokenKind } from './ast';

const SINGLE: Readonly<Record<string, RacoonTokenKind>> = {
  '{': 'open',
  '}': 'close',
  ';': 'semicolon',
  ',': 'comma',
  '(': 'paren',
  ')': 'paren',
};

const BLANK = 1;
const ENDS_WORD = 2;

/** What each ASCII character is to the lexer; the loops that run for every character look here. */
const ASCII_CLASS = new Uint8Array(128);
for (const c of ' \t\n\r\v\f') ASCII_CLASS[c.charCodeAt(0)] = BLANK | ENDS_WORD;
for (const c of ['"', '#', '[', ...Object.keys(SINGLE)]) ASCII_CLASS[c.charCodeAt(0)] = ENDS_WORD;

function isBlank(code: number): boolean {
  return code < 0x80 ? (ASCII_CLASS[code] & BLANK) !== 0 : isLookalikeBlank(code);
}

/** Characters that end a bare word. */
function endsWord(code: number): boolean {
  return code < 0x80 ? ASCII_CLASS[code] !== 0 : isLookalikeBlank(code);
}

/**
 * Splits racoon.conf into tokens in one linear pass. Like racoon's lexer, `#` starts a comment
 * anywhere outside a string. racoon's strings run to the next `"`, across line breaks; here a
 * string without its closing quote on its line does so only when that next quote ends a value
 * (`;`, `,` or `{` follows it). Otherwise the string stops at the end of its line, so one missing
 * quote does not swallow the rest of the file.
 */
export function lexRacoon(text: string): RacoonToken[] {
  const tokens: RacoonToken[] = [];
  const quotes = new NextQuote(text);
  let pos = 0;
  let startsLine = true;
  const push = (kind: RacoonTokenKind, start: number, end: number, value: string, terminated = true, closedOnLaterLine = false): void => {
    tokens.push(closedOnLaterLine ? { kind, span: { start, end }, text: value, startsLine, terminated, closedOnLaterLine } : { kind, span: { start, end }, text: value, startsLine, terminated });
    startsLine = false;
  };
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 0x0a || code === 0x0d) {
      startsLine = true;
      pos++;
      continue;
    }
    if (isBlank(code)) {
      pos++;
      continue;
    }
    const start = pos;
    if (code === 0x23) {
      pos = lineEnd(text, pos);
      push('comment', start, pos, text.slice(start, pos));
      continue;
    }
    if (code === 0x22) {
      pos = stringEnd(text, pos);
      const terminated = text.charCodeAt(pos - 1) === 0x22 && pos - start > 1;
      const close = terminated ? -1 : closingQuoteOnLaterLine(text, pos, quotes);
      if (close >= 0) {
        pos = close + 1;
        push('string', start, pos, text.slice(start + 1, close), false, true);
      } else {
        push('string', start, pos, text.slice(start + 1, terminated ? pos - 1 : pos), terminated);
      }
      continue;
    }
    const single = code < 0x80 ? SINGLE[text[pos]] : undefined;
    if (single) {
      pos++;
      push(single, start, pos, text[start]);
      continue;
    }
    if (code === 0x5b) {
      pos = bracketEnd(text, pos);
      const closed = text.charCodeAt(pos - 1) === 0x5d && pos - start > 1;
      push(closed ? 'bracket' : 'word', start, pos, text.slice(start, pos));
      continue;
    }
    pos++;
    while (pos < text.length && !endsWord(text.charCodeAt(pos))) pos++;
    push('word', start, pos, text.slice(start, pos));
  }
  return tokens;
}

function lineEnd(text: string, from: number): number {
  let pos = from;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 0x0a || code === 0x0d) break;
    pos++;
  }
  return pos;
}

/** Just past the closing quote, or the end of the line when there is none. */
function stringEnd(text: string, from: number): number {
  let pos = from + 1;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 0x22) return pos + 1;
    if (code === 0x0a || code === 0x0d) return pos;
    pos++;
  }
  return pos;
}

/**
 * Where racoon closes a string left open at `lineBreak`: the next `"` in the file, when a value
 * ends there (blanks, then `;`, `,` or `{`); otherwise -1, and the quote was most likely forgotten.
 */
function closingQuoteOnLaterLine(text: string, lineBreak: number, quotes: NextQuote): number {
  const code = text.charCodeAt(lineBreak);
  if (code !== 0x0a && code !== 0x0d) return -1;
  const close = quotes.after(lineBreak);
  if (close < 0) return -1;
  let pos = close + 1;
  while (pos < text.length && (text.charCodeAt(pos) === 0x20 || text.charCodeAt(pos) === 0x09)) pos++;
  const next = text[pos];
  return next === ';' || next === ',' || next === '{' ? close : -1;
}

/** The next `"` at or after a position; the lexer only moves forward, so each search resumes the last one. */
class NextQuote {
  private from = -1;
  private found = -1;

  constructor(private readonly text: string) {}

  after(position: number): number {
    if (this.from < 0 || position < this.from || (this.found >= 0 && this.found < position)) {
      this.from = position;
      this.found = this.text.indexOf('"', position);
    }
    return this.found;
  }
}

/** A `[` token runs to its `]`, or up to the next character that would end a word. */
function bracketEnd(text: string, from: number): number {
  let pos = from + 1;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 0x5d) return pos + 1;
    if (endsWord(code)) return pos;
    pos++;
  }
  return pos;
}
