import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath } from '../../helpers';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const fixture = (name: string) => readFileSync(fixturePath('crls', name));
const OPENSWAN = '# ipsec-dialect: openswan\n';

/** Gateways A (gw-a.der) and B (gw-b.der), both trusting the CRL fixtures' CA; `extra` adds or replaces files. */
function ab(head: string, extra: Record<string, Buffer | string> = {}, options: { only?: 'a' | 'b'; bCert?: string } = {}) {
  const files: Record<string, string | Buffer> = {
    '/ws/a/etc/ipsec.conf': `${head}conn b\n\tleft=192.0.2.1\n\tleftid=@gw-a.test.example\n\tleftcert=gw-a.der\n\tright=192.0.2.2\n\trightid=@gw-b.test.example\n`,
    '/ws/a/etc/ipsec.d/certs/gw-a.der': fixture('gw-a.der'),
    '/ws/a/etc/ipsec.d/cacerts/ca.der': fixture('ca.der'),
    '/ws/b/etc/ipsec.conf': `${head}conn a\n\tleft=192.0.2.2\n\tleftid=@gw-b.test.example\n\tleftcert=gw-b.der\n\tright=192.0.2.1\n\trightid=@gw-a.test.example\n`,
    '/ws/b/etc/ipsec.d/certs/gw-b.der': fixture(options.bCert ?? 'gw-b.der'),
    '/ws/b/etc/ipsec.d/cacerts/ca.der': fixture('ca.der'),
    ...extra,
  };
  const confs = options.only ? [`/ws/${options.only}/etc/ipsec.conf`] : ['/ws/a/etc/ipsec.conf', '/ws/b/etc/ipsec.conf'];
  return workspaceFindings(files, confs).filter((f) => f.code === 'cert-revoked');
}

