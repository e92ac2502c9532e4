import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
