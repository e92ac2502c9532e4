import type { ParsedDocument } from '../../model/document';
import type { Section } from '../../parsing/ipsecConf/ast';
import type { OutlineNode, OutlineKind } from './outline';

const KIND_OF_SECTION: Record<Section['kind'], OutlineKind> = { config: 'setup', conn: 'connection', ca: 'ca', none: 'block' };

export function outlineIpsecConf(document: ParsedDocument<'ipsec'>): OutlineNode[] {
  const { source, ast } = document;
  const nodes: OutlineNode[] = [];
  for (const statement of ast.statements) {
    if (statement.type === 'section') {
      if (statement.kind === 'none') continue;
      const label = statement.kind === 'config' ? 'config setup' : `${statement.kind} ${statement.name?.text ?? '(unnamed)'}`;
      const children: OutlineNode[] = statement.settings.map((setting) => ({
        name: setting.key.text,
        detail: setting.value?.quoted ? `"${setting.value.text}"` : setting.value?.text ?? '',
        kind: 'key',
        range: source.rangeOf(setting.span),
        selectionRange: source.rangeOf(setting.key.span),
        children: [],
      }));
      nodes.push({
        name: label,
        kind: KIND_OF_SECTION[statement.kind],
        range: source.rangeOf(statement.span),
        selectionRange: source.rangeOf(statement.name?.span ?? statement.keyword.span),
        children,
      });
    } else if (statement.type === 'include') {
      nodes.push({
        name: `include ${statement.path?.text ?? ''}`.trim(),
        kind: 'include',
        range: source.rangeOf(statement.span),
        selectionRange: source.rangeOf(statement.path?.span ?? statement.keyword.span),
        children: [],
      });
    }
  }
  return nodes;
}
