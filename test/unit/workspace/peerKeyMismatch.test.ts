import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { inlineKey } from '../../../server/src/checks/workspace/peerKeyMismatch';
import { MemoryFiles } from './memoryFiles';
import { summarize, workspaceFindings } from './workspaceFindings';

const CODE = 'peer-key-mismatch';
const CONFS = ['/ws/west/ipsec.conf', '/ws/east/ipsec.conf'];
const WEST_KEY = `0s${Buffer.from('west public key bytes, RFC 3110 form').toString('base64')}`;
const EAST_KEY = `0s${Buffer.from('east public key bytes, RFC 3110 form').toString('base64')}`;
const pair = (westHoldsForEast: string, eastOwn = EAST_KEY) => ({
  '/ws/west/ipsec.conf': `conn east\n\tleft=192.0.2.1\n\tleftid=@west\n\tleftrsasigkey=${WEST_KEY}\n\tright=192.0.2.2\n\trightid=@east\n\trightrsasigkey=${westHoldsForEast}\n\tauthby=rsasig\n`,
  '/ws/east/ipsec.conf': `conn west\n\tleft=192.0.2.2\n\tleftid=@east\n\tleftrsasigkey=${eastOwn}\n\tright=192.0.2.1\n\trightid=@west\n\trightrsasigkey=${WEST_KEY}\n\tauthby=rsasig\n`,
});

describe('peer-key-mismatch', () => {
  it("reports a held key that is not the peer's own, on both files, with the peer's key as the fix", () => {
    const files = pair(`0s${Buffer.from('an old east key').toString('base64')}`);
    const found = workspaceFindings(files, CONFS).filter((f) => f.code === CODE);
    assert.deepEqual(summarize(found), ['east/ipsec.conf:3 peer-key-mismatch error', 'west/ipsec.conf:6 peer-key-mismatch error']);
    const findings = [...checkWorkspace(new WorkspaceIndex(new MemoryFiles(files)).model(CONFS)).values()].flat().filter((f) => f.code === CODE);
    const onWest = findings.find((f) => f.message.startsWith('rightrsasigkey'));
    assert.equal(onWest?.fixes?.[0].edits[0].newText, EAST_KEY);
  });

  it('compares the bytes: base64 and hex of the same key agree, blanks do not count', () => {
    const hex = `0x${Buffer.from(EAST_KEY.slice(2), 'base64').toString('hex')}`;
    assert.deepEqual(summarize(workspaceFindings(pair(hex), CONFS), CODE), []);
    assert.deepEqual(summarize(workspaceFindings(pair(`"${EAST_KEY.slice(0, 10)} ${EAST_KEY.slice(10)}"`), CONFS), CODE), []);
  });

  it('leaves %cert and other non-inline values alone', () => {
    assert.deepEqual(summarize(workspaceFindings(pair('%cert'), CONFS), CODE), []);
    assert.deepEqual(summarize(workspaceFindings(pair(EAST_KEY, '%cert'), CONFS), CODE), []);
    assert.equal(inlineKey('%dnsondemand'), undefined);
    assert.equal(inlineKey('0x123'), undefined);
  });
});
