import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import type { Range } from '../text/sourceText';
import { partnerOf, peersOf } from '../workspace/peers';
import { mentionAt, nodesOf } from './connLookup';
import { describeConn } from '../checks/workspace/peerReport';
import { renderEffectiveConn } from './effectiveConnView';

export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

/** Hover on a conn name: its effective settings and, when found, its peer in the workspace. */
export function connHover(model: WorkspaceModel, document: ParsedDocument<'ipsec'>, offset: number): HoverResult | undefined {
  const mention = mentionAt(document, offset);
  if (!mention) return undefined;
  const node = nodesOf(model, document.uri)[0];
  const conn = node?.effective.get(mention.name);
  if (!node || !conn) return undefined;
  const partner = partnerOf(peersOf(model.nodes), conn);
  const peerLine = partner ? `Peer: ${describeConn(partner)}` : 'No peer for this conn in the workspace.';
  const markdown = [`**conn ${conn.name}** with \`%default\` and \`also=\` applied`, '', '```ipsec', renderEffectiveConn({ node, conn }).trimEnd(), '```', '', peerLine].join('\n');
  return { markdown, range: document.source.rangeOf(mention.span) };
}
