import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restartPolicy } from '../../../client/src/restartPolicy';

describe('restart policy for a crashed server', () => {
  // 2 is CloseAction.Restart and 1 DoNotRestart in vscode-languageclient.
  it('restarts, tells the user once, and gives up after the limit', async () => {
    const messages: string[] = [];
    const policy = restartPolicy((m) => messages.push(m), 2);
    assert.equal((await policy.closed()).action, 2);
    assert.equal((await policy.closed()).action, 2);
    const last = await policy.closed();
    assert.equal(last.action, 1);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /restarted/);
  });
});
