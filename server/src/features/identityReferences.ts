import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import { ipVersion } from '../text/ipLiteral';
import { spellingKey } from '../workspace/ikeIdentity';
import type { Range } from '../text/sourceText';
import { endMentionsOf, isWritableId, mentionAtOffset, type EndMention } from './endMentions';
import type { Location } from './navigation';

/**
 * The address or identity under the cursor. Placeholders (`%any`, `%defaultroute`, `%fromcert`)
 * and empty values name no particular gateway, so none is found on them.
 */
export function idAt(document: ParsedDocument, offset: number): EndMention | undefined {
  return mentionAtOffset(endMentionsOf(document), offset);
}

/**
 * Every place across the workspace's gateways that writes the same address or identity (a
 * gateway's own `left=`/`leftid=`, each peer's `right=`/`rightid=` for it, the selectors of
 * ipsec.secrets entries), in any spelling the daemons take as the same (`spellingKey`): what has
 * to change together when it changes.
 */
export function idReferences(model: WorkspaceModel, id: string, asked?: ParsedDocument): EndMention[] {
  const found: EndMention[] = [];
  const seen = new Set<string>();
  const key = spellingKey(id);
  const take = (document: ParsedDocument): void => {
    if (seen.has(document.uri)) return;
    seen.add(document.uri);
    for (const mention of endMentionsOf(document)) if (mention.id === id || spellingKey(mention.id) === key) found.push(mention);
  };
  for (const node of model.nodes) for (const document of [...node.documents, ...node.unincluded, ...node.secrets]) take(document);
  for (const host of model.racoonHosts) {
    for (const document of host.documents) take(document);
    if (host.psk) take(host.psk);
  }
  for (const document of model.setkeyFiles) take(document);
  // A file that belongs to no gateway still holds its own mentions.
  if (asked) take(asked);
  return found;
}

export function idLocations(model: WorkspaceModel, document: ParsedDocument, offset: number): Location[] {
  const mention = idAt(document, offset);
  if (!mention) return [];
  return idReferences(model, mention.id, document).map((found) => ({ uri: found.document.uri, range: found.document.source.rangeOf(found.span) }));
}

/** Where a rename of the identity under the cursor would edit in this document, or undefined. */
export function idRenameRange(document: ParsedDocument, offset: number): Range | undefined {
  const mention = idAt(document, offset);
  return mention ? document.source.rangeOf(mention.span) : undefined;
}

/**
 * Edits that give the address or identity under the cursor a new text everywhere it is written.
 * A new identity with blanks or commas (a distinguished name) gets quotes where it had none. An
 * address that racoon or setkey also read can only become another IP address, which is all they
 * take there; psk.txt takes one word.
 */
export function renameId(model: WorkspaceModel, document: ParsedDocument, offset: number, newId: string): Map<string, { range: Range; newText: string }[]> | undefined {
  const mention = idAt(document, offset);
  return mention && renameMentions(idReferences(model, mention.id, document), newId);
}

/** The edits that give every one of these mentions (all of one ID) the new text, or undefined when one of their files cannot take it. */
export function renameMentions(references: readonly EndMention[], newId: string): Map<string, { range: Range; newText: string }[]> | undefined {
  if (!isWritableId(newId)) return undefined;
  const needsQuotes = /[\s,#=]/.test(newId);
  const kinds = new Set(references.map((found) => found.document.kind));
  if ((kinds.has('racoon') || kinds.has('setkey')) && ipVersion(newId) === 0) return undefined;
  if (kinds.has('racoon-psk') && needsQuotes) return undefined;
  const edits = new Map<string, { range: Range; newText: string }[]>();
  for (const found of references) {
    const list = edits.get(found.document.uri) ?? [];
    const { source } = found.document;
    if (needsQuotes && !found.quoted) list.push({ range: source.rangeOf(found.span), newText: `"${newId}"` });
    else list.push({ range: source.rangeOf(found.span), newText: newId });
    edits.set(found.document.uri, list);
  }
  return edits;
}
