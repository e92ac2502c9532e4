import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

describe('includes nested deeply', () => {
  it('are read in order without recursion: 20,000 levels, the last conn included last', () => {
    const depth = 20_000;
    const files: Record<string, string> = { '/ws/a/ipsec.conf': 'conn first\n\tleft=192.0.2.1\ninclude /etc/f0.conf\nconn last\n\tleft=192.0.2.9\n' };
    for (let i = 0; i < depth; i++) files[`/ws/a/f${i}.conf`] = i === depth - 1 ? 'conn deepest\n\tleft=192.0.2.5\n' : `include /etc/f${i + 1}.conf\n`;
    const node = new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/a/ipsec.conf']).nodes[0];
    const names = [...node.conns.keys()];
    assert.equal(names[0], 'first');
    assert.equal(names.at(-1), 'last');
  });
});
