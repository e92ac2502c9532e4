import type { Fix, TextEdit } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import { withVisibleCharacters } from '../text/characters';
import type { EndMention } from './endMentions';
import { idAt, idReferences, renameId } from './identityReferences';
import type { DiagnosticAt } from './pskFixes';

/**
 * Fixes for `peer-id-mismatch` that settle the ID across the whole workspace, not on one side:
 * every place that expects the old ID takes the one the gateway presents, or the gateway presents
 * what is expected and every other place that writes its current ID follows. Offered only where
 * no gateway presents the expected ID already: renaming it would then take another gateway's ID.
 */
export function idMismatchFixes(model: WorkspaceModel, document: ParsedDocument, diagnostic: DiagnosticAt): Fix[] {
  if (diagnostic.code !== 'peer-id-mismatch') return [];
  const here = idAt(document, document.source.offsetAt(diagnostic.range.start));
  const related = diagnostic.related[0];
  const peerDocument = related && ipsecDocument(model, related.uri);
  const there = peerDocument && idAt(peerDocument, peerDocument.source.offsetAt(related.range.start));
  if (!here || !there || here.id === there.id) return [];
  const [expected, presented] = here.key === 'rightid' ? [here, there] : [there, here];
  if (expected.key !== 'rightid' || presented.key !== 'leftid' || isPresented(model, expected.id)) return [];
  const quoted = (id: string): string => `"${withVisibleCharacters(id)}"`;
  const fixes: Fix[] = [];
  const expectPresented = workspaceRename(model, expected, presented.id);
  if (expectPresented) fixes.push({ title: `Expect ${quoted(presented.id)} wherever ${quoted(expected.id)} is written (${placesIn(expectPresented)})`, edits: expectPresented });
  const presentExpected = workspaceRename(model, presented, expected.id);
  if (presentExpected) fixes.push({ title: `Present ${quoted(expected.id)} instead: change ${quoted(presented.id)} wherever it is written (${placesIn(presentExpected)})`, edits: presentExpected });
  return fixes;
}

function workspaceRename(model: WorkspaceModel, mention: EndMention, newId: string): TextEdit[] | undefined {
  const edits = renameId(model, mention.document, mention.span.start, newId);
  return edits && [...edits].flatMap(([uri, list]) => list.map((edit) => ({ uri, range: edit.range, newText: edit.newText })));
}

function placesIn(edits: readonly TextEdit[]): string {
  const files = new Set(edits.map((edit) => edit.uri)).size;
  return `${edits.length} ${edits.length === 1 ? 'place' : 'places'} in ${files} ${files === 1 ? 'file' : 'files'}`;
}

/** Whether some gateway presents the ID as its own (`leftid=`). */
function isPresented(model: WorkspaceModel, id: string): boolean {
  return idReferences(model, id).some((mention) => mention.key === 'leftid');
}

function ipsecDocument(model: WorkspaceModel, uri: string): ParsedDocument | undefined {
  for (const node of model.nodes) for (const document of node.documents) if (document.uri === uri) return document;
  return undefined;
}
