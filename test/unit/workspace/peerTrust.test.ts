import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath } from '../../helpers';
import { LIBRESWAN_4, STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const seedPki = (name: string) => readFileSync(fixturePath('seeds', 'pki', name));
const cert = (name: string) => readFileSync(fixturePath('certs', name));
const FR_CA = seedPki('NCPB__FR_IdV_1.der');
const DK_CA = seedPki('NCPB__DK_IdV_1.der');

/** FR and DK, each with its own certificate (issued by its own country's CA) and the CAs given. */
function frDk(frCas: Record<string, Buffer>, dkCas: Record<string, Buffer>, head = LIBRESWAN_4) {
  const files: Record<string, string | Buffer> = {
    '/ws/fr/etc/ipsec.conf': `${head}conn dk\n\tleft=192.0.2.10\n\tleftid=@sake.irisa.fr\n\tleftcert=fr.der\n\tright=198.51.100.20\n\trightid=@test01.epsos.netic.dk\n`,
    '/ws/fr/etc/ipsec.d/certs/fr.der': seedPki('_ih_VPNGateway_0.der'),
    '/ws/dk/etc/ipsec.conf': `${head}conn fr\n\tleft=198.51.100.20\n\tleftid=@test01.epsos.netic.dk\n\tleftcert=dk.der\n\tright=192.0.2.10\n\trightid=@sake.irisa.fr\n`,
    '/ws/dk/etc/ipsec.d/certs/dk.der': seedPki('_dk_VPNGateway_0.der'),
  };
  for (const [name, bytes] of Object.entries(frCas)) files[`/ws/fr/etc/ipsec.d/cacerts/${name}`] = bytes;
  for (const [name, bytes] of Object.entries(dkCas)) files[`/ws/dk/etc/ipsec.d/cacerts/${name}`] = bytes;
  return workspaceFindings(files, ['/ws/fr/etc/ipsec.conf', '/ws/dk/etc/ipsec.conf']);
}

describe('ca-missing across a pair', () => {
  it("judges each peer's certificate against the other's cacerts, whatever a gateway trusts for itself", () => {
    assert.deepEqual(summarize(frDk({ 'fr.der': FR_CA, 'dk.der': DK_CA }, { 'fr.der': FR_CA, 'dk.der': DK_CA }), 'ca-missing'), []);
    // Neither trusts its own CA, both trust the other's: the tunnel comes up.
    assert.deepEqual(summarize(frDk({ 'dk.der': DK_CA }, { 'fr.der': FR_CA }), 'ca-missing'), []);
  });

  it('reports a peer certificate the gateway cannot verify, on its conn and on the peer\'s leftcert', () => {
    const found = frDk({ 'fr.der': FR_CA, 'dk.der': DK_CA }, { 'dk.der': DK_CA }).filter((f) => f.code === 'ca-missing');
    assert.deepEqual(summarize(found), ['dk/etc/ipsec.conf:6 ca-missing error', 'fr/etc/ipsec.conf:4 ca-missing error']);
    assert.match(found[0].message, /no CA in \/etc\/ipsec\.d\/cacerts issued the certificate the peer \(conn dk in fr\/etc\/ipsec\.conf\) presents, fr\.der \(issuer: C=FR, O=epSOS test, CN=NCP-B FR IdV\)/);
  });

  it('warns about an own certificate from a CA the gateway does not trust when its peer is not in the workspace', () => {
    const files = {
      '/ws/fr/etc/ipsec.conf': 'conn dk\n\tleft=192.0.2.10\n\tleftcert=fr.der\n\tright=198.51.100.20\n',
      '/ws/fr/etc/ipsec.d/certs/fr.der': seedPki('_ih_VPNGateway_0.der'),
      '/ws/fr/etc/ipsec.d/cacerts/dk.der': DK_CA,
    };
    assert.deepEqual(summarize(workspaceFindings(files, ['/ws/fr/etc/ipsec.conf']), 'ca-missing'), ['fr/etc/ipsec.conf:2 ca-missing warning']);
  });
});

describe('peer-cert-mismatch by daemon', () => {
  /** Both sides name the peer's certificate with rightcert=; FR's copy of DK's is another certificate. */
  const stale = (head: string, extraDk = '') => {
    const copy = { '/ws/fr/etc/ipsec.d/certs/dk-copy.der': cert('gateway.der'), '/ws/dk/etc/ipsec.d/certs/fr-copy.der': seedPki('_ih_VPNGateway_0.der') };
    const files: Record<string, string | Buffer> = {
      '/ws/fr/etc/ipsec.conf': `${head}conn dk\n\tleft=192.0.2.10\n\tleftcert=fr.der\n\tright=198.51.100.20\n\trightcert=dk-copy.der\n`,
      '/ws/fr/etc/ipsec.d/certs/fr.der': seedPki('_ih_VPNGateway_0.der'),
      '/ws/dk/etc/ipsec.conf': `${head}conn fr\n\tleft=198.51.100.20\n\tleftcert=dk.der\n\tright=192.0.2.10\n\trightcert=fr-copy.der\n${extraDk}`,
      '/ws/dk/etc/ipsec.d/certs/dk.der': seedPki('_dk_VPNGateway_0.der'),
      ...copy,
    };
    return summarize(workspaceFindings(files, ['/ws/fr/etc/ipsec.conf', '/ws/dk/etc/ipsec.conf']), 'peer-cert-mismatch');
  };

  it('is a notice for Libreswan, which uses the certificate the peer sends', () => {
    assert.deepEqual(stale(LIBRESWAN_4), ['dk/etc/ipsec.conf:3 peer-cert-mismatch info', 'fr/etc/ipsec.conf:5 peer-cert-mismatch info']);
  });

  it('is an error for other daemons, and for Libreswan when the peer sends no certificate', () => {
    assert.deepEqual(stale(STRONGSWAN), ['dk/etc/ipsec.conf:3 peer-cert-mismatch error', 'fr/etc/ipsec.conf:5 peer-cert-mismatch error']);
    assert.deepEqual(stale(LIBRESWAN_4, '\tleftsendcert=never\n'), ['dk/etc/ipsec.conf:3 peer-cert-mismatch error', 'fr/etc/ipsec.conf:5 peer-cert-mismatch error']);
    assert.deepEqual(stale(''), ['dk/etc/ipsec.conf:2 peer-cert-mismatch warning', 'fr/etc/ipsec.conf:4 peer-cert-mismatch warning']);
  });
});

describe('peer-id-mismatch with a certificate and no leftid', () => {
  const pair = (rightid: string) => {
    const files = {
      '/ws/fr/etc/ipsec.conf': `${LIBRESWAN_4}conn dk\n\tleft=192.0.2.10\n\tleftcert=fr.der\n\tright=198.51.100.20\n\trightid="C=DK, O=epSOS test, CN=test01.epsos.netic.dk"\n`,
      '/ws/fr/etc/ipsec.d/certs/fr.der': seedPki('_ih_VPNGateway_0.der'),
      '/ws/dk/etc/ipsec.conf': `${LIBRESWAN_4}conn fr\n\tleft=198.51.100.20\n\tleftcert=dk.der\n\tright=192.0.2.10\n\trightid=${rightid}\n`,
      '/ws/dk/etc/ipsec.d/certs/dk.der': seedPki('_dk_VPNGateway_0.der'),
    };
    return summarize(workspaceFindings(files, ['/ws/fr/etc/ipsec.conf', '/ws/dk/etc/ipsec.conf']), 'peer-id-mismatch');
  };

  it("compares a DN in rightid with the subject of the peer's certificate", () => {
    assert.deepEqual(pair('"C=FR, O=epSOS test, CN=sake.irisa.fr"'), []);
    assert.deepEqual(pair('"C=FR, O=epSOS test, CN=intruder.example"'), ['dk/etc/ipsec.conf:5 peer-id-mismatch error', 'fr/etc/ipsec.conf:1 peer-id-mismatch error']);
  });

  it('leaves a name or an address against the subject undecided', () => {
    assert.deepEqual(pair('@intruder.example'), []);
  });
});
