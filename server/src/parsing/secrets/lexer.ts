import { isAsciiBlank } from '../../text/characters';
import type { SourceText, Span } from '../../text/sourceText';
import type { SecretsToken } from './ast';

export interface SecretsLexResult {
  readonly tokens: SecretsToken[];
  readonly comments: Span[];
}

/** Splits ipsec.secrets into words, quoted strings and lone braces; `#` starts a comment at a token boundary. */
export function lexSecrets(source: SourceText): SecretsLexResult {
  const tokens: SecretsToken[] = [];
  const comments: Span[] = [];
  const text = source.text;
  for (const line of source.lines()) {
    let pos = line.start;
    let first = true;
    while (pos < line.end) {
      const ch = text.charCodeAt(pos);
      if (isAsciiBlank(ch) || ch === 0x0d) {
        pos++;
        continue;
      }
      if (ch === 0x23) {
        comments.push({ start: pos, end: line.end });
        break;
      }
      const start = pos;
      const startsLine = first;
      first = false;
      const token = (kind: SecretsToken['kind'], end: number, value: string, terminated: boolean): SecretsToken => ({
        kind,
        span: { start, end },
        text: value,
        line: line.index,
        startsLine,
        atColumnZero: start === line.start,
        terminated,
      });
      if (ch === 0x22 || ch === 0x27) {
        const close = text.indexOf(text[pos], pos + 1);
        const terminated = close >= 0 && close < line.end;
        pos = terminated ? close + 1 : line.end;
        const inner = text.slice(start + 1, terminated ? pos - 1 : pos);
        tokens.push(token('string', pos, inner, terminated));
        continue;
      }
      // As in Libreswan's lexer, a brace is a token of its own only between blanks: `${HOST}-key.pem` is one word.
      if ((ch === 0x7b || ch === 0x7d) && endsWord(text, pos + 1, line.end)) {
        pos++;
        tokens.push(token(ch === 0x7b ? 'open' : 'close', pos, text[start], true));
        continue;
      }
      while (pos < line.end) {
        const c = text.charCodeAt(pos);
        if (isAsciiBlank(c) || c === 0x22 || c === 0x0d) break;
        pos++;
      }
      tokens.push(token('word', pos, text.slice(start, pos), true));
    }
  }
  return { tokens, comments };
}

function endsWord(text: string, pos: number, lineEnd: number): boolean {
  if (pos >= lineEnd) return true;
  const c = text.charCodeAt(pos);
  return isAsciiBlank(c) || c === 0x0d;
}
