import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { fixturePath } from '../../helpers';
import { MemoryFiles } from './memoryFiles';

const seed = (name: string) => readFileSync(fixturePath('seeds', 'setkey', name), 'utf8');
const A = '/ws/ipsec-a/etc/racoon/setkey.conf';
const B = '/ws/ipsec-b/etc/racoon/setkey.conf';

function findings(a: string, b: string) {
  const model = new WorkspaceIndex(new MemoryFiles({ [A]: a, [B]: b })).model([], [], [], [A, B]);
  return [...checkWorkspace(model).entries()].flatMap(([uri, list]) => list.map((f) => `${uri.includes('ipsec-a') ? 'a' : 'b'}:${f.range.start.line} ${f.code}`)).sort();
}

describe('setkey policies across two hosts', () => {
  it("the seed's two transport hosts mirror each other", () => {
    assert.deepEqual(findings(seed('ipsec-a.setkey.sh'), seed('ipsec-b.setkey.sh')), []);
  });

  it('a different level on one side is reported on both policies', () => {
    const b = seed('ipsec-b.setkey.sh').replace('-P in ipsec esp/transport//require', '-P in ipsec ah/transport//require');
    assert.deepEqual(findings(seed('ipsec-a.setkey.sh'), b), ['a:2 setkey-policy-mirror', 'b:3 setkey-policy-mirror']);
  });

  it('an out policy without its in policy on the other host is reported', () => {
    const b = seed('ipsec-b.setkey.sh').replace('-P in ipsec', '-P out ipsec');
    assert.deepEqual(findings(seed('ipsec-a.setkey.sh'), b), ['a:2 setkey-policy-mirror', 'b:3 setkey-policy-mirror']);
  });
});
