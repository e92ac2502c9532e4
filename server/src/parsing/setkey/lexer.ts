import { isAsciiBlank } from '../../text/characters';
import type { SourceText, Span } from '../../text/sourceText';
import type { SetkeyToken } from './ast';

/** Splits a setkey file into words, quoted strings and `;`; `#` starts a comment at a token boundary. */
export function lexSetkey(source: SourceText): { tokens: SetkeyToken[]; comments: Span[]; shebang?: Span } {
  const tokens: SetkeyToken[] = [];
  const comments: Span[] = [];
  let shebang: Span | undefined;
  const text = source.text;
  for (const line of source.lines()) {
    let pos = line.start;
    let first = true;
    if (line.index === 0 && text.startsWith('#!', line.start)) {
      shebang = { start: line.start, end: line.end };
      continue;
    }
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
      if (ch === 0x3b) {
        pos++;
        tokens.push({ kind: 'semicolon', span: { start, end: pos }, text: ';', startsLine, terminated: true });
        continue;
      }
      if (ch === 0x22) {
        const close = text.indexOf('"', pos + 1);
        const terminated = close >= 0 && close < line.end;
        pos = terminated ? close + 1 : line.end;
        tokens.push({ kind: 'string', span: { start, end: pos }, text: text.slice(start + 1, terminated ? pos - 1 : pos), startsLine, terminated });
        continue;
      }
      while (pos < line.end) {
        const c = text.charCodeAt(pos);
        if (isAsciiBlank(c) || c === 0x3b || c === 0x22 || c === 0x0d) break;
        pos++;
      }
      tokens.push({ kind: 'word', span: { start, end: pos }, text: text.slice(start, pos), startsLine, terminated: true });
    }
  }
  return { tokens, comments, shebang };
}
