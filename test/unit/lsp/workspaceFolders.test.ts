import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { folderPaths, foldersAfter } from '../../../server/src/lsp/workspaceFolders';

const folder = (uri: string) => ({ uri, name: uri.split('/').pop() ?? uri });

describe('the workspace folders the server searches', () => {
  it('are the local ones, as paths', () => {
    assert.deepEqual(folderPaths([folder('file:///srv/fr'), folder('vscode-vfs://github/x/y'), folder('file:///srv/my%20de')]), ['/srv/fr', '/srv/my de']);
  });

  it('keep their order when the editor adds and removes some, and hold each folder once', () => {
    const current = ['/srv/fr', '/srv/de', '/srv/dk'];
    assert.deepEqual(foldersAfter(current, { added: [folder('file:///srv/se'), folder('file:///srv/fr')], removed: [folder('file:///srv/de')] }), ['/srv/fr', '/srv/dk', '/srv/se']);
    assert.deepEqual(foldersAfter(current, { added: [], removed: [folder('file:///srv/nowhere')] }), current);
  });
});
