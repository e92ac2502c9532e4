import type { ParsedDocument } from '../../model/document';
import type { SetkeyStatement } from '../../parsing/setkey/ast';
import type { OutlineNode } from './outline';

const MAX_NAME_LENGTH = 100;

/** One node per statement, named by what it does; keys never appear in names or details. */
export function outlineSetkey(document: ParsedDocument<'setkey'>): OutlineNode[] {
  const { source, ast } = document;
  return ast.statements.map((statement) => ({
    name: shorten(nameOf(statement)),
    detail: detailOf(statement),
    kind: 'statement',
    range: source.rangeOf(statement.span),
    selectionRange: source.rangeOf(statement.command.span),
    children: [],
  }));
}

function nameOf(statement: SetkeyStatement): string {
  const command = statement.command.text;
  const { policy, sa, protocol } = statement;
  if (policy?.tag) return `${command} tagged "${policy.tag.text}" ${policy.direction?.text ?? ''}`.trimEnd();
  if (policy?.source && policy.destination) {
    const upper = policy.upperLayer && policy.upperLayer.text !== 'any' ? ` ${policy.upperLayer.text}` : '';
    return `${command} ${policy.source.text} → ${policy.destination.text}${upper} ${policy.direction?.text ?? ''}`.trimEnd();
  }
  if (sa?.source && sa.destination) {
    return [command, `${sa.source.text} → ${sa.destination.text}`, sa.protocol?.text, sa.spi?.text].filter(Boolean).join(' ');
  }
  return protocol ? `${command} ${protocol.text}` : command;
}

function detailOf(statement: SetkeyStatement): string | undefined {
  const { policy, sa } = statement;
  if (policy?.action) return shorten([policy.action.text, ...policy.requests.map((request) => request.text)].join(' '));
  if (sa) {
    const mode = sa.extensions.find((extension) => extension.flag.text === '-m')?.value?.text;
    const algorithms = sa.algorithms.map((algorithm) => algorithm.name?.text).filter((name): name is string => name !== undefined);
    const parts = [mode && `${mode} mode`, ...algorithms].filter((part): part is string => typeof part === 'string' && part !== '');
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > MAX_NAME_LENGTH ? `${text.slice(0, MAX_NAME_LENGTH - 1)}…` : text;
}
