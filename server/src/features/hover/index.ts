import type { WorkspaceModel } from '../../checks/workspaceRule';
import type { ParsedDocument } from '../../model/document';
import { connHover, type HoverResult } from '../connHover';
import { nodesOf } from '../connLookup';
import { keywordHover } from '../keywordHover';
import { racoonHover } from './racoon';
import { setkeyHover } from './setkey';

export type { HoverResult } from '../connHover';

/**
 * Hover for any file kind: conns and keywords in ipsec.conf, directives and values in racoon.conf,
 * words of setkey. `modelUri` is the document's URI as the workspace model spells it.
 */
export function hoverDocument(document: ParsedDocument, offset: number, model: WorkspaceModel, modelUri = document.uri): HoverResult | undefined {
  switch (document.kind) {
    case 'ipsec': {
      const dialect = nodesOf(model, modelUri)[0]?.dialect;
      return connHover(model, document, offset) ?? keywordHover(document, offset, dialect);
    }
    case 'racoon':
      return racoonHover(document, offset);
    case 'setkey':
      return setkeyHover(document, offset);
    default:
      return undefined;
  }
}
