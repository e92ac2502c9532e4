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

  it('is quiet when the certificate is sent, or the peer pins it or the key', () => {
    assert.deepEqual(judge(files('', '')), []);
    assert.deepEqual(judge(files('\tleftsendcert=ifasked\n', '')), []);
    assert.deepEqual(judge(files('\tleftsendcert=never\n', '\trightcert=west.pem\n')), []);
    assert.deepEqual(judge(files('\tleftsendcert=never\n', `\trightrsasigkey=0s${Buffer.from('west key').toString('base64')}\n`)), []);
    assert.deepEqual(judge(files('\tleftsendcert=never\n', '\trightcert=west.pem\n', '# ipsec-dialect: libreswan-5\n')), []);
  });

  it("judges a Libreswan peer too: a copy in its NSS database without rightcert= is not used (seen with pluto 4.10)", () => {
    assert.deepEqual(judge(files('\tleftsendcert=never\n', '', '# ipsec-dialect: libreswan-5\n')), ['west/ipsec.conf:7 peer-cert-not-sent error']);
    assert.deepEqual(judge(files('\tleftsendcert=never\n', '', '')), ['west/ipsec.conf:7 peer-cert-not-sent error']);
  });

  const libreswan = '# ipsec-dialect: libreswan-4\n';

  it('reports a strongSwan certificate sent only when asked to a Libreswan peer that starts IKEv2 without asking (seen: 5.9.8 with 4.10)', () => {
    const starts = judge(files('', '\tauto=start\n', libreswan));
    assert.deepEqual(starts, ['west/ipsec.conf:4 peer-cert-not-sent error']);
    const message = workspaceFindings(files('', '\tauto=start\n', libreswan), CONFS).find((f) => f.code === CODE)?.message ?? '';
    assert.match(message, /leftsendcert=ifasked, the default\), and the Libreswan peer \(conn west in east\/ipsec.conf\) asks for none/);
    assert.deepEqual(judge(files('\tleftsendcert=ifasked\n', '\tauto=add\n', libreswan)), ['west/ipsec.conf:7 peer-cert-not-sent warning']);
  });

  it('is quiet when the Libreswan peer asks (rightca=), holds the certificate, speaks IKEv1, or the certificate is always sent', () => {
    assert.deepEqual(judge(files('', '\tauto=start\n\trightca=%same\n', libreswan)), []);
    assert.deepEqual(judge(files('', '\tauto=start\n\trightcert=west.pem\n', libreswan)), []);
    assert.deepEqual(judge(files('', '\tauto=start\n\tikev2=no\n', libreswan)), []);
    assert.deepEqual(judge(files('\tleftsendcert=always\n', '\tauto=start\n', libreswan)), []);
    assert.deepEqual(judge(files('\tauthby=secret\n', '\tauto=start\n', libreswan)), []);
    assert.deepEqual(judge(files('', '\tauto=start\n', '')), []);
  });
});
