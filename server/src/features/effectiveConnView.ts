import path from 'node:path';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import { uriPath } from '../workspace/loadIpsecNode';
import type { ConnRef } from '../workspace/peers';
import { builtInLists, describeBuiltInList } from './builtInProposals';
import { mentionAt, nodesOf } from './connLookup';

/**
 * The effective conn written out as ipsec.conf text, each line saying where the value came
 * from: what `ipsec readwriteconf` would print, with provenance, and what the daemon offers for
 * a proposal list the conn leaves to it.
 */
export function renderEffectiveConn({ node, conn }: ConnRef, describeFile: (uri: string) => string = fileName): string {
  const lines = [`conn ${conn.name}`];
  const keys = [...conn.values.keys()].sort();
  const written = (key: string, value: string): string => (/\s/.test(value) ? `${key}="${value}"` : `${key}=${value}`);
  const width = Math.max(0, ...keys.map((key) => written(key, conn.values.get(key)?.value ?? '').length));
  for (const key of keys) {
    const value = conn.values.get(key);
    if (!value) continue;
    const text = written(key, value.value);
    const origin = `${value.via === 'self' ? '' : `${value.via === 'default' ? '%default' : 'also'}, `}${describeFile(value.document.uri)}:${value.setting.line + 1}`;
    lines.push(`\t${text.padEnd(width + 2)}# ${origin}`);
  }
  for (const list of builtInLists({ node, conn })) lines.push(`\t# ${describeBuiltInList(list)}`);
  return `${lines.join('\n')}\n`;
}

function fileName(uri: string): string {
  return path.basename(uriPath(uri));
}

/** The effective conn under the cursor (on its header or an also= naming it), as text. */
export function effectiveConnectionAt(model: WorkspaceModel, document: ParsedDocument<'ipsec'>, offset: number): { name: string; text: string } | undefined {
  const mention = mentionAt(document, offset)?.name ?? enclosingConn(document, offset);
  if (!mention) return undefined;
  const node = nodesOf(model, document.uri)[0];
  const conn = node?.effective.get(mention);
  return node && conn ? { name: conn.name, text: renderEffectiveConn({ node, conn }) } : undefined;
}

function enclosingConn(document: ParsedDocument<'ipsec'>, offset: number): string | undefined {
  const section = document.ast.sections.find((s) => s.kind === 'conn' && offset >= s.span.start && offset <= s.span.end);
  return section?.name?.text;
}
