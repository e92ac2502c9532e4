import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const CODE = 'peer-cert-not-sent';
const CONFS = ['/ws/west/ipsec.conf', '/ws/east/ipsec.conf'];
const files = (westExtra: string, eastExtra: string, eastHead = STRONGSWAN) => ({
  '/ws/west/ipsec.conf': `${STRONGSWAN}conn east\n\tleft=192.0.2.1\n\tleftid=@west\n\tleftcert=west.pem\n\tright=192.0.2.2\n\trightid=@east\n${westExtra}`,
  '/ws/east/ipsec.conf': `${eastHead}conn west\n\tleft=192.0.2.2\n\tleftid=@east\n\tright=192.0.2.1\n\trightid=@west\n${eastExtra}`,
});
const judge = (f: Record<string, string>) => summarize(workspaceFindings(f, CONFS), CODE);

describe('peer-cert-not-sent', () => {
  it('reports leftsendcert=never towards a peer that holds no copy of the certificate', () => {
    assert.deepEqual(judge(files('\tleftsendcert=never\n', '')), ['west/ipsec.conf:7 peer-cert-not-sent error']);
    assert.deepEqual(judge(files('\tleftsendcert=no\n', '')), ['west/ipsec.conf:7 peer-cert-not-sent error']);
  });

  it('is quiet when the certificate is sent, or the peer pins it or the key, or may run Libreswan', () => {
    assert.deepEqual(judge(files('', '')), []);
    assert.deepEqual(judge(files('\tleftsendcert=ifasked\n', '')), []);
    assert.deepEqual(judge(files('\tleftsendcert=never\n', '\trightcert=west.pem\n')), []);
    assert.deepEqual(judge(files('\tleftsendcert=never\n', `\trightrsasigkey=0s${Buffer.from('west key').toString('base64')}\n`)), []);
    assert.deepEqual(judge(files('\tleftsendcert=never\n', '', '# ipsec-dialect: libreswan-5\n')), []);
    assert.deepEqual(judge(files('\tleftsendcert=never\n', '', '')), []);
  });
});
