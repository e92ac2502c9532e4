import path from 'node:path';
import type { WorkspaceModel } from '../../checks/workspaceRule';
import type { ParsedDocument } from '../../model/document';
import { withVisibleCharacters } from '../../text/characters';
import { uriPath } from '../../workspace/loadIpsecNode';
import { commonDir } from '../../workspace/pathOps';
import type { HoverResult } from '../connHover';
import { idAt, idReferences } from '../identityReferences';

/** Past this many places the list stops: a hover is read at a glance. */
const MAX_LISTED = 12;

/**
 * Hover on an address or ID (a `left=`/`leftid=`/`right=`/`rightid=` value, a secrets selector, a
 * psk.txt identifier, a racoon or setkey address): every place across the workspace that writes
 * the same text, so a user sees at once which peers expect it before changing it. With
 * `onlyWhenShared`, nothing when this is the only place.
 */
export function endHover(model: WorkspaceModel, document: ParsedDocument, offset: number, options: { readonly onlyWhenShared?: boolean } = {}): HoverResult | undefined {
  const mention = idAt(document, offset);
  if (!mention) return undefined;
  const references = idReferences(model, mention.id, document);
  if (options.onlyWhenShared && references.length < 2) return undefined;
  const files = references.map((found) => (found.document.uri.startsWith('file:') ? uriPath(found.document.uri) : found.document.uri));
  const root = commonDir(files.map((file) => path.dirname(file)));
  const listed = references.slice(0, MAX_LISTED).map((found, i) => {
    const line = found.document.source.positionAt(found.span.start).line + 1;
    const here = found.document.uri === document.uri && found.span.start === mention.span.start ? ' (here)' : '';
    return `- \`${path.relative(root, files[i]) || path.basename(files[i])}:${line}\` ${found.role}${here}`;
  });
  const more = references.length > MAX_LISTED ? [`- … and ${references.length - MAX_LISTED} more`] : [];
  const count = references.length === 1 ? 'Written only here in the workspace.' : `Written in ${references.length} places in the workspace; a rename changes them all:`;
  const markdown = [`**${withVisibleCharacters(mention.id)}**`, '', count, ...(references.length > 1 ? ['', ...listed, ...more] : [])].join('\n');
  return { markdown, range: document.source.rangeOf(mention.span) };
}
