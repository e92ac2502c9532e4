import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { issueCertificate } from './selfSigned';
import { summarize, workspaceFindings } from './workspaceFindings';

const caKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const gwKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const CA_NAME = 'Example CA (tests)';
const ca = (notBefore: string, notAfter: string, serial = 1) => issueCertificate({ subjectKey: caKey, commonName: CA_NAME, notBefore, notAfter, serial }).raw;
const gateway = issueCertificate({ subjectKey: gwKey, commonName: 'gw.test.example', issuerKey: caKey, issuerCommonName: CA_NAME, notBefore: '250101000000Z', notAfter: '450101000000Z', serial: 9 }).raw;

const CONF = '/ws/gw/etc/ipsec.conf';
const files = (cacerts: Record<string, Buffer>) => ({
  [CONF]: 'conn peer\n\tleft=192.0.2.1\n\tleftcert=gw.der\n\tright=198.51.100.7\n\tauthby=rsasig\n',
  '/ws/gw/etc/ipsec.d/certs/gw.der': gateway,
  ...Object.fromEntries(Object.entries(cacerts).map(([name, bytes]) => [`/ws/gw/etc/ipsec.d/cacerts/${name}`, bytes])),
});
const NOW = new Date('2030-06-01T00:00:00Z');

describe('cert-validity: the CA that issued a certificate', () => {
  it('reports a valid certificate whose only issuing CA has expired, on the certificate setting', () => {
    const found = workspaceFindings(files({ 'ca.der': ca('100101000000Z', '200101000000Z') }), [CONF], NOW).filter((f) => f.code === 'cert-validity');
    assert.deepEqual(summarize(found), ['gw/etc/ipsec.conf:2 cert-validity error']);
    assert.match(found[0].message, /the CA that issued gw\.der, ca\.der in \/etc\/ipsec\.d\/cacerts, expired on 2020-01-01/);
  });

  it('reports a CA that is not valid yet', () => {
    const found = workspaceFindings(files({ 'ca.der': ca('400101000000Z', '490101000000Z') }), [CONF], NOW).filter((f) => f.code === 'cert-validity');
    assert.match(found[0]?.message ?? '', /is not valid before 2040-01-01/);
  });

  it('is quiet when the CA is valid, or when a renewed copy of it sits beside the expired one', () => {
    assert.deepEqual(summarize(workspaceFindings(files({ 'ca.der': ca('100101000000Z', '490101000000Z') }), [CONF], NOW), 'cert-validity'), []);
    const renewed = files({ 'ca-old.der': ca('100101000000Z', '200101000000Z'), 'ca-new.der': ca('200101000000Z', '490101000000Z', 2) });
    assert.deepEqual(summarize(workspaceFindings(renewed, [CONF], NOW), 'cert-validity'), []);
  });
});
