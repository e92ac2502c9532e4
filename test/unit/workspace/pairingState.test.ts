import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IpsecNode } from '../../../server/src/workspace/model';
import { PairingState, type PairingRules } from '../../../server/src/workspace/pairingState';
import type { ConnRef } from '../../../server/src/workspace/peers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

/** Pairs by IDs alone: an end is stored under its leftid and looks for its rightid. */
const RULES: PairingRules = {
  pairOnce: () => [],
  endsOf: (node) => [...node.effective.values()].map((conn) => ({ node, conn })),
  keysOf: (end) => ({ stored: [`id|${end.conn.values.get('leftid')?.value}`], mirror: [], fallback: [`id|${end.conn.values.get('rightid')?.value}`] }),
  choose: (end, candidates) => [...candidates].find((candidate: ConnRef) => candidate.node !== end.node),
};

const conn = (own: string, peer: string) => `conn peer\n\tleftid=@${own}\n\trightid=@${peer}\n\tauto=add\n`;

describe('pairing state', () => {
  it('keeps the keys of the current ends only, however often an ID changes', () => {
    const paths = ['/ws/a/etc/ipsec.conf', '/ws/b/etc/ipsec.conf'];
    const files = new MemoryFiles({ [paths[0]]: conn('a.example', 'b.example'), [paths[1]]: conn('b.example', 'a.example') });
    const index = new WorkspaceIndex(files);
    const state = new PairingState(RULES);
    const update = (): readonly IpsecNode[] => {
      const nodes = index.model(paths).nodes;
      state.update(nodes);
      return nodes;
    };
    // The first call pairs once; the second builds the indexes that later edits update.
    update();
    update();
    assert.equal(state.pairs.length, 1);
    const keys = state.keyCount;
    assert.equal(keys, 4, 'each ID stored once and looked for once');
    for (let i = 0; i < 50; i++) {
      // Gateway b takes a new ID every time, and a follows it.
      files.set(paths[1], conn(`b${i}.example`, 'a.example'));
      files.set(paths[0], conn('a.example', `b${i}.example`));
      index.forget(paths[0]);
      index.forget(paths[1]);
      update();
      assert.equal(state.pairs.length, 1, `edit ${i} keeps the pair`);
    }
    assert.equal(state.keyCount, keys, 'keys of earlier IDs are still indexed');
  });
});
