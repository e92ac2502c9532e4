import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import type { Range, Span } from '../text/sourceText';
import type { Location } from './navigation';

/**
 * The keys whose value names an end: its address or host name, its IKE identity, and strongSwan's
 * identity for a second authentication round. The same text in any of them names the same host
 * (an identity is its address unless set), so they change together.
 */
const END_KEY = /^(left|right)(id2?)?$/;

/** An end's address or IKE identity written in a file: a `left=`/`leftid=`/`right=`/`rightid=` value or an ipsec.secrets selector. */
export interface IdMention {
  readonly id: string;
  /** The identity's text, inside its quotes when it has them. */
  readonly span: Span;
  readonly quoted: boolean;
  readonly document: ParsedDocument;
}

/**
 * The address or identity under the cursor. Placeholders (`%any`, `%defaultroute`, `%fromcert`)
 * and empty values name no particular gateway, so none is found on them.
 */
export function idAt(document: ParsedDocument, offset: number): IdMention | undefined {
  return mentionsOf(document).find((mention) => offset >= mention.span.start && offset <= mention.span.end);
}

/**
 * Every place across the workspace's gateways that writes the same address or identity, as
 * written (a gateway's own `left=`/`leftid=`, each peer's `right=`/`rightid=` for it, the
 * selectors of ipsec.secrets entries): what has to change together when it changes.
 */
export function idReferences(model: WorkspaceModel, id: string, asked?: ParsedDocument): IdMention[] {
  const found: IdMention[] = [];
  const seen = new Set<string>();
  const take = (document: ParsedDocument): void => {
    if (seen.has(document.uri)) return;
    seen.add(document.uri);
    for (const mention of mentionsOf(document)) if (mention.id === id) found.push(mention);
  };
  for (const node of model.nodes) for (const document of [...node.documents, ...node.unincluded, ...node.secrets]) take(document);
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
 * Edits that give the identity under the cursor a new text everywhere it is written. A new
 * identity with blanks or commas (a distinguished name) gets quotes where it had none.
 */
export function renameId(model: WorkspaceModel, document: ParsedDocument, offset: number, newId: string): Map<string, { range: Range; newText: string }[]> | undefined {
  if (!isWritableId(newId)) return undefined;
  const mention = idAt(document, offset);
  if (!mention) return undefined;
  const needsQuotes = /[\s,#=]/.test(newId);
  const edits = new Map<string, { range: Range; newText: string }[]>();
  for (const found of idReferences(model, mention.id, document)) {
    const list = edits.get(found.document.uri) ?? [];
    const { source } = found.document;
    if (needsQuotes && !found.quoted) list.push({ range: source.rangeOf(found.span), newText: `"${newId}"` });
    else list.push({ range: source.rangeOf(found.span), newText: newId });
    edits.set(found.document.uri, list);
  }
  return edits;
}

function isWritableId(id: string): boolean {
  return id.trim() === id && id.length > 0 && !id.startsWith('%') && !/["\r\n]/.test(id);
}

function mentionsOf(document: ParsedDocument): IdMention[] {
  if (document.kind === 'ipsec') return confMentions(document as ParsedDocument<'ipsec'>);
  if (document.kind === 'ipsec-secrets') return secretsMentions(document as ParsedDocument<'ipsec-secrets'>);
  return [];
}

function confMentions(document: ParsedDocument<'ipsec'>): IdMention[] {
  const found: IdMention[] = [];
  for (const section of document.ast.sections) {
    if (section.kind !== 'conn') continue;
    for (const setting of section.settings) {
      const value = setting.value;
      if (!value?.terminated || !END_KEY.test(setting.key.text) || !isWritableId(value.text)) continue;
      const span = value.quoted ? { start: value.span.start + 1, end: value.span.end - 1 } : value.span;
      found.push({ id: value.text, span, quoted: value.quoted, document });
    }
  }
  return found;
}

function secretsMentions(document: ParsedDocument<'ipsec-secrets'>): IdMention[] {
  const found: IdMention[] = [];
  for (const entry of document.ast.entries) {
    // Only the selectors: what follows the colon is secret material and never read here.
    for (const selector of entry.selectors) {
      if (!selector.terminated || !isWritableId(selector.text)) continue;
      const quoted = selector.kind === 'string';
      const span = quoted ? { start: selector.span.start + 1, end: selector.span.end - 1 } : selector.span;
      found.push({ id: selector.text, span, quoted, document });
    }
  }
  return found;
}
