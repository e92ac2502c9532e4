import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { keyUsageOf } from '../../../server/src/workspace/keyUsage';
import { CertificateStore } from '../../../server/src/workspace/certificates';
import { MemoryFiles } from './memoryFiles';
import { issueCertificate } from './selfSigned';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const DIGITAL_SIGNATURE = 0x80;
const KEY_ENCIPHERMENT = 0x20;

const ecKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
const rsaKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

function conf(head: string, self: string, peer: string): string {
  return `${head}config setup\n\nconn ${peer}\n\tleft=192.0.2.${self === 'a' ? 1 : 2}\n\tleftid=@${self}.example\n\tleftcert=${self}.pem\n\tright=192.0.2.${self === 'a' ? 2 : 1}\n\trightid=@${peer}.example\n\tauthby=ecdsa\n\tikev2=yes\n\tauto=start\n`;
}

/** Gateways a and b; a presents a certificate with the given key and key usage. */
function findings(options: { readonly key?: 'ec' | 'rsa'; readonly keyUsage?: number; readonly peerHead?: string } = {}) {
  const aCert = issueCertificate({ subjectKey: options.key === 'rsa' ? rsaKey() : ecKey(), commonName: 'a.example', keyUsage: options.keyUsage });
  const bCert = issueCertificate({ subjectKey: ecKey(), commonName: 'b.example', keyUsage: DIGITAL_SIGNATURE });
  const files = {
    '/ws/a/etc/ipsec.conf': conf(LIBRESWAN_4, 'a', 'b'),
    '/ws/a/etc/ipsec.d/certs/a.pem': aCert.toString(),
    '/ws/b/etc/ipsec.conf': conf(options.peerHead ?? LIBRESWAN_4, 'b', 'a'),
    '/ws/b/etc/ipsec.d/certs/b.pem': bCert.toString(),
  };
  return workspaceFindings(files, ['/ws/a/etc/ipsec.conf', '/ws/b/etc/ipsec.conf']).filter((f) => f.code === 'cert-key-usage');
}

describe('cert-key-usage', () => {
  it('reads the keyUsage bits of a certificate, and none when it has no such extension', () => {
    const store = new CertificateStore(new MemoryFiles({ '/c.pem': issueCertificate({ subjectKey: ecKey(), commonName: 'c', keyUsage: DIGITAL_SIGNATURE | KEY_ENCIPHERMENT }).toString(), '/d.pem': issueCertificate({ subjectKey: ecKey(), commonName: 'd' }).toString() }));
    const read = (file: string) => {
      const result = store.load(file);
      assert.ok(result.ok);
      return keyUsageOf(result.info);
    };
    assert.deepEqual([...(read('/c.pem') ?? [])], ['digitalSignature', 'keyEncipherment']);
    assert.equal(read('/d.pem'), undefined);
  });

  it('is an error on an EC certificate that may not sign, presented to a Libreswan peer', () => {
    const found = findings({ keyUsage: KEY_ENCIPHERMENT });
    assert.deepEqual(summarize(found), ['a/etc/ipsec.conf:6 cert-key-usage error']);
    assert.match(found[0].message, /^a\.pem holds an EC key, but its key usage allows keyEncipherment, no signature: conn a in b\/etc\/ipsec\.conf runs Libreswan, whose NSS refuses the certificate/);
  });

  it('leaves alone a certificate that may sign or names no key usage, an RSA one, and a strongSwan peer', () => {
    assert.deepEqual(findings({ keyUsage: DIGITAL_SIGNATURE }), []);
    assert.deepEqual(findings({}), []);
    assert.deepEqual(findings({ key: 'rsa', keyUsage: KEY_ENCIPHERMENT }), [], 'NSS passed such an RSA certificate');
    assert.deepEqual(findings({ keyUsage: KEY_ENCIPHERMENT, peerHead: STRONGSWAN }), []);
  });

  it('is a warning where the peer may not run Libreswan', () => {
    assert.deepEqual(summarize(findings({ keyUsage: KEY_ENCIPHERMENT, peerHead: '' })).map((s) => s.split(' ').at(-1)), ['warning']);
  });
});
