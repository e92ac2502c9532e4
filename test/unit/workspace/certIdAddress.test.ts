import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { summarize, workspaceFindings } from './workspaceFindings';
import { issueCertificate } from './selfSigned';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const certificate = Buffer.from(issueCertificate({ subjectKey: privateKey, commonName: 'gw', ipAddresses: ['192.0.2.1'] }).raw);

const gateway = (leftid: string) => ({
  '/ws/gw/etc/ipsec.conf': `# ipsec-dialect: libreswan-4\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftcert=gw.der\n\tleftid=${leftid}\n\tauto=add\n`,
  '/ws/gw/etc/ipsec.d/certs/gw.der': certificate,
});
const mismatches = (leftid: string) => workspaceFindings(gateway(leftid), ['/ws/gw/etc/ipsec.conf']).filter((f) => f.code === 'cert-id-mismatch');

describe('cert-id-mismatch: an address written after @', () => {
  it('says that @ makes the address a name, which the IP subjectAltName does not match, and to drop it', () => {
    const [finding] = mismatches('@192.0.2.1');
    assert.equal(finding.message, 'leftid=@192.0.2.1 is a name, not an address (the @ makes it one), and certificate gw.der carries 192.0.2.1 as an IP address: write leftid=192.0.2.1');
    assert.deepEqual(summarize(mismatches('@192.0.2.1')), ['gw/etc/ipsec.conf:5 cert-id-mismatch error']);
  });

  it('is quiet for the address itself, and names what the certificate carries for another address', () => {
    assert.deepEqual(mismatches('192.0.2.1'), []);
    assert.match(mismatches('@192.0.2.9')[0].message, /^leftid=@192\.0\.2\.9 is not in certificate gw\.der \(it carries 192\.0\.2\.1\): use one of those IDs$/);
  });
});
