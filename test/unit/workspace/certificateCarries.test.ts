import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificateCarries } from '../../../server/src/checks/workspace/certIdMismatch';

// As Node's X509Certificate gives them: IPv6 subjectAltNames written out in full, in capitals.
const cert = {
  subject: 'O=ipsec-lint tests\nCN=gw.test.example',
  dnsNames: ['gw.test.example'],
  emails: ['Admin@Test.example'],
  ipAddresses: ['2001:DB8:0:0:0:0:0:1', '192.0.2.1'],
};

describe('whether a certificate carries an ID', () => {
  it('finds addresses in any spelling, names and e-mail addresses in any case, DNs in any spacing', () => {
    assert.equal(certificateCarries(cert, '2001:db8::1'), true);
    assert.equal(certificateCarries(cert, '192.0.2.1'), true);
    assert.equal(certificateCarries(cert, '@GW.test.example'), true);
    assert.equal(certificateCarries(cert, 'admin@test.example'), true);
    assert.equal(certificateCarries(cert, 'O = ipsec-lint tests, CN = gw.test.example'), true);
  });

  it('does not find what the certificate lacks', () => {
    assert.equal(certificateCarries(cert, '2001:db8::2'), false);
    assert.equal(certificateCarries(cert, '@other.test.example'), false);
    assert.equal(certificateCarries(cert, 'CN=other'), false);
  });

  it("reads strongSwan's typed IDs, and leaves a name Libreswan would look up in DNS unjudged", () => {
    assert.equal(certificateCarries(cert, 'fqdn:gw.test.example', ['strongswan']), true);
    assert.equal(certificateCarries(cert, 'fqdn:other.test.example', ['strongswan']), false);
    assert.equal(certificateCarries(cert, 'gw.test.example', ['strongswan']), true);
    assert.equal(certificateCarries(cert, 'other.test.example', ['strongswan']), false);
    assert.equal(certificateCarries(cert, 'other.test.example', ['libreswan']), true);
  });
});
