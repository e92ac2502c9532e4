import type { AddressSpec, TextPart } from './ast';
import type { StatementCursor } from './cursor';

/**
 * Reads `host[/prefix][[port]]` at the cursor. setkey's scanner makes `/`, `[` and `]` tokens of
 * their own, so `10.0.0.0 /24` is the same as `10.0.0.0/24`: a following word that starts with
 * `/` or `[` is taken as part of the address.
 */
export function readAddress(cursor: StatementCursor): AddressSpec | undefined {
  const first = cursor.peek();
  if (first?.kind !== 'word') return undefined;
  cursor.next();
  const pieces: TextPart[] = [first];
  let portOpen = opensPort(first.text, false);
  for (let next = cursor.peek(); next?.kind === 'word' && (next.text.startsWith('/') || next.text.startsWith('[') || (portOpen && PORT_PIECE.test(next.text))); next = cursor.peek()) {
    pieces.push(cursor.next() ?? next);
    portOpen = opensPort(next.text, portOpen);
  }
  return parseAddress(pieces);
}

/** The port of `10.0.0.1[ 80 ]`: blanks inside the brackets are skipped like anywhere else. */
const PORT_PIECE = /^[A-Za-z0-9-]*\]?$/;

/** Whether a `[` is still open after this piece. */
function opensPort(text: string, open: boolean): boolean {
  const bracket = text.lastIndexOf('[');
  const close = text.lastIndexOf(']');
  if (bracket > close) return true;
  return close >= 0 ? false : open;
}

/** Splits the pieces of one address into host, prefix and port, keeping exact spans. */
export function parseAddress(pieces: readonly TextPart[]): AddressSpec {
  const offsets: number[] = [];
  let text = '';
  for (const piece of pieces) {
    for (let i = 0; i < piece.text.length; i++) offsets.push(piece.span.start + i);
    text += piece.text;
  }
  const last = pieces[pieces.length - 1];
  const part = (from: number, to: number): TextPart => ({
    text: text.slice(from, to),
    span: from < to ? { start: offsets[from], end: offsets[to - 1] + 1 } : { start: offsetAt(from), end: offsetAt(from) },
  });
  const offsetAt = (index: number): number => (index < offsets.length ? offsets[index] : last.span.end);

  const hostEnd = firstOf(text, '/[', 0);
  const host = part(0, hostEnd);
  let prefix: TextPart | undefined;
  let port: TextPart | undefined;
  let portClosed = true;
  let trailing: TextPart | undefined;
  let at = hostEnd;
  if (text[at] === '/') {
    const prefixEnd = firstOf(text, '[', at + 1);
    prefix = part(at + 1, prefixEnd);
    at = prefixEnd;
  }
  if (text[at] === '[') {
    const close = text.indexOf(']', at + 1);
    portClosed = close >= 0;
    const portEnd = portClosed ? close : text.length;
    port = part(at + 1, portEnd);
    at = portClosed ? close + 1 : portEnd;
  }
  if (at < text.length) trailing = part(at, text.length);
  return { text, span: { start: pieces[0].span.start, end: last.span.end }, host, prefix, port, portClosed, trailing };
}

function firstOf(text: string, characters: string, from: number): number {
  for (let i = from; i < text.length; i++) if (characters.includes(text[i])) return i;
  return text.length;
}
