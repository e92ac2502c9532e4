import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath } from '../../helpers';
import { GATEWAY_HEAD, summarize, workspaceFindings } from './workspaceFindings';

const cert = (name: string) => readFileSync(fixturePath('certs', name));

type Head = 'libreswan' | 'unknown';

/** Gateway gw presents gateway.der to gateway peer; `peerFiles` is what peer keeps in its ipsec.d. */
function findings(peerHead: Head, peerFiles: Record<string, Buffer>, peerCert = '') {
  const files: Record<string, string | Buffer> = {
    '/ws/gw/etc/ipsec.conf': `${GATEWAY_HEAD.libreswan}conn peer\n\tleft=192.0.2.1\n\tleftid=@gw.test.example\n\tleftcert=gw.der\n\tright=192.0.2.2\n\trightid=@peer.example\n\tauto=start\n`,
    '/ws/gw/etc/ipsec.d/certs/gw.der': cert('gateway.der'),
    '/ws/gw/etc/ipsec.d/cacerts/ca.der': cert('test-ca.der'),
    '/ws/peer/etc/ipsec.conf': `${GATEWAY_HEAD[peerHead]}conn gw\n\tleft=192.0.2.2\n\tleftid=@peer.example\n${peerCert}\tright=192.0.2.1\n\trightid=@gw.test.example\n\tauto=start\n`,
  };
  for (const [name, bytes] of Object.entries(peerFiles)) files[`/ws/peer/etc/ipsec.d/${name}`] = bytes;
  const found = workspaceFindings(files, ['/ws/gw/etc/ipsec.conf', '/ws/peer/etc/ipsec.conf']);
  return [...summarize(found, 'ca-missing'), ...summarize(found, 'cert-file-missing')];
}

describe('gateways written for Libreswan that keep their certificates in NSS', () => {
  it('are not judged by the files they do not keep: no CA to miss, no certificate file to miss', () => {
    assert.deepEqual(findings('libreswan', {}), []);
    assert.deepEqual(findings('libreswan', {}, '\tleftcert=peer.der\n'), []);
  });

  it('are judged when they keep files, which are taken to mirror the NSS database', () => {
    assert.deepEqual(findings('libreswan', { 'cacerts/other.der': cert('other-ca.der') }), ['gw/etc/ipsec.conf:6 ca-missing error', 'peer/etc/ipsec.conf:7 ca-missing error']);
    assert.deepEqual(findings('libreswan', { 'cacerts/ca.der': cert('test-ca.der') }, '\tleftcert=peer.der\n'), ['peer/etc/ipsec.conf:6 cert-file-missing error']);
  });

  it('file-based or undecided daemons are judged by ipsec.d as always', () => {
    assert.deepEqual(findings('unknown', {}), ['gw/etc/ipsec.conf:6 ca-missing error', 'peer/etc/ipsec.conf:5 ca-missing error']);
  });
});
