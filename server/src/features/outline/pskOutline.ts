import type { ParsedDocument } from '../../model/document';
import type { OutlineNode } from './outline';

/** One node per entry, named by its identifier; the key itself is never shown. */
export function outlinePsk(document: ParsedDocument<'racoon-psk'>): OutlineNode[] {
  const { source, ast } = document;
  return ast.entries.map((entry) => ({
    name: entry.identifier.text,
    detail: entry.key ? (entry.key.text.startsWith('0x') ? 'hex key' : 'key') : 'no key',
    kind: 'entry',
    range: source.rangeOf(entry.span),
    selectionRange: source.rangeOf(entry.identifier.span),
    children: [],
  }));
}
