import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restartWhenTrusted, type WorkspaceTrustEvents } from '../../../client/src/trust';

/** A stand-in for `vscode.workspace`: `grant()` is the user trusting the workspace. */
function fakeWorkspace(): WorkspaceTrustEvents & { grant(): void; listeners: number } {
  const listeners = new Set<() => unknown>();
  return {
    onDidGrantWorkspaceTrust(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    grant: () => listeners.forEach((listener) => listener()),
    get listeners() {
      return listeners.size;
    },
  };
}

describe('trusting the workspace', () => {
  it('restarts the server once, so that it reads the restricted settings', async () => {
    const workspace = fakeWorkspace();
    let restarts = 0;
    const subscription = restartWhenTrusted(workspace, async () => void restarts++, () => assert.fail('nothing to report'));
    assert.equal(restarts, 0, 'no restart before trust is granted');
    workspace.grant();
    assert.equal(restarts, 1);
    subscription.dispose();
    workspace.grant();
    assert.equal(restarts, 1, 'disposed with the extension');
    assert.equal(workspace.listeners, 0);
  });

  it('says so when the restart fails, and does not throw', async () => {
    const workspace = fakeWorkspace();
    const messages: string[] = [];
    restartWhenTrusted(workspace, () => Promise.reject(new Error('no server')), (message) => messages.push(message));
    workspace.grant();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(messages, ['The IPsec language server did not restart after the workspace was trusted: no server']);
  });
});
