import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairPeers } from '../../../server/src/workspace/peers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';
import { summarize, workspaceFindings } from './workspaceFindings';

const CONFS = ['/ws/hub/ipsec.conf', '/ws/spoke/ipsec.conf'];

/** A hub and a spoke on their default routes, each presenting its public address as leftid (a public GRE-over-IPsec lab). */
const files = (hubLeftid: string, spokeLeftid: string) => ({
  '/ws/hub/ipsec.conf': `conn spoke\n\tauthby=secret\n\ttype=transport\n\tleft=%defaultroute\n\tleftid=${hubLeftid}\n\tright=198.51.100.20\n\tauto=start\n`,
  '/ws/spoke/ipsec.conf': `conn hub\n\tauthby=secret\n\ttype=transport\n\tleft=%defaultroute\n\tleftid=${spokeLeftid}\n\tright=203.0.113.10\n\tauto=start\n`,
});
const pairs = (f: Record<string, string>) => pairPeers(new WorkspaceIndex(new MemoryFiles(f)).model(CONFS).nodes);

describe('pairing gateways that take their address from the default route', () => {
  it('reads an address given as leftid as where the peers reach the gateway, and finds nothing to report on a consistent pair', () => {
    assert.equal(pairs(files('203.0.113.10', '198.51.100.20')).length, 1);
    assert.deepEqual(workspaceFindings(files('203.0.113.10', '198.51.100.20'), CONFS).filter((f) => f.code.startsWith('peer-')), []);
  });

  it('does not pair on a name as leftid, and reports a wrong rightid of a pair it makes', () => {
    assert.equal(pairs(files('@hub.example', '@spoke.example')).length, 0);
    const consistent = files('203.0.113.10', '198.51.100.20');
    const wrongId = { ...consistent, '/ws/spoke/ipsec.conf': consistent['/ws/spoke/ipsec.conf'].replace('\tauto=start\n', '\trightid=203.0.113.99\n\tauto=start\n') };
    assert.deepEqual(summarize(workspaceFindings(wrongId, CONFS), 'peer-id-mismatch'), ['hub/ipsec.conf:4 peer-id-mismatch error', 'spoke/ipsec.conf:6 peer-id-mismatch error']);
  });
});