describe('cert-revoked between two peers', () => {
  it("reports a peer's revoked certificate on both sides: the conn that refuses it and the leftcert", () => {
    for (const head of [STRONGSWAN, OPENSWAN]) {
      const found = ab(head, { '/ws/a/etc/ipsec.d/crls/revokes-b.crl': fixture('revokes-b.crl') });
      assert.deepEqual(summarize(found), ['a/etc/ipsec.conf:6 cert-revoked error', 'b/etc/ipsec.conf:4 cert-revoked error']);
      assert.match(found[0].message, /the certificate the peer \(conn a in b\/etc\/ipsec\.conf\) presents, gw-b\.der, is revoked by \/etc\/ipsec\.d\/crls\/revokes-b\.crl \(issuer: O=ipsec-lint tests, CN=CRL Test CA; revoked on \d{4}-\d\d-\d\d\): this gateway will refuse it; the peer needs a new certificate$/);
      assert.match(found[1].message, /^the peer \(conn b in a\/etc\/ipsec\.conf\) holds \/etc\/ipsec\.d\/crls\/revokes-b\.crl/);
    }
  });

  it('reads a PEM CRL whatever its file name', () => {
    assert.equal(ab(STRONGSWAN, { '/ws/a/etc/ipsec.d/crls/ca-list': fixture('revokes-b.pem') }).length, 2);
  });

  it('takes nothing from a PEM file with several lists, not knowing which one the daemon loads', () => {
    assert.deepEqual(ab(STRONGSWAN, { '/ws/a/etc/ipsec.d/crls/both.pem': Buffer.concat([fixture('revokes-b.pem'), fixture('revokes-b.pem')]) }), []);
  });

  it("follows how each daemon finds a list: strongSwan by the CA's key ID, Openswan by key IDs or else the issuer's name", () => {
    const noAki = { '/ws/a/etc/ipsec.d/crls/list.crl': fixture('revokes-b-no-aki.crl') };
    assert.deepEqual(ab(STRONGSWAN, noAki), []);
    assert.deepEqual(ab(STRONGSWAN, noAki, { bCert: 'gw-plain.der' }), []);
    const both = ['a/etc/ipsec.conf:6 cert-revoked error', 'b/etc/ipsec.conf:4 cert-revoked error'];
    assert.deepEqual(summarize(ab(OPENSWAN, noAki)), both);
    assert.deepEqual(summarize(ab(OPENSWAN, noAki, { bCert: 'gw-plain.der' })), both);
    // A gateway that may run either: only Openswan refuses, so a warning that says so.
    const unknown = ab('', noAki);
    assert.deepEqual(summarize(unknown), ['a/etc/ipsec.conf:5 cert-revoked warning', 'b/etc/ipsec.conf:3 cert-revoked warning']);
    assert.match(unknown[0].message, /\(Openswan finds the list; not every daemon this gateway may run does\)$/);
  });

  it('says nothing for a CRL that revokes nothing, one signed by a look-alike CA, or damaged', () => {
    assert.deepEqual(ab(STRONGSWAN, { '/ws/a/etc/ipsec.d/crls/empty.crl': fixture('empty.crl') }), []);
    assert.deepEqual(ab(STRONGSWAN, { '/ws/a/etc/ipsec.d/crls/lookalike.crl': fixture('lookalike-revokes-b.crl') }), []);
    assert.deepEqual(ab(STRONGSWAN, { '/ws/a/etc/ipsec.d/crls/cut.crl': fixture('revokes-b.crl').subarray(0, 200) }), []);
    assert.deepEqual(ab(STRONGSWAN, { '/ws/a/etc/ipsec.d/crls/garbage.crl': Buffer.from([0, 1, 2, 0xff, 0x30, 0x82]) }), []);
  });

  it('needs the CA that signed the CRL in the same gateway: without it ca-missing speaks', () => {
    const files = { '/ws/a/etc/ipsec.d/crls/revokes-b.crl': fixture('revokes-b.crl'), '/ws/a/etc/ipsec.d/cacerts/ca.der': fixture('lookalike-ca.der') };
    assert.deepEqual(ab(STRONGSWAN, files), []);
  });

  it('leaves alone a gateway that pins the peer certificate with rightcert=', () => {
    const conf = `${STRONGSWAN}conn b\n\tleft=192.0.2.1\n\tleftid=@gw-a.test.example\n\tleftcert=gw-a.der\n\tright=192.0.2.2\n\trightid=@gw-b.test.example\n\trightcert=gw-b.der\n`;
    const files = { '/ws/a/etc/ipsec.conf': conf, '/ws/a/etc/ipsec.d/certs/gw-b.der': fixture('gw-b.der'), '/ws/a/etc/ipsec.d/crls/revokes-b.crl': fixture('revokes-b.crl') };
    assert.deepEqual(ab(STRONGSWAN, files), []);
  });

  it('is silent for Libreswan, which reads CRLs from NSS, and a warning when the daemon is not known', () => {
    const crls = { '/ws/a/etc/ipsec.d/crls/revokes-b.crl': fixture('revokes-b.crl') };
    assert.deepEqual(ab(LIBRESWAN_4, crls), []);
    const unknown = ab('', crls);
    assert.deepEqual(summarize(unknown), ['a/etc/ipsec.conf:5 cert-revoked warning', 'b/etc/ipsec.conf:3 cert-revoked warning']);
    assert.match(unknown[0].message, /\((Openswan and strongSwan|strongSwan and Openswan) find the list; not every daemon this gateway may run does\)$/);
  });
});

describe("cert-revoked on a gateway's own certificate", () => {
  const ownCrl = { '/ws/b/etc/ipsec.d/crls/revokes-b.crl': fixture('revokes-b.crl') };

  it('warns when the peer is not in the workspace', () => {
    const found = ab(STRONGSWAN, ownCrl, { only: 'b' });
    assert.deepEqual(summarize(found), ['b/etc/ipsec.conf:4 cert-revoked warning']);
    assert.match(found[0].message, /^this gateway's own certificate gw-b\.der is revoked by \/etc\/ipsec\.d\/crls\/revokes-b\.crl/);
  });

  it('warns when the peer in the workspace does not hold the list yet, and leaves it to the pair when it does', () => {
    assert.deepEqual(summarize(ab(STRONGSWAN, ownCrl)), ['b/etc/ipsec.conf:4 cert-revoked warning']);
    const both = ab(STRONGSWAN, { ...ownCrl, '/ws/a/etc/ipsec.d/crls/revokes-b.crl': fixture('revokes-b.crl') });
    assert.deepEqual(summarize(both), ['a/etc/ipsec.conf:6 cert-revoked error', 'b/etc/ipsec.conf:4 cert-revoked error']);
  });

  it('does not warn about a certificate the list does not name', () => {
    assert.deepEqual(ab(STRONGSWAN, { '/ws/a/etc/ipsec.d/crls/revokes-b.crl': fixture('revokes-b.crl') }, { only: 'a' }), []);
  });
});
