import type { ParsedDocument } from '../../model/document';
import type { RacoonItem, RacoonStatement, RacoonToken } from '../../parsing/racoon/ast';
import type { OutlineKind, OutlineNode } from './outline';

/** Deeper blocks are left out: real files nest three levels, and consumers of the outline recurse. */
const MAX_OUTLINE_DEPTH = 32;
const MAX_NAME_LENGTH = 80;
/** Statements whose arguments are passwords or shared secrets. */
const SECRET_ARGUMENTS = new Set(['bind_pw', 'auth', 'acct']);

interface Pending {
  readonly items: readonly RacoonItem[];
  index: number;
  readonly into: OutlineNode[];
  readonly depth: number;
}

/** One node per statement; `remote`, `sainfo`, `proposal`, `listen` and other blocks hold their statements as children. */
export function outlineRacoon(document: ParsedDocument<'racoon'>): OutlineNode[] {
  const { source, ast } = document;
  const roots: OutlineNode[] = [];
  const stack: Pending[] = [{ items: ast.items, index: 0, into: roots, depth: 0 }];
  while (stack.length > 0) {
    const pending = stack[stack.length - 1];
    if (pending.index >= pending.items.length) {
      stack.pop();
      continue;
    }
    const item = pending.items[pending.index++];
    if (item.type !== 'statement') continue;
    const children: OutlineNode[] = [];
    const anchor = item.head[0] ?? item.block?.open;
    pending.into.push({
      name: nameOf(item),
      detail: item.block ? undefined : detailOf(item),
      kind: kindOf(item, pending.depth),
      range: source.rangeOf(item.span),
      selectionRange: source.rangeOf((anchor ?? item).span),
      children,
    });
    if (item.block && pending.depth + 1 < MAX_OUTLINE_DEPTH) {
      stack.push({ items: item.block.items, index: 0, into: children, depth: pending.depth + 1 });
    }
  }
  return roots;
}

function kindOf(statement: RacoonStatement, depth: number): OutlineKind {
  if (statement.block) return 'block';
  if (statement.head[0]?.text === 'include') return 'include';
  return depth === 0 ? 'statement' : 'key';
}

function nameOf(statement: RacoonStatement): string {
  const head = statement.head;
  if (head.length === 0) return '{ }';
  if (statement.block) return shorten(head.map(show).join(' '));
  const twoWords = head[0].text === 'path' && head[1]?.kind === 'word';
  return twoWords ? `path ${head[1].text}` : head[0].text;
}

function detailOf(statement: RacoonStatement): string | undefined {
  const keyword = statement.head[0]?.text ?? '';
  if (SECRET_ARGUMENTS.has(keyword)) return undefined;
  const skip = keyword === 'path' ? 2 : 1;
  const rest = statement.head.slice(skip).map(show).join(' ');
  return rest ? shorten(rest) : undefined;
}

function show(token: RacoonToken): string {
  return token.kind === 'string' ? `"${token.text}"` : token.text;
}

function shorten(text: string): string {
  return text.length > MAX_NAME_LENGTH ? `${text.slice(0, MAX_NAME_LENGTH - 1)}…` : text;
}
