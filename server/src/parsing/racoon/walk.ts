import type { Span } from '../../text/sourceText';
import type { RacoonFile, RacoonItem, RacoonStatement } from './ast';

export interface StatementVisit {
  readonly statement: RacoonStatement;
  /** The block statement whose braces hold this one; undefined at the top level. */
  readonly parent?: RacoonStatement;
  readonly depth: number;
}

interface Cursor {
  readonly items: readonly RacoonItem[];
  index: number;
  readonly parent?: RacoonStatement;
  readonly depth: number;
}

const visitsByFile = new WeakMap<RacoonFile, readonly StatementVisit[]>();

/**
 * Every statement in source order, parents before children, built without recursion and kept
 * per tree, so the rules that all need this list walk the file only once.
 */
export function racoonStatements(file: RacoonFile): readonly StatementVisit[] {
  const cached = visitsByFile.get(file);
  if (cached) return cached;
  const visits: StatementVisit[] = [];
  const stack: Cursor[] = [{ items: file.items, index: 0, depth: 0 }];
  while (stack.length > 0) {
    const cursor = stack[stack.length - 1];
    if (cursor.index >= cursor.items.length) {
      stack.pop();
      continue;
    }
    const item = cursor.items[cursor.index++];
    if (item.type !== 'statement') continue;
    visits.push({ statement: item, parent: cursor.parent, depth: cursor.depth });
    if (item.block) stack.push({ items: item.block.items, index: 0, parent: item, depth: cursor.depth + 1 });
  }
  visitsByFile.set(file, visits);
  return visits;
}

/** The statements directly inside a block statement's braces. */
export function childStatements(statement: RacoonStatement): RacoonStatement[] {
  return (statement.block?.items ?? []).filter((item): item is RacoonStatement => item.type === 'statement');
}

/** From a statement's first word to the last token of its head: where a finding about the whole statement goes. */
export function headSpan(statement: RacoonStatement): Span {
  return { start: statement.head[0].span.start, end: statement.head[statement.head.length - 1].span.end };
}
