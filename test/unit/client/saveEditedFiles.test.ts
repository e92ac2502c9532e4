import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CancellationToken, CodeAction, CodeActionContext, Command, Range, TextDocument, Uri, WorkspaceEdit } from 'vscode';
import { SAVE_EDITED_FILES, saveDocuments, saveEditedFiles } from '../../../client/src/saveEditedFiles';

const uri = (path: string) => ({ toString: () => `file://${path}` }) as Uri;
const CURRENT = uri('/ws/dk/etc/ipsec.conf');
const PEM = uri('/ws/dk/etc/ipsec.d/cacerts/fr.pem');
const PEER = uri('/ws/fr/etc/ipsec.conf');
const editOf = (...uris: Uri[]) => ({ entries: () => uris.map((u) => [u, []]) }) as unknown as WorkspaceEdit;

async function provided(actions: Array<CodeAction | Command>, dirty: Uri[] = []): Promise<Array<CodeAction | Command>> {
  const middleware = saveEditedFiles({ textDocuments: dirty.map((u) => ({ uri: u, isDirty: true })) });
  const provide = middleware.provideCodeActions;
  assert.ok(provide);
  const out = await provide({ uri: CURRENT } as TextDocument, {} as Range, {} as CodeActionContext, {} as CancellationToken, async () => actions);
  return out ?? [];
}

describe('quick fixes that edit another file save it afterwards in VS Code', () => {
  it('adds the save command to a fix that creates or edits another file, not to one that edits only the current file', async () => {
    const [create, local, both] = (await provided([
      { title: 'Trust CA', edit: editOf(PEM) },
      { title: 'Indent', edit: editOf(CURRENT) },
      { title: "Use the peer's value", edit: editOf(CURRENT, PEER) },
    ] as CodeAction[])) as CodeAction[];
    assert.deepEqual(create.command, { title: 'Save the files the fix edited', command: SAVE_EDITED_FILES, arguments: [PEM.toString()] });
    assert.equal(local.command, undefined);
    assert.deepEqual(both.command?.arguments, [PEER.toString()]);
  });

  it('leaves alone a file that already had unsaved changes, commands, and actions with their own command', async () => {
    const own = { title: 'x', command: 'other' } as Command;
    const [peer, command, withCommand] = (await provided([{ title: 'peer', edit: editOf(PEER) } as CodeAction, { title: 'c', command: 'cmd' } as Command, { title: 'w', edit: editOf(PEM), command: own } as CodeAction], [PEER])) as CodeAction[];
    assert.equal(peer.command, undefined);
    assert.equal((command as unknown as Command).command, 'cmd');
    assert.equal(withCommand.command, own);
  });

  it('saves only the named dirty documents, and nothing when refactorings do not auto-save', async () => {
    const saved: string[] = [];
    const doc = (u: Uri, isDirty: boolean) => ({ uri: u, isDirty, save: async () => { saved.push(u.toString()); return true; } });
    const open = [doc(PEM, true), doc(PEER, true), doc(CURRENT, false)];
    await saveDocuments(open, [PEM.toString(), CURRENT.toString()], false);
    assert.deepEqual(saved, []);
    await saveDocuments(open, [PEM.toString(), CURRENT.toString()], true);
    assert.deepEqual(saved, [PEM.toString()]);
  });
});
