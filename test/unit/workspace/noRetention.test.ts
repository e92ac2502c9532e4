import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import type { IpsecNode } from '../../../server/src/workspace/model';
import { peersOf } from '../../../server/src/workspace/peers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const conn = (name: string, left: string, right: string, extra = '') => `conn ${name}\n\tleft=${left}\n\tright=${right}\n\tleftid=@${left}\n\trightid=@${right}\n\tauto=add\n${extra}`;

describe('edits do not keep earlier models alive', () => {
  it('a gateway replaced by an edit can be collected once the next edits are checked', async () => {
    const paths = ['/ws/a/etc/ipsec.conf', '/ws/b/etc/ipsec.conf'];
    const files = new MemoryFiles({ [paths[0]]: conn('ab', '192.0.2.1', '192.0.2.2'), [paths[1]]: conn('ba', '192.0.2.2', '192.0.2.1') });
    const index = new WorkspaceIndex(files);
    const step = (i: number): readonly IpsecNode[] => {
      // Every other edit changes an ID, so that pairings follow one another by their changes.
      files.set(paths[0], conn('ab', '192.0.2.1', '192.0.2.2', i % 2 ? '\trightid=@other.example\n' : `# edit ${i}\n`));
      index.forget(paths[0]);
      const model = index.model(paths);
      peersOf(model.nodes);
      checkWorkspace(model);
      return model.nodes;
    };
    // The first pairings are made afresh; from the third on, each follows from the one before.
    for (let i = 0; i < 3; i++) step(i);
    const first = new WeakRef(step(3)[0]);
    for (let i = 4; i < 16; i++) step(i);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.equal(first.deref(), undefined, 'the first version of gateway a is still held');
  });

  it('the version an edit replaced is not held once that edit is checked', async () => {
    // Held until the next edit, it would outlive two young-generation collections on every
    // keystroke and be promoted: the old generation would fill with one gateway per edit.
    const paths = ['/ws/a/etc/ipsec.conf', '/ws/b/etc/ipsec.conf'];
    const files = new MemoryFiles({ [paths[0]]: conn('ab', '192.0.2.1', '192.0.2.2'), [paths[1]]: conn('ba', '192.0.2.2', '192.0.2.1') });
    const index = new WorkspaceIndex(files);
    const step = (i: number): readonly IpsecNode[] => {
      files.set(paths[0], conn('ab', '192.0.2.1', '192.0.2.2', `# edit ${i}\n`));
      index.forget(paths[0]);
      const model = index.model(paths);
      checkWorkspace(model);
      return model.nodes;
    };
    for (let i = 0; i < 3; i++) step(i);
    const replaced = new WeakRef(step(3)[0]);
    const current = step(4);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.equal(replaced.deref(), undefined, 'the version before the last edit is still held');
    assert.equal(current.length, 2);
  });
});
