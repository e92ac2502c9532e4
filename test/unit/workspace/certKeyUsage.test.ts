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
const NON_REPUDIATION = 0x40;

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
    assert.match(found[0].message, /^a\.pem may not sign: its key usage allows keyEncipherment; conn a in b\/etc\/ipsec\.conf runs Libreswan, which refuses it and authentication fails/);
  });

  it('leaves alone a certificate that may sign or names no key usage, and an RSA one a Libreswan peer checks', () => {
    assert.deepEqual(findings({ keyUsage: DIGITAL_SIGNATURE }), []);
    assert.deepEqual(findings({ keyUsage: NON_REPUDIATION, peerHead: STRONGSWAN }), []);
    assert.deepEqual(findings({}), []);
    assert.deepEqual(findings({ key: 'rsa', keyUsage: KEY_ENCIPHERMENT }), [], 'NSS passed such an RSA certificate');
  });

  it('is an error on any certificate without digitalSignature or nonRepudiation that a strongSwan peer checks', () => {
    assert.deepEqual(summarize(findings({ key: 'rsa', keyUsage: KEY_ENCIPHERMENT, peerHead: STRONGSWAN })), ['a/etc/ipsec.conf:6 cert-key-usage error']);
    assert.match(findings({ keyUsage: KEY_ENCIPHERMENT, peerHead: STRONGSWAN })[0].message, /runs strongSwan, which refuses it/);
  });

  it('is a warning where only some of the daemons the peer may run refuse it', () => {
    const rsa = findings({ key: 'rsa', keyUsage: KEY_ENCIPHERMENT, peerHead: '' });
    assert.deepEqual(summarize(rsa).map((s) => s.split(' ').at(-1)), ['warning']);
    assert.match(rsa[0].message, /if conn a in b\/etc\/ipsec\.conf runs strongSwan, it refuses it/);
  });

  describe('a gateway whose peer is not in the workspace', () => {
    /** One gateway that keeps its peer's certificate (`rightcert=`), made with the given key and key usage. */
    const lone = (head: string, options: { readonly key?: 'ec' | 'rsa'; readonly keyUsage?: number; readonly authby?: string } = {}) => {
      const own = issueCertificate({ subjectKey: ecKey(), commonName: 'a.example', keyUsage: DIGITAL_SIGNATURE });
      const peer = issueCertificate({ subjectKey: options.key === 'rsa' ? rsaKey() : ecKey(), commonName: 'far.example', keyUsage: options.keyUsage });
      const files = {
        '/ws/a/etc/ipsec.conf': `${head}config setup\n\nconn far\n\tleft=192.0.2.1\n\tleftcert=a.pem\n\tright=198.51.100.7\n\trightcert=far.pem\n\tauthby=${options.authby ?? 'pubkey'}\n\tauto=start\n`,
        '/ws/a/etc/ipsec.d/certs/a.pem': own.toString(),
        '/ws/a/etc/ipsec.d/certs/far.pem': peer.toString(),
      };
      return workspaceFindings(files, ['/ws/a/etc/ipsec.conf']).filter((f) => f.code === 'cert-key-usage');
    };

    it("is an error on the peer's certificate a strongSwan gateway keeps, when it may not sign", () => {
      const found = lone(STRONGSWAN, { key: 'rsa', keyUsage: KEY_ENCIPHERMENT });
      assert.deepEqual(summarize(found), ['a/etc/ipsec.conf:7 cert-key-usage error']);
      assert.match(found[0].message, /^far\.pem, the peer's certificate of conn far, may not sign: its key usage allows keyEncipherment; this gateway runs strongSwan, which refuses it/);
    });

    it('is a warning when the gateway may run another daemon, and nothing for Libreswan, whose check of a pinned certificate was not seen', () => {
      assert.deepEqual(summarize(lone('', { keyUsage: KEY_ENCIPHERMENT, authby: 'rsasig' })).map((s) => s.split(' ').at(-1)), ['warning']);
      assert.deepEqual(lone(LIBRESWAN_4, { keyUsage: KEY_ENCIPHERMENT, authby: 'ecdsa' }), []);
    });

    it('leaves alone a certificate that may sign, and a conn that authenticates with a pre-shared key', () => {
      assert.deepEqual(lone(STRONGSWAN, { keyUsage: DIGITAL_SIGNATURE }), []);
      assert.deepEqual(lone(STRONGSWAN, { keyUsage: NON_REPUDIATION }), []);
      assert.deepEqual(lone(STRONGSWAN, {}), []);
      assert.deepEqual(lone(STRONGSWAN, { keyUsage: KEY_ENCIPHERMENT, authby: 'secret' }), []);
    });
  });

  it('leaves the kept copy to the pair check when the peer is in the workspace', () => {
    const aCert = issueCertificate({ subjectKey: ecKey(), commonName: 'a.example', keyUsage: DIGITAL_SIGNATURE });
    const bCert = issueCertificate({ subjectKey: ecKey(), commonName: 'b.example', keyUsage: KEY_ENCIPHERMENT });
    const pinned = (self: string, peer: string) => `${conf(STRONGSWAN, self, peer)}\trightcert=${peer}.pem\n`;
    const files = {
      '/ws/a/etc/ipsec.conf': pinned('a', 'b'),
      '/ws/a/etc/ipsec.d/certs/a.pem': aCert.toString(),
      '/ws/a/etc/ipsec.d/certs/b.pem': bCert.toString(),
      '/ws/b/etc/ipsec.conf': pinned('b', 'a'),
      '/ws/b/etc/ipsec.d/certs/b.pem': bCert.toString(),
      '/ws/b/etc/ipsec.d/certs/a.pem': aCert.toString(),
    };
    const found = workspaceFindings(files, ['/ws/a/etc/ipsec.conf', '/ws/b/etc/ipsec.conf']).filter((f) => f.code === 'cert-key-usage');
    assert.deepEqual(summarize(found), ['b/etc/ipsec.conf:6 cert-key-usage error'], 'reported once, where b presents it');
  });
});

