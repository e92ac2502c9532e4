import type { ParsedDocument } from '../model/document';
import type { Range } from '../text/sourceText';
import { mentionAt, mentionsInDocument } from './connLookup';
import { spellingKey } from '../workspace/ikeIdentity';
import { endMentionsOf, mentionAtOffset } from './endMentions';

/**
 * The places in this document that name what the cursor is on: a conn (its header and the
 * `also=` lines naming it) or an end's address or identity (every value and selector that
 * writes it, in any spelling the daemons take as the same). Editors show them highlighted.
 */
export function documentHighlights(document: ParsedDocument, offset: number): Range[] {
  const { source } = document;
  if (document.kind === 'ipsec') {
    const conn = mentionAt(document, offset);
    if (conn) return mentionsInDocument(document, conn.name).map((mention) => source.rangeOf(mention.span));
  }
  const mentions = endMentionsOf(document);
  const id = mentionAtOffset(mentions, offset);
  if (!id) return [];
  const key = spellingKey(id.id);
  return mentions.filter((mention) => mention.id === id.id || spellingKey(mention.id) === key).map((mention) => source.rangeOf(mention.span));
}
