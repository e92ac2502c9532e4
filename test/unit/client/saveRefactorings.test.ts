import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Uri } from 'vscode';
import type { ApplyWorkspaceEditParams, ApplyWorkspaceEditResult } from 'vscode-languageclient/node';
import { saveRefactorings } from '../../../client/src/saveRefactorings';

const uri = (path: string) => ({ toString: () => `file://${path}` }) as Uri;
const OPEN_CLEAN = uri('/ws/a/ipsec.conf');
const OPEN_DIRTY = uri('/ws/b/ipsec.conf');
const CLOSED = uri('/ws/c/ipsec.d/fr.conf');

/** Applies `params` through the middleware over documents that the edit leaves dirty; returns what was saved. */
async function run(params: ApplyWorkspaceEditParams, options: { autoSave?: boolean; applied?: boolean } = {}): Promise<{ saved: string[]; result: unknown }> {
  const saved: string[] = [];
  const doc = (u: Uri, isDirty: boolean) => ({ uri: u, isDirty, save: async () => { saved.push(u.toString()); return true; } });
  let documents = [doc(OPEN_CLEAN, false), doc(OPEN_DIRTY, true)];
  const middleware = saveRefactorings({ documents: () => documents, autoSave: () => options.autoSave ?? true, normalize: (u) => u });
  const handle = middleware.workspace?.handleApplyEdit;
  assert.ok(handle);
  const result = await handle(params, async (): Promise<ApplyWorkspaceEditResult> => {
    // Applying opens the closed file in the background and leaves every touched document dirty.
    documents = [doc(OPEN_CLEAN, true), doc(OPEN_DIRTY, true), doc(CLOSED, true)];
    return { applied: options.applied ?? true };
  });
  return { saved, result };
}

const edit = { documentChanges: [OPEN_CLEAN, OPEN_DIRTY, CLOSED].map((u) => ({ textDocument: { uri: u.toString(), version: null }, edits: [] })) };

describe('edits the server marks as a refactoring are saved in VS Code', () => {
  it('saves each touched file that had no unsaved changes before', async () => {
    const { saved, result } = await run({ label: 'fix', edit, metadata: { isRefactoring: true } });
    assert.deepEqual(result, { applied: true });
    assert.deepEqual(saved.sort(), [OPEN_CLEAN.toString(), CLOSED.toString()]);
  });

  it('reads plain changes by URI too', async () => {
    const { saved } = await run({ edit: { changes: { [CLOSED.toString()]: [] } }, metadata: { isRefactoring: true } });
    assert.deepEqual(saved, [CLOSED.toString()]);
  });

  it('saves nothing for other edits, for an edit not applied, or when refactorings do not auto-save', async () => {
    assert.deepEqual((await run({ edit })).saved, []);
    assert.deepEqual((await run({ edit, metadata: { isRefactoring: true } }, { applied: false })).saved, []);
    assert.deepEqual((await run({ edit, metadata: { isRefactoring: true } }, { autoSave: false })).saved, []);
  });
});
