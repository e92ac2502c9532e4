import type { WorkspaceModel } from '../../checks/workspaceRule';
import type { ParsedDocument } from '../../model/document';
import { fileUri } from '../../workspace/loadIpsecNode';
import { displayPath } from '../../workspace/nodeLayout';
import { racoonFileOf } from '../../workspace/racoonHost';
import type { HoverResult } from '../connHover';

/** Hover on the pattern of a racoon.conf `include`: the files racoon reads there, in its order, and what each brings. */
export function racoonIncludeHover(model: WorkspaceModel, document: ParsedDocument<'racoon'>, offset: number, modelUri: string): HoverResult | undefined {
  const found = racoonFileOf(model.racoonHosts, modelUri);
  const include = found?.host.includes.find((i) => i.document === found.document && i.span.start <= offset && offset <= i.span.end);
  if (!found || !include) return undefined;
  const { host } = found;
  const shown = (filePath: string): string => `\`${displayPath(filePath, host.layout)}\``;
  const read = include.matches.filter((match) => !include.foreign.some((file) => file.filePath === match));
  const lines = [`**include** \`${include.written}\`: racoon reads the files the pattern finds where this line stands, in name order.`];
  if (read.length === 0) lines.push('The workspace holds no file it finds.');
  for (const match of read) {
    const uri = fileUri(match);
    const remotes = host.remotes.filter((remote) => remote.document.uri === uri).length;
    lines.push(`- ${shown(match)}${remotes > 0 ? `: ${remotes} remote${remotes === 1 ? '' : 's'}` : ''}`);
  }
  return { markdown: lines.join('\n'), range: document.source.rangeOf(include.span) };
}
