import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairPeers } from '../../../server/src/workspace/peers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';
import { workspaceFindings } from './workspaceFindings';

const CONFS = ['/ws/one/ipsec.conf', '/ws/two/ipsec.conf'];

/** Two gateways behind NAT (as in a public docker lab): each has a private left= and names the other's public address as right=. */
const files = (twoRightId: string) => ({
  '/ws/one/ipsec.conf': 'conn net\n\tauthby=secret\n\tleft=192.168.0.76\n\tleftid=@one\n\tleftsubnet=192.168.0.0/24\n\tright=203.0.113.20\n\trightid=@two\n\trightsubnet=172.16.0.0/24\n\tauto=start\n',
  '/ws/two/ipsec.conf': `conn net\n\tauthby=secret\n\tleft=172.16.0.73\n\tleftid=@two\n\tleftsubnet=172.16.0.0/24\n\tright=198.51.100.10\n\trightid=${twoRightId}\n\trightsubnet=192.168.0.0/24\n\tauto=start\n`,
});
const pairs = (f: Record<string, string>) => pairPeers(new WorkspaceIndex(new MemoryFiles(f)).model(CONFS).nodes);

describe('pairing gateways behind NAT', () => {
  it('pairs by the IDs when each private left= faces a public right=, and reports nothing for a consistent pair', () => {
    assert.equal(pairs(files('@one')).length, 1);
    assert.deepEqual(workspaceFindings(files('@one'), CONFS).filter((f) => f.code.startsWith('peer-')), []);
  });

  it('does not pair them when the IDs do not name each other either', () => {
    assert.equal(pairs(files('@someone-else')).length, 0);
  });
});
