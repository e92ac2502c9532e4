import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath } from '../../helpers';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const cert = (name: string) => readFileSync(fixturePath('certs', name));

/** A gateway that pins its peer's certificate (gateway.der, issued by the test CA) with rightcert=; `cacerts` is what else it trusts. */
function pinning(head: string, cacerts: Record<string, Buffer>) {
  const files: Record<string, string | Buffer> = {
    '/ws/gw/etc/ipsec.conf': `${head}conn peer\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\trightcert=peer.der\n\tauto=add\n`,
    '/ws/gw/etc/ipsec.d/certs/peer.der': cert('gateway.der'),
  };
  for (const [name, bytes] of Object.entries(cacerts)) files[`/ws/gw/etc/ipsec.d/cacerts/${name}`] = bytes;
  return workspaceFindings(files, ['/ws/gw/etc/ipsec.conf']).filter((f) => f.code === 'ca-missing');
}

const OPENSWAN = '# ipsec-dialect: openswan\n';
const OTHER = { 'other.der': cert('other-ca.der') };

describe('ca-missing for a pinned peer certificate (rightcert=) without its CA', () => {
  it('says nothing for strongSwan, which takes the pinned certificate whatever CAs it holds (5.9.8)', () => {
    assert.deepEqual(summarize(pinning(STRONGSWAN, {})), []);
    assert.deepEqual(summarize(pinning(STRONGSWAN, OTHER)), []);
  });

  it('for Libreswan, only when it holds another CA: with none it uses the pinned certificate, with one it refuses (4.10)', () => {
    assert.deepEqual(summarize(pinning(LIBRESWAN_4, {})), []);
    assert.deepEqual(summarize(pinning(LIBRESWAN_4, OTHER)), ['gw/etc/ipsec.conf:4 ca-missing error']);
  });

  it('is an error for Openswan, and a notice where the daemon is not known and may be strongSwan', () => {
    assert.deepEqual(summarize(pinning(OPENSWAN, {})), ['gw/etc/ipsec.conf:4 ca-missing error']);
    const undecided = pinning('', OTHER);
    assert.deepEqual(summarize(undecided), ['gw/etc/ipsec.conf:3 ca-missing info']);
    assert.match(undecided[0].message, /strongSwan, which this gateway may run, takes the certificate rightcert= names without it/);
  });
});
