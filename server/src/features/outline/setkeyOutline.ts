import type { ParsedDocument } from '../../model/document';
import type { OutlineNode } from './outline';

/** One node per statement, named by what it does; keys are never part of a name. */
export function outlineSetkey(document: ParsedDocument<'setkey'>): OutlineNode[] {
  const { source, ast } = document;
  return ast.statements.map((statement) => {
    const policy = statement.policy;
    const name = policy?.source && policy.destination
      ? `${statement.command.text} ${policy.source.text} → ${policy.destination.text}${policy.direction ? ` ${policy.direction.text}` : ''}`
      : [statement.command.text, ...statement.args.filter((t) => !t.text.startsWith('-')).slice(0, 3).map((t) => t.text)].join(' ');
    return {
      name,
      detail: policy?.requests.map((r) => r.token.text).join(' ') ?? policy?.action?.text,
      kind: 'statement',
      range: source.rangeOf(statement.span),
      selectionRange: source.rangeOf(statement.command.span),
      children: [],
    };
  });
}
