import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IpsecNode } from '../../../server/src/workspace/model';
import { generationOf, isPaired, pairPeers, peersOf, takePairingChange, type PeerPair } from '../../../server/src/workspace/peers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADDRESSES = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '%any'];
const IDS = ['@a.example', '@b.example', '@c.example', '@d.example', undefined];

/** Conns drawn from small pools, so that mirrors, near misses, ties and self-pairs all happen. */
function nodeText(next: () => number, own: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const conns: string[] = [];
  const count = 1 + Math.floor(next() * 3);
  for (let c = 0; c < count; c++) {
    const lines = [`conn c${c}`, `\tleft=${next() < 0.8 ? ADDRESSES[own % 4] : pick(ADDRESSES)}`, `\tright=${pick(ADDRESSES)}`];
    const leftid = next() < 0.7 ? IDS[own % 4] : pick(IDS);
    const rightid = pick(IDS);
    if (leftid) lines.push(`\tleftid=${leftid}`);
    if (rightid) lines.push(`\trightid=${rightid}`);
    lines.push(`\tauto=${next() < 0.1 ? 'ignore' : 'add'}`);
    conns.push(lines.join('\n'));
  }
  return `${conns.join('\n\n')}\n`;
}

const describePair = (pair: PeerPair): string => `${pair.a.node.confPath}#${pair.a.conn.name} ~ ${pair.b.node.confPath}#${pair.b.conn.name}`;
const asSet = (pairs: readonly PeerPair[]): string[] => pairs.map(describePair).sort();

describe('incremental pairing', () => {
  it('always holds the pairs a fresh pairing finds, edit after edit (900 seeded edits over 60 workspaces)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const count = 3 + Math.floor(next() * 5);
      const paths = Array.from({ length: count }, (_, i) => `/ws/n${i}/etc/ipsec.conf`);
      const files = new MemoryFiles(Object.fromEntries(paths.map((p, i) => [p, nodeText(next, i)])));
      const index = new WorkspaceIndex(files);
      let previous: readonly PeerPair[] = peersOf(index.model(paths).nodes);
      for (let step = 0; step < 15; step++) {
        // One gateway edited, sometimes two at once (a file watcher batch).
        for (let k = next() < 0.25 ? 2 : 1; k > 0; k--) {
          const changed = Math.floor(next() * count);
          files.set(paths[changed], nodeText(next, changed));
          index.forget(paths[changed]);
        }
        const nodes: readonly IpsecNode[] = index.model(paths).nodes;
        const pairs = peersOf(nodes);
        assert.deepEqual(asSet(pairs), asSet(pairPeers(nodes)), `seed ${seed}, step ${step}`);
        const fresh = new Set(pairPeers(nodes).flatMap((p) => [`${p.a.node.confPath}#${p.a.conn.name}`, `${p.b.node.confPath}#${p.b.conn.name}`]));
        for (const node of nodes) {
          for (const conn of node.effective.values()) assert.equal(isPaired(pairs, conn), fresh.has(`${node.confPath}#${conn.name}`), `seed ${seed}, step ${step}: ${node.confPath}#${conn.name}`);
        }
        const change = takePairingChange(pairs);
        if (change) {
          assert.equal(change.baseGeneration, generationOf(previous), 'a change is relative to the pairing just before');
          const rebuilt = asSet([...previous.filter((p) => !change.removed.has(p)), ...change.added]);
          assert.deepEqual(rebuilt, asSet(pairs), `seed ${seed}, step ${step}: base − removed + added`);
        }
        previous = pairs;
      }
    }
  });

  it('keeps the pair objects of gateways an edit did not touch', () => {
    const paths = ['/ws/a/etc/ipsec.conf', '/ws/b/etc/ipsec.conf', '/ws/c/etc/ipsec.conf'];
    const conn = (name: string, left: string, right: string) => `conn ${name}\n\tleft=${left}\n\tright=${right}\n\tleftid=@${left}\n\trightid=@${right}\n\tauto=add\n`;
    const files = new MemoryFiles({
      [paths[0]]: `${conn('ab', '192.0.2.1', '192.0.2.2')}\n${conn('ac', '192.0.2.1', '192.0.2.3')}`,
      [paths[1]]: conn('ba', '192.0.2.2', '192.0.2.1'),
      [paths[2]]: conn('ca', '192.0.2.3', '192.0.2.1'),
    });
    const index = new WorkspaceIndex(files);
    const before = peersOf(index.model(paths).nodes);
    assert.equal(before.length, 2);
    files.set(paths[2], `${conn('ca', '192.0.2.3', '192.0.2.1')}# edited\n`);
    index.forget(paths[2]);
    const after = peersOf(index.model(paths).nodes);
    const ab = (pairs: readonly PeerPair[]) => pairs.find((p) => p.a.conn.name === 'ab' || p.b.conn.name === 'ab');
    assert.equal(ab(after), ab(before), 'the a–b pair is the very same object');
    assert.deepEqual(takePairingChange(after)?.added.map(describePair), [describePair(after.find((p) => p !== ab(after)) as PeerPair)]);
  });
});
