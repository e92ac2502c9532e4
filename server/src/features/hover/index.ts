import type { WorkspaceModel } from '../../checks/workspaceRule';
import type { ParsedDocument } from '../../model/document';
import { connHover, type HoverResult } from '../connHover';
import { dialectOf } from '../../workspace/fileDialect';
import { keywordHover } from '../keywordHover';
import { dialectCommentHover } from '../dialectComments';
import { suppressionHover } from '../suppressionComments';
import { ipsecCertificateHover, racoonCertificateHover } from './certificate';
import { endHover } from './endHover';
import { proposalWordHover } from './proposalWord';
import { pskHover } from './psk';
import { racoonHover } from './racoon';
import { racoonIncludeHover } from './racoonInclude';
import { secretsHover } from './secrets';
import { setkeyHover } from './setkey';

export type { HoverResult } from '../connHover';

/**
 * Hover for any file kind: conns, certificates and keywords in ipsec.conf, directives, values and
 * certificates in racoon.conf, words of setkey, the parts of ipsec.secrets and psk.txt entries
 * (never their secrets), the rule codes of suppression comments and `# ipsec-dialect:` comments. `modelUri` is the document's URI as the workspace model spells it.
 */
export function hoverDocument(document: ParsedDocument, offset: number, model: WorkspaceModel, modelUri = document.uri): HoverResult | undefined {
  const suppression = suppressionHover(document, offset);
  if (suppression) return suppression;
  const dialectComment = dialectCommentHover(document, offset, () => dialectOf(model, modelUri, document));
  if (dialectComment) return dialectComment;
  switch (document.kind) {
    case 'ipsec': {
      const dialect = dialectOf(model, modelUri, document);
      return (
        connHover(model, document, offset) ??
        ipsecCertificateHover(model, document, offset, modelUri) ??
        keywordHover(document, offset, dialect) ??
        proposalWordHover(document, offset, dialect) ??
        endHover(model, document, offset)
      );
    }
    case 'racoon':
      return withPlaces(racoonIncludeHover(model, document, offset, modelUri) ?? racoonCertificateHover(model, document, offset, modelUri) ?? racoonHover(document, offset), model, document, offset);
    case 'setkey':
      return withPlaces(setkeyHover(document, offset), model, document, offset);
    case 'ipsec-secrets':
      return withPlaces(secretsHover(model, document, offset, modelUri), model, document, offset);
    case 'racoon-psk':
      return withPlaces(pskHover(model, document, offset, modelUri), model, document, offset);
    default:
      return undefined;
  }
}

/**
 * A hover on an address or identifier outside ipsec.conf (a secrets selector, a psk.txt
 * identifier, a racoon or setkey address) gets the other places that write it below what the
 * file's own hover says, when there are any.
 */
function withPlaces(own: HoverResult | undefined, model: WorkspaceModel, document: ParsedDocument, offset: number): HoverResult | undefined {
  const places = endHover(model, document, offset, { onlyWhenShared: true });
  if (!own || !places) return own ?? places;
  return { markdown: `${own.markdown}\n\n---\n\n${places.markdown}`, range: own.range };
}
