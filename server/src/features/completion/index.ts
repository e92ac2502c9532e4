import type { WorkspaceModel } from '../../checks/workspaceRule';
import type { ParsedDocument } from '../../model/document';
import type { Position } from '../../text/sourceText';
import { nodesOf } from '../connLookup';
import { looseFileDialect } from '../../workspace/fileDialect';
import { dialectCommentCompletions } from '../dialectComments';
import { suppressionCompletions } from '../suppressionComments';
import { certificateFiles } from './certificateFiles';
import type { CompletionEntry } from './entry';
import { identityCandidates } from './identities';
import { peerValueCandidates } from './peerValues';
import { completeIpsecConf } from './ipsecConf';
import { completeRacoon } from './racoon';
import { completeSecrets } from './secrets';
import { completeSetkey } from './setkey';

export type { CompletionEntry } from './entry';

/**
 * Completion for any file kind (and in its suppression and dialect comments); the workspace model
 * supplies conn names, the dialect, certificate folders and the peers' values. `modelUri` is the document's URI as the model spells it.
 */
export function completeDocument(document: ParsedDocument, position: Position, model: WorkspaceModel, modelUri = document.uri): CompletionEntry[] {
  const suppression = suppressionCompletions(document, position);
  const dialectComment = dialectCommentCompletions(document, position);
  if (suppression || dialectComment) return [...(suppression ?? []), ...(dialectComment ?? [])];
  switch (document.kind) {
    case 'ipsec': {
      const node = nodesOf(model, modelUri)[0];
      const connNames = node ? [...node.conns.keys()] : document.ast.sections.flatMap((s) => (s.kind === 'conn' && s.name ? [s.name.text] : []));
      return completeIpsecConf(document, position, {
        connNames,
        dialect: node ? node.dialect : looseFileDialect(document, model.dialectSetting),
        certificateFiles: (folder) => certificateFiles(model, modelUri, folder),
        identities: (connName, side) => (node ? identityCandidates(model, node, connName, side) : []),
        peerValues: (connName, key) => (node ? peerValueCandidates(model, node, connName, key) : []),
      });
    }
    case 'ipsec-secrets':
      return completeSecrets(document, position, () => certificateFiles(model, modelUri, 'private'));
    case 'racoon':
      return completeRacoon(document, position);
    case 'setkey':
      return completeSetkey(document, position);
    default:
      return [];
  }
}
