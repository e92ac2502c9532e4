import type { ParsedDocument } from '../../model/document';
import type { OutlineNode } from './outline';

/** One node per entry, named by its selectors and type only: the secret itself is never shown. */
export function outlineSecrets(document: ParsedDocument<'ipsec-secrets'>): OutlineNode[] {
  const { source, ast } = document;
  const entries: OutlineNode[] = ast.entries.map((entry) => {
    const selectors = entry.selectors.map((s) => s.text).join(' ') || '(any)';
    const type = entry.secretType?.text ?? 'PSK';
    return {
      name: `${selectors} : ${type}`,
      kind: 'entry',
      range: source.rangeOf(entry.span),
      selectionRange: source.rangeOf(entry.secretType?.span ?? entry.colon ?? entry.span),
      children: [],
    };
  });
  const includes: OutlineNode[] = ast.includes.map((include) => ({
    name: `include ${include.path?.text ?? ''}`.trim(),
    kind: 'include',
    range: source.rangeOf(include.span),
    selectionRange: source.rangeOf(include.path?.span ?? include.keyword.span),
    children: [],
  }));
  return [...entries, ...includes].sort((a, b) => a.range.start.line - b.range.start.line);
}
