import { isStatementKeyword } from '../../knowledge/racoon';
import type { RacoonFile, RacoonItem, RacoonPlace, RacoonToken } from '../../parsing/racoon/ast';

/** Where the cursor stands in racoon.conf, as completion needs it. */
export interface RacoonCursor {
  /** The section whose statements surround the cursor. */
  readonly place: RacoonPlace;
  /** The tokens of the statement written before the cursor (comments left out), without the word being typed. */
  readonly statement: readonly RacoonToken[];
  /** The part of the word being typed that lies before the cursor ('' between words). */
  readonly typed: string;
  /** Only blanks stand between the start of the line and the word being typed. */
  readonly atLineStart: boolean;
}

const BOUNDARIES: ReadonlySet<string> = new Set(['semicolon', 'open', 'close']);

/** Undefined inside a comment or a quoted string, where nothing is offered. */
export function racoonCursorAt(file: RacoonFile, text: string, offset: number): RacoonCursor | undefined {
  const tokens = file.tokens;
  let index = 0;
  while (index < tokens.length && tokens[index].span.end < offset) index++;
  const current = tokens[index];
  let typedStart = offset;
  if (current && current.span.start < offset) {
    if (current.kind === 'comment') return undefined;
    if (current.kind === 'string' && (offset < current.span.end || !current.terminated)) return undefined;
    if (current.kind === 'word') typedStart = current.span.start;
  }
  // Collected backwards and reversed once: unshift would copy the list for each of a long statement's tokens.
  const backwards: RacoonToken[] = [];
  for (let i = Math.min(index, tokens.length - 1); i >= 0; i--) {
    const token = tokens[i];
    if (token.span.end > typedStart) continue;
    if (BOUNDARIES.has(token.kind)) break;
    if (token.kind !== 'comment') backwards.push(token);
  }
  const statement = backwards.reverse();
  const place = placeAt(file.items, offset);
  const lineStart = Math.max(text.lastIndexOf('\n', typedStart - 1), text.lastIndexOf('\r', typedStart - 1)) + 1;
  return {
    place,
    statement: fromLastLineStartKeyword(statement, place),
    typed: text.slice(typedStart, offset),
    atLineStart: /^[ \t]*$/.test(text.slice(lineStart, typedStart)),
  };
}

/** As the parser does: a keyword of the section at the start of a line begins a new statement when a `;` was forgotten. */
function fromLastLineStartKeyword(statement: readonly RacoonToken[], place: RacoonPlace): readonly RacoonToken[] {
  if (place === 'unknown') return statement;
  for (let i = statement.length - 1; i > 0; i--) {
    const token = statement[i];
    if (token.startsLine && token.kind === 'word' && isStatementKeyword(place, token.text)) return statement.slice(i);
  }
  return statement;
}

/** The section of the innermost block whose braces hold the offset. An unclosed block runs to its next sibling, or to the end. */
function placeAt(items: readonly RacoonItem[], offset: number): RacoonPlace {
  let place: RacoonPlace = 'top';
  let list = items;
  for (;;) {
    const inner = list.find((item, i) => {
      if (item.type !== 'statement' || !item.block || item.block.open.span.end > offset) return false;
      const close = item.block.close;
      if (close) return offset <= close.span.start;
      const next = list[i + 1];
      return !next || offset <= next.span.start;
    });
    if (!inner || inner.type !== 'statement' || !inner.block) return place;
    place = inner.block.section;
    list = inner.block.items;
  }
}
