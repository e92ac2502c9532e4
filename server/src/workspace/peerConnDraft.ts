import path from 'node:path';
import type { IpsecNode } from './model';

/** Values of a new conn (the peer's side at least); left= and the rest come from the gateway's own defaults. */
export type ConnValues = Readonly<Record<string, string | undefined>> & { readonly right: string };

const DEFAULT_VALUES: Record<string, string> = { auto: 'add', pfs: 'yes' };
const PER_PEER = new Set(['right', 'rightid', 'rightcert', 'rightsubnet', 'rightrsasigkey']);

/**
 * The text of `ipsec.d/<name>.conf` for a new peer, in the style of the gateway's existing
 * one-conn peer files (their keys, order, values and indentation); keys in `notFromTemplate`
 * take no value from those files. Nothing is written here.
 */
export function draftPeerConn(node: IpsecNode, name: string, given: ConnValues, notFromTemplate: readonly string[] = []): { filePath: string; text: string } {
  const template = peerTemplate(node);
  const values: Record<string, string> = Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length > 0));
  const indent = template?.indent ?? '\t';
  const lines = [`conn ${name}`];
  const keys = template?.keys ?? ['right', 'rightid', 'rightcert', 'auto', 'pfs'];
  for (const key of keys) {
    const value = values[key] ?? (PER_PEER.has(key) || notFromTemplate.includes(key) ? undefined : (template?.defaults.get(key) ?? DEFAULT_VALUES[key]));
    if (value !== undefined) lines.push(`${indent}${key}=${quoted(value)}`);
  }
  for (const [key, value] of Object.entries(values)) if (!keys.includes(key)) lines.push(`${indent}${key}=${quoted(value)}`);
  return { filePath: path.join(node.layout.etc, 'ipsec.d', `${name}.conf`), text: `${lines.join('\n')}\n` };
}

function quoted(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}

function peerTemplate(node: IpsecNode): { keys: string[]; defaults: Map<string, string>; indent: string } | undefined {
  for (const document of node.documents) {
    const conns = document.ast.sections.filter((s) => s.kind === 'conn' && s.name?.text !== '%default');
    if (conns.length !== 1 || !conns[0].settings.some((s) => s.key.text === 'rightid')) continue;
    const settings = conns[0].settings.filter((s) => s.equals);
    const indent = settings[0] ? document.source.slice(settings[0].indent) : '\t';
    const defaults = new Map(settings.filter((s) => !PER_PEER.has(s.key.text)).map((s) => [s.key.text, s.value?.text ?? ''] as [string, string]));
    return { keys: settings.map((s) => s.key.text), defaults, indent: indent.length > 0 ? indent : '\t' };
  }
  return undefined;
}
