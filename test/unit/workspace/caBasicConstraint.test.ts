import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { issueCertificate } from './selfSigned';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const key = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

function conf(head: string, self: 'a' | 'b', extra = ''): string {
  const peer = self === 'a' ? 'b' : 'a';
  return `${head}config setup\n\nconn ${peer}\n\tleft=192.0.2.${self === 'a' ? 1 : 2}\n\tleftid=@${self}.example\n\tleftcert=${self}.pem\n\tright=192.0.2.${self === 'a' ? 2 : 1}\n\trightid=@${peer}.example\n\tauthby=ecdsa\n${extra}\tauto=start\n`;
}

/** Two gateways whose certificates one CA issued; `markedCa` says whether its certificate carries CA:TRUE. */
function findings(options: { readonly markedCa: boolean; readonly bHead?: string; readonly bExtra?: string }) {
  const caKey = key();
  const ca = issueCertificate({ subjectKey: caKey, commonName: 'Lab CA', markedCa: options.markedCa });
  const issue = (cn: string) => issueCertificate({ subjectKey: key(), commonName: cn, issuerKey: caKey, issuerCommonName: 'Lab CA' }).toString();
  const files = {
    '/ws/a/etc/ipsec.conf': conf(LIBRESWAN_4, 'a'),
    '/ws/a/etc/ipsec.d/certs/a.pem': issue('a.example'),
    '/ws/a/etc/ipsec.d/cacerts/ca.pem': ca.toString(),
    '/ws/b/etc/ipsec.conf': conf(options.bHead ?? STRONGSWAN, 'b', options.bExtra),
    '/ws/b/etc/ipsec.d/certs/b.pem': issue('b.example'),
    '/ws/b/etc/ipsec.d/cacerts/ca.pem': ca.toString(),
  };
  return workspaceFindings(files, ['/ws/a/etc/ipsec.conf', '/ws/b/etc/ipsec.conf']).filter((f) => f.code === 'ca-basic-constraint' || f.code === 'ca-missing');
}

describe('ca-basic-constraint', () => {
  it('builds CA certificates with and without the mark', () => {
    assert.equal(new X509Certificate(issueCertificate({ subjectKey: key(), commonName: 'x', markedCa: true }).raw).ca, true);
    assert.equal(new X509Certificate(issueCertificate({ subjectKey: key(), commonName: 'x' }).raw).ca, false);
  });

  it('is an error where a strongSwan gateway holds only an unmarked CA for its peer, and ca-missing stays silent', () => {
    const found = findings({ markedCa: false });
    assert.deepEqual(summarize(found), ['b/etc/ipsec.conf:8 ca-basic-constraint error']);
    assert.match(found[0].message, /^ca\.pem in cacerts issued the certificate the peer \(conn b in a\/etc\/ipsec\.conf\) presents, a\.pem, but has no basicConstraints CA:TRUE: strongSwan discards it/);
  });

  it('leaves alone a marked CA, a Libreswan gateway, and a strongSwan one that pins the peer certificate', () => {
    assert.deepEqual(findings({ markedCa: true }), []);
    assert.deepEqual(findings({ markedCa: false, bHead: LIBRESWAN_4 }), []);
    assert.deepEqual(findings({ markedCa: false, bExtra: '\trightcert=a.pem\n' }), []);
  });

  it('is a warning where the gateway may run strongSwan or another daemon', () => {
    assert.deepEqual(summarize(findings({ markedCa: false, bHead: '' })).map((s) => s.split(' ').at(-1)), ['warning']);
  });

  describe('a gateway whose peer is not in the workspace', () => {
    /** Gateway b alone, with the given CA certificates in cacerts (true: marked CA:TRUE). */
    const lone = (marks: readonly boolean[], options: { readonly head?: string; readonly extra?: string; readonly unreadable?: boolean } = {}) => {
      const cas = marks.map((marked, i) => issueCertificate({ subjectKey: key(), commonName: `CA ${i}`, markedCa: marked }).toString());
      const files: Record<string, string> = {
        '/ws/b/etc/ipsec.conf': conf(options.head ?? STRONGSWAN, 'b', options.extra),
        '/ws/b/etc/ipsec.d/certs/b.pem': issueCertificate({ subjectKey: key(), commonName: 'b.example' }).toString(),
      };
      cas.forEach((ca, i) => (files[`/ws/b/etc/ipsec.d/cacerts/ca${i}.pem`] = ca));
      if (options.unreadable) files['/ws/b/etc/ipsec.d/cacerts/other.crt'] = 'not a certificate this checker reads';
      return workspaceFindings(files, ['/ws/b/etc/ipsec.conf']).filter((f) => f.code === 'ca-basic-constraint');
    };

    it('is an error when no CA certificate of a strongSwan gateway has the mark, since it then trusts no CA', () => {
      const found = lone([false, false]);
      assert.deepEqual(summarize(found), ['b/etc/ipsec.conf:8 ca-basic-constraint error']);
      assert.match(found[0].message, /^no CA certificate in cacerts \(ca0\.pem, ca1\.pem\) has basicConstraints CA:TRUE: strongSwan discards them all at start and refuses the peer's certificate/);
    });

    it('says nothing when one CA has the mark, the peer certificate is pinned, the conn uses a pre-shared key, or the gateway runs Libreswan', () => {
      assert.deepEqual(lone([false, true]), []);
      assert.deepEqual(lone([false], { unreadable: true }), [], 'a file it cannot read may be the marked CA');
      assert.deepEqual(lone([]), []);
      assert.deepEqual(lone([false], { extra: '\trightcert=a.pem\n' }), []);
      assert.deepEqual(lone([false], { extra: '\trightsigkey=a.pub\n' }), [], 'a raw public key needs no CA');
      assert.deepEqual(lone([false], { extra: '\tauthby=secret\n' }), []);
      assert.deepEqual(lone([false], { head: LIBRESWAN_4 }), []);
    });

    it('is a warning where the gateway may run another daemon', () => {
      assert.deepEqual(summarize(lone([false], { head: '' })).map((s) => s.split(' ').at(-1)), ['warning']);
    });
  });

  it('leaves a gateway with its peer in the workspace to the pair check, which names the CA that issued the peer certificate', () => {
    assert.deepEqual(summarize(findings({ markedCa: false })), ['b/etc/ipsec.conf:8 ca-basic-constraint error']);
  });
});

