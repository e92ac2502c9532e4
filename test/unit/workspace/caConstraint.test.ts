import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { issueCertificate } from './selfSigned';
import { STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const CODE = 'ca-constraint';
const CONF = '/ws/gw/etc/ipsec.conf';
const rootKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const subKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const peerKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const root = issueCertificate({ subjectKey: rootKey, commonName: 'Root CA', serial: 1 }).raw;
const sub = issueCertificate({ subjectKey: subKey, commonName: 'Issuing CA', issuerKey: rootKey, issuerCommonName: 'Root CA', serial: 2 }).raw;
const peer = issueCertificate({ subjectKey: peerKey, commonName: 'peer.test.example', issuerKey: subKey, issuerCommonName: 'Issuing CA', serial: 3 }).raw;

const files = (head: string, settings: string, cacerts: Record<string, Buffer> = { 'root.der': root, 'sub.der': sub }) => ({
  [CONF]: `${head}conn peer\n\tleft=192.0.2.1\n\tright=198.51.100.7\n\trightcert=peer.der\n${settings}\tauto=add\n`,
  '/ws/gw/etc/ipsec.d/certs/peer.der': peer,
  ...Object.fromEntries(Object.entries(cacerts).map(([name, bytes]) => [`/ws/gw/etc/ipsec.d/cacerts/${name}`, bytes])),
});
const judge = (f: Record<string, string | Buffer>) => workspaceFindings(f, [CONF]).filter((finding) => finding.code === CODE);

describe('ca-constraint', () => {
  it('accepts a rightca that is the issuer or a CA above it, however the DN is spaced', () => {
    assert.deepEqual(judge(files(STRONGSWAN, '\trightca="CN=Issuing CA"\n')), []);
    assert.deepEqual(judge(files(STRONGSWAN, '\trightca="cn = Root CA"\n')), []);
  });

  it('reports a rightca that no CA of cacerts carries: an error for Openswan, a warning for strongSwan, which drops the constraint (seen with 5.9.8)', () => {
    const openswan = judge(files('# ipsec-dialect: openswan\n', '\trightca="CN=Other CA"\n'));
    assert.deepEqual(summarize(openswan), ['gw/etc/ipsec.conf:5 ca-constraint error']);
    assert.match(openswan[0].message, /rightca names a CA that is not in \/etc\/ipsec\.d\/cacerts/);
    const strongswan = judge(files(STRONGSWAN, '\trightca="CN=Other CA"\n'));
    assert.deepEqual(summarize(strongswan), ['gw/etc/ipsec.conf:5 ca-constraint warning']);
    assert.match(strongswan[0].message, /strongSwan drops the constraint .* and accepts a certificate from any CA it trusts/);
  });

  it("reports a rightcert whose chain does not lead to rightca", () => {
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    const other = issueCertificate({ subjectKey: otherKey, commonName: 'Other CA', serial: 4 }).raw;
    const found = judge(files('# ipsec-dialect: openswan\n', '\trightca="CN=Other CA"\n', { 'root.der': root, 'sub.der': sub, 'other.der': other }));
    assert.deepEqual(summarize(found), ['gw/etc/ipsec.conf:5 ca-constraint error']);
    assert.match(found[0].message, /rightcert peer\.der was issued by CN=Issuing CA, not under rightca/);
  });

  it('leaves Libreswan, unknown daemons, wildcards, %same, aliased attributes and folders without CAs alone', () => {
    assert.deepEqual(judge(files('# ipsec-dialect: libreswan-5\n', '\trightca="CN=Other CA"\n')), []);
    assert.deepEqual(judge(files('', '\trightca="CN=Other CA"\n')), []);
    assert.deepEqual(judge(files(STRONGSWAN, '\trightca="CN=Other*"\n')), []);
    assert.deepEqual(judge(files(STRONGSWAN, '\trightca=%same\n')), []);
    assert.deepEqual(judge(files(STRONGSWAN, '\trightca="E=ca@example.org, CN=Other CA"\n')), []);
    assert.deepEqual(judge(files(STRONGSWAN, '\trightca="CN=Other CA"\n', {})), []);
  });

  it("counts the cacert= of strongSwan's ca sections", () => {
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    const other = issueCertificate({ subjectKey: otherKey, commonName: 'Other CA', serial: 4 }).raw;
    const conf = (withSection: boolean) => ({
      [CONF]: `${STRONGSWAN}${withSection ? 'ca other\n\tcacert=/etc/other/other.der\n\tauto=add\n' : ''}conn peer\n\tleft=192.0.2.1\n\tright=198.51.100.7\n\trightca="CN=Other CA"\n\tauto=add\n`,
      '/ws/gw/etc/ipsec.d/cacerts/root.der': root,
      '/ws/gw/etc/other/other.der': other,
    });
    assert.deepEqual(judge(conf(true)), []);
    assert.deepEqual(summarize(judge(conf(false))), ['gw/etc/ipsec.conf:4 ca-constraint warning']);
  });
});
