import type { Fix, TextEdit } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import { withVisibleCharacters } from '../text/characters';
import type { Range } from '../text/sourceText';
import { nodesOf } from './connLookup';
import { idAt, idReferences, renameMentions } from './identityReferences';
import type { DiagnosticAt } from './pskFixes';

/** The key that expects a value of the peer and the key the peer holds it in, per rule. */
const SETTLED: Readonly<Record<string, { readonly expects: string; readonly holds: string }>> = {
  'peer-id-mismatch': { expects: 'rightid', holds: 'leftid' },
  'peer-address-mismatch': { expects: 'right', holds: 'left' },
};

/**
 * Fixes for `peer-id-mismatch` and `peer-address-mismatch` that settle the ID or address across
 * the whole workspace, not on one side: every place that expects the old value takes the one the
 * gateway has, or the gateway takes what is expected and every other place that writes its current
 * value follows. Offered only where no gateway has the expected value as its own already: renaming
 * it would then take another gateway's ID or address.
 */
export function settleFixes(model: WorkspaceModel, document: ParsedDocument, diagnostic: DiagnosticAt): Fix[] {
  const keys = SETTLED[diagnostic.code];
  if (!keys) return [];
  const here = idAt(document, document.source.offsetAt(diagnostic.range.start));
  const related = diagnostic.related[0];
  const peerDocument = related && nodesOf(model, related.uri)[0]?.documents.find((candidate) => candidate.uri === related.uri);
  const there = peerDocument && idAt(peerDocument, peerDocument.source.offsetAt(related.range.start));
  if (!here || !there || here.id === there.id) return [];
  const [expected, presented] = here.key === keys.expects ? [here, there] : [there, here];
  if (expected.key !== keys.expects || presented.key !== keys.holds) return [];
  const expectedPlaces = idReferences(model, expected.id);
  if (expectedPlaces.some((mention) => mention.key === keys.holds)) return [];
  const verbs = keys.holds === 'leftid' ? { take: 'Expect', have: 'Present' } : { take: 'Send to', have: 'Use' };
  const quoted = (id: string): string => `"${withVisibleCharacters(id)}"`;
  const fixes: Fix[] = [];
  const expectPresented = workspaceEdits(renameMentions(expectedPlaces, presented.id));
  if (expectPresented) fixes.push({ title: `${verbs.take} ${quoted(presented.id)} wherever ${quoted(expected.id)} is written (${placesIn(expectPresented)})`, edits: expectPresented });
  const presentExpected = workspaceEdits(renameMentions(idReferences(model, presented.id), expected.id));
  if (presentExpected) fixes.push({ title: `${verbs.have} ${quoted(expected.id)} instead: change ${quoted(presented.id)} wherever it is written (${placesIn(presentExpected)})`, edits: presentExpected });
  return fixes;
}

function workspaceEdits(edits: ReadonlyMap<string, readonly { range: Range; newText: string }[]> | undefined): TextEdit[] | undefined {
  return edits && [...edits].flatMap(([uri, list]) => list.map((edit) => ({ uri, range: edit.range, newText: edit.newText })));
}

function placesIn(edits: readonly TextEdit[]): string {
  const files = new Set(edits.map((edit) => edit.uri)).size;
  return `${edits.length} ${edits.length === 1 ? 'place' : 'places'} in ${files} ${files === 1 ? 'file' : 'files'}`;
}
