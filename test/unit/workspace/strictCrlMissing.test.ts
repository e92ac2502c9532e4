import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseCrl } from '../../../server/src/workspace/crl';
import { fixturePath } from '../../helpers';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const fixture = (name: string) => readFileSync(fixturePath('crls', name));
const OPENSWAN = '# ipsec-dialect: openswan\n';
const STRICT = 'config setup\n\tstrictcrlpolicy=yes\n';

interface Setup {
  readonly head?: string;
  /** What A's ipsec.conf has before its conn. */
  readonly setup?: string;
  /** The certificate B presents. */
  readonly bCert?: string;
  readonly aExtra?: string;
  readonly files?: Record<string, Buffer | string>;
  readonly now?: Date;
}

/** A, which may be strict about CRLs, and its peer B; only strict-crl-missing is kept. */
function ab({ head = STRONGSWAN, setup = STRICT, bCert = 'gw-a.der', aExtra = '', files = {}, now }: Setup = {}) {
  const all: Record<string, string | Buffer> = {
    '/ws/a/etc/ipsec.conf': `${head}${setup}conn b\n\tleft=192.0.2.1\n\tleftid=@gw-b.test.example\n\tleftcert=gw-b.der\n\tright=192.0.2.2\n\trightid=@peer\n${aExtra}`,
    '/ws/a/etc/ipsec.d/certs/gw-b.der': fixture('gw-b.der'),
    '/ws/a/etc/ipsec.d/cacerts/ca.der': fixture('ca.der'),
    '/ws/b/etc/ipsec.conf': `${head}conn a\n\tleft=192.0.2.2\n\tleftid=@peer\n\tleftcert=${bCert}\n\tright=192.0.2.1\n\trightid=@gw-b.test.example\n`,
    [`/ws/b/etc/ipsec.d/certs/${bCert}`]: fixture(bCert),
    '/ws/b/etc/ipsec.d/cacerts/ca.der': fixture('ca.der'),
    ...files,
  };
  return workspaceFindings(all, ['/ws/a/etc/ipsec.conf', '/ws/b/etc/ipsec.conf'], now).filter((f) => f.code === 'strict-crl-missing');
}

const crl = (name: string) => ({ [`/ws/a/etc/ipsec.d/crls/${name}`]: fixture(name) });

describe('strict-crl-missing', () => {
  it('reports, on both sides, a strict gateway that holds no CRL from the CA of the peer certificate', () => {
    for (const head of [STRONGSWAN, OPENSWAN]) {
      const found = ab({ head });
      assert.deepEqual(summarize(found), ['a/etc/ipsec.conf:8 strict-crl-missing error', 'b/etc/ipsec.conf:4 strict-crl-missing error']);
      assert.match(found[0].message, /^strictcrlpolicy=yes: this gateway will refuse the certificate the peer \(conn a in b\/etc\/ipsec\.conf\) presents, gw-a\.der, since \/etc\/ipsec\.d\/crls holds no CRL from O=ipsec-lint tests, CN=CRL Test CA and/);
      assert.match(found[1].message, /has strictcrlpolicy=yes and no current CRL from O=ipsec-lint tests, CN=CRL Test CA/);
    }
  });

  it('is satisfied by a current CRL of that CA, even one that revokes nothing', () => {
    assert.deepEqual(ab({ files: crl('empty.crl') }), []);
    assert.deepEqual(ab({ files: crl('revokes-b.pem') }), []);
  });

  it('is not satisfied by a list the daemon does not find', () => {
    const found = ab({ files: crl('empty-no-aki.crl') });
    assert.equal(found.length, 2);
    assert.match(found[0].message, /its CRL from O=ipsec-lint tests, CN=CRL Test CA, \/etc\/ipsec\.d\/crls\/empty-no-aki\.crl, has no authority key identifier, by which strongSwan finds a CA's list/);
    // Openswan finds a list without a key ID by the issuer's name.
    assert.deepEqual(ab({ head: OPENSWAN, files: crl('empty-no-aki.crl') }), []);
    assert.deepEqual(ab({ head: OPENSWAN, bCert: 'gw-plain.der', files: crl('empty-no-aki.crl') }), []);
    // A gateway that may run either: strongSwan alone refuses, so a warning.
    assert.deepEqual(ab({ head: '', files: crl('empty-no-aki.crl') }).map((f) => f.severity), ['warning', 'warning']);
  });

  it('says nothing when a file in crls cannot be read as one list: it may be the one', () => {
    assert.deepEqual(ab({ files: { '/ws/a/etc/ipsec.d/crls/ca.crl': Buffer.from('not a list at all') } }), []);
    const two = Buffer.concat([fixture('revokes-b.pem'), fixture('revokes-b.pem')]);
    assert.deepEqual(ab({ files: { '/ws/a/etc/ipsec.d/crls/both.pem': two } }), []);
  });

  it('is not satisfied by an expired CRL, nor by one a look-alike CA signed', () => {
    const stale = ab({ files: crl('short-lived.crl'), now: new Date('2030-06-01T00:00:00Z') });
    assert.equal(stale.length, 2);
    assert.match(stale[0].message, /its only CRL from O=ipsec-lint tests, CN=CRL Test CA, \/etc\/ipsec\.d\/crls\/short-lived\.crl, expired on \d{4}-\d\d-\d\d/);
    assert.equal(ab({ files: crl('lookalike-revokes-b.crl') }).length, 2);
  });

  it('takes a list that is current at the time of the check', () => {
    const parsed = parseCrl(fixture('short-lived.crl'));
    assert.ok(parsed.ok);
    const inTime = new Date(parsed.crl.thisUpdate.getTime() + 60_000);
    assert.deepEqual(ab({ files: crl('short-lived.crl'), now: inTime }), []);
  });

  it('says nothing without strictcrlpolicy=yes', () => {
    assert.deepEqual(ab({ setup: '' }), []);
    assert.deepEqual(ab({ setup: 'config setup\n\tstrictcrlpolicy=no\n' }), []);
    assert.deepEqual(ab({ setup: 'config setup\n\tstrictcrlpolicy=ifuri\n' }), []);
  });

  it('leaves the fetching to the daemon when the certificate or a ca section says where', () => {
    assert.deepEqual(ab({ bCert: 'gw-cdp.der' }), []);
    assert.deepEqual(ab({ bCert: 'gw-ocsp.der' }), []);
    assert.deepEqual(ab({ aExtra: '\nca test\n\tcacert=ca.der\n\tcrluri=http://crl.test.example/ca.crl\n\tauto=add\n' }), []);
  });

  it('leaves alone a pinned peer certificate and Libreswan', () => {
    assert.deepEqual(ab({ aExtra: `\trightcert=gw-a.der\n`, files: { '/ws/a/etc/ipsec.d/certs/gw-a.der': fixture('gw-a.der') } }), []);
    assert.deepEqual(ab({ head: LIBRESWAN_4 }), []);
  });
});
