import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newPeerConnection, type NewPeerResult } from '../../../server/src/features/newPeerConnection';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';

const CONF = '/ws/fr/etc/ipsec.conf';
const DK = 'conn dk\n\tright=198.51.100.137\n\trightid=@vpn.dk.example\n\tauto=add\n';

function draft(files: Record<string, string>): NewPeerResult {
  const model = new WorkspaceIndex(new MemoryFiles(files)).model([CONF]);
  const result = newPeerConnection(model, { uri: 'file:///ws/fr/etc/ipsec.d/dk.conf', countryCode: 'se', peerAddress: '203.0.113.9', peerId: '@vpn.se.example' });
  assert.ok(!('error' in result), JSON.stringify(result));
  return result;
}

describe('the new-connection wizard and the include lines of ipsec.conf', () => {
  it('adds nothing when a glob of ipsec.conf reads the new file', () => {
    const result = draft({ [CONF]: 'config setup\ninclude /etc/ipsec.d/*.conf\n', '/ws/fr/etc/ipsec.d/dk.conf': DK });
    assert.equal(result.filePath, '/ws/fr/etc/ipsec.d/se.conf');
    assert.equal(result.include, undefined);
  });

  it('offers the file by name, at the end of ipsec.conf, when ipsec.conf includes its peer files one by one', () => {
    const result = draft({ [CONF]: 'config setup\ninclude /etc/ipsec.d/dk.conf', '/ws/fr/etc/ipsec.d/dk.conf': DK });
    assert.deepEqual(result.include, {
      line: 'include /etc/ipsec.d/se.conf',
      edit: { uri: 'file:///ws/fr/etc/ipsec.conf', range: { start: { line: 1, character: 28 }, end: { line: 1, character: 28 } }, newText: '\ninclude /etc/ipsec.d/se.conf\n' },
    });
  });

  it('offers the stock glob when ipsec.conf includes nothing from ipsec.d', () => {
    const result = draft({ [CONF]: 'config setup\n\tprotostack=netkey\nconn dk\n\tright=198.51.100.137\n' });
    assert.equal(result.include?.line, 'include /etc/ipsec.d/*.conf');
  });
});
