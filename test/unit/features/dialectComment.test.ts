import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dialectCommentEdit } from '../../../server/src/features/dialectComment';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';

const CONF = '/ws/fr/etc/ipsec.conf';

function model(files: Record<string, string>) {
  return new WorkspaceIndex(new MemoryFiles(files)).model([CONF]);
}

describe('setting a gateway\'s dialect', () => {
  it('inserts a first line into the gateway\'s ipsec.conf, asked from any of its files', () => {
    const m = model({ [CONF]: 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n', '/ws/fr/etc/ipsec.d/dk.conf': 'conn dk\n\tright=192.0.2.1\n' });
    assert.deepEqual(dialectCommentEdit(m, 'file:///ws/fr/etc/ipsec.d/dk.conf', 'libreswan-5'), {
      uri: 'file:///ws/fr/etc/ipsec.conf',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: '# ipsec-dialect: libreswan-5\n',
    });
  });

  it('rewrites an existing # ipsec-dialect: line where it is, in whichever file holds it', () => {
    const m = model({ [CONF]: 'include /etc/ipsec.d/*.conf\n', '/ws/fr/etc/ipsec.d/server.conf': '# France\n#  ipsec-dialect: openswan\nconn %default\n\tleft=192.0.2.10\n' });
    assert.deepEqual(dialectCommentEdit(m, 'file:///ws/fr/etc/ipsec.conf', 'Libreswan-5.2'), {
      uri: 'file:///ws/fr/etc/ipsec.d/server.conf',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 26 } },
      newText: '# ipsec-dialect: libreswan-5.2',
    });
  });

  it('refuses what is not a dialect, and files of no gateway', () => {
    const m = model({ [CONF]: 'conn a\n\tleft=192.0.2.1\n', '/ws/other/etc/ipsec.conf': 'conn b\n' });
    assert.match(JSON.stringify(dialectCommentEdit(m, `file://${CONF}`, 'racoon')), /is not a dialect/);
    assert.match(JSON.stringify(dialectCommentEdit(new WorkspaceIndex(new MemoryFiles({})).model([]), 'file:///ws/x.conf', 'openswan')), /belongs to no gateway/);
  });
});
