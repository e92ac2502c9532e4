import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPeerMatrix } from '../../../server/src/features/peerMatrix';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { mayBeLoaded } from '../../../server/src/workspace/autoStarts';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';
import { LIBRESWAN_4, summarize, workspaceFindings } from './workspaceFindings';

const CONF = '/ws/gw/ipsec.conf';

// An L2TP server as the usual guides write it: the IKEv1 settings sit in a conn without auto= that
// the real conns take in with also=.
const L2TP = `${LIBRESWAN_4}config setup
\tlogfile=/var/log/pluto.log

conn shared
\tleft=192.0.2.1
\tright=%any
\tauthby=secret
\tikev2=never

conn l2tp-psk
\tauto=add
\ttype=transport
\talso=shared

conn spare
\tleft=192.0.2.1
\tright=198.51.100.7
\tauthby=secret
\tikev2=never
`;

function loadable(text: string): Record<string, boolean> {
  const node = new WorkspaceIndex(new MemoryFiles({ [CONF]: text })).model([CONF]).nodes[0];
  return Object.fromEntries([...node.effective.values()].map((conn) => [conn.name, mayBeLoaded(node, conn)]));
}

describe('conns the daemon never holds on their own', () => {
  it('are those with auto=ignore and templates without auto= that other conns take in with also=', () => {
    assert.deepEqual(loadable(L2TP), { shared: false, 'l2tp-psk': true, spare: true });
    assert.deepEqual(loadable(L2TP.replace('\tikev2=never\n\nconn l2tp-psk', '\tikev2=never\n\tauto=add\n\nconn l2tp-psk')).shared, true);
    assert.deepEqual(loadable(L2TP.replace('conn spare\n', 'conn spare\n\tauto=ignore\n')).spare, false);
  });

  it('count as templates even when auto= comes from conn %default, only if %default sets none', () => {
    assert.equal(loadable(`${L2TP}\nconn %default\n\tauto=add\n`).shared, true);
  });

  it('get no findings of their own: the refusal is reported on the conns that use them', () => {
    assert.deepEqual(summarize(workspaceFindings({ [CONF]: L2TP }, [CONF]), 'libreswan-conn-refused'), [
      'gw/ipsec.conf:10 libreswan-conn-refused warning',
      'gw/ipsec.conf:19 libreswan-conn-refused warning',
    ]);
  });
});

describe('templates and pairing', () => {
  // Gateway a keeps its own end in a template; its tunnel to b is the conn that takes it in.
  const files = {
    '/ws/a/ipsec.conf': 'config setup\n\nconn base\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tauthby=secret\n\nconn to-b\n\talso=base\n\tright=198.51.100.2\n\trightid=@b.example\n\tauto=start\n',
    '/ws/b/ipsec.conf': 'config setup\n\nconn to-a\n\tleft=198.51.100.2\n\tleftid=@b.example\n\tright=192.0.2.1\n\trightid=@a.example\n\tauthby=secret\n\tauto=add\n',
  };

  it('pairs the conn that uses the template, and leaves the template out of the peer matrix', () => {
    const model = new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']);
    const matrix = buildPeerMatrix(model, checkWorkspace(model));
    assert.deepEqual(
      matrix.cells.map((cell) => [cell.node, cell.conn, cell.peerConn, cell.status]),
      [
        ['a', 'to-b', 'to-a', 'ok'],
        ['b', 'to-a', 'to-b', 'ok'],
      ],
    );
  });
});
