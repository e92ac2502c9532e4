import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { REPO_ROOT } from '../../helpers';
import { MemoryFiles } from './memoryFiles';
import { issueCertificate } from './selfSigned';
import { summarize, workspaceFindings } from './workspaceFindings';

const CODE = 'private-key-entry-missing';
const CONF = '/ws/fr/etc/ipsec.conf';
const example = (p: string) => readFileSync(`${REPO_ROOT}/examples/${p}`);
const conf = (dialect: string, extra = '') => `# ipsec-dialect: ${dialect}\nconn dk\n\tleft=192.0.2.20\n\tleftcert=_fr_VPNGateway_0.der\n\tright=198.51.100.137\n${extra}`;
const node = (dialect: string, secrets: string, extra = '') => ({
  [CONF]: conf(dialect, extra),
  '/ws/fr/etc/ipsec.d/certs/_fr_VPNGateway_0.der': example('fr/etc/ipsec.d/certs/_fr_VPNGateway_0.der'),
  '/ws/fr/etc/ipsec.d/private/vpn-server.key': example('fr/etc/ipsec.d/private/vpn-server.key'),
  '/ws/fr/etc/ipsec.secrets': secrets,
});
const NOW = new Date('2030-06-01T00:00:00Z');

describe('private-key-entry-missing', () => {
  it('reports a signing leftcert when ipsec.secrets holds only pre-shared keys, for Openswan and strongSwan', () => {
    for (const dialect of ['openswan', 'strongswan']) {
      const found = workspaceFindings(node(dialect, '192.0.2.20 198.51.100.9 : PSK "not-this-one-0123456789"\n'), [CONF], NOW).filter((f) => f.code === CODE);
      assert.deepEqual(summarize(found), ['fr/etc/ipsec.conf:3 private-key-entry-missing error'], dialect);
      assert.match(found[0].message, /no entry of ipsec\.secrets gives the private key of _fr_VPNGateway_0\.der/);
      assert.doesNotMatch(found[0].message, /not-this-one/);
    }
  });

  it('is a warning when the gateway may run Libreswan, and silent when it does', () => {
    const files = node('openswan', '');
    const unknown = { ...files, [CONF]: conf('openswan').replace('# ipsec-dialect: openswan\n', '') };
    assert.deepEqual(summarize(workspaceFindings(unknown, [CONF], NOW), CODE), ['fr/etc/ipsec.conf:2 private-key-entry-missing warning']);
    assert.deepEqual(summarize(workspaceFindings(node('libreswan-5', ''), [CONF], NOW), CODE), []);
  });

  it('is quiet with a key entry of any kind, for pre-shared-key conns, without ipsec.secrets, or when an include finds nothing', () => {
    for (const secrets of [': RSA vpn-server.key "x"\n', ': ECDSA other.pem\n', ': PIN %smartcard:1 1234\n', ': P12 gw.p12 "x"\n']) {
      assert.deepEqual(summarize(workspaceFindings(node('strongswan', secrets), [CONF], NOW), CODE), [], secrets);
    }
    assert.deepEqual(summarize(workspaceFindings(node('strongswan', '', '\tauthby=secret\n'), [CONF], NOW), CODE), []);
    assert.deepEqual(summarize(workspaceFindings(node('strongswan', '', '\tauto=ignore\n'), [CONF], NOW), CODE), []);
    const withoutSecrets: Record<string, string | Buffer> = node('strongswan', '');
    delete withoutSecrets['/ws/fr/etc/ipsec.secrets'];
    assert.deepEqual(summarize(workspaceFindings(withoutSecrets, [CONF], NOW), CODE), []);
    assert.deepEqual(summarize(workspaceFindings(node('strongswan', 'include /etc/ipsec.d/*.secrets\n'), [CONF], NOW), CODE), []);
    assert.deepEqual(summarize(workspaceFindings(node('strongswan', 'include /etc/keys.secrets\n'), [CONF], NOW), CODE), []);
  });

  it('offers the entry for an unencrypted key in ipsec.d/private that belongs to the certificate, never for another key', () => {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const cert = issueCertificate({ subjectKey: key, commonName: 'gw.test.example' });
    const files = {
      [CONF]: '# ipsec-dialect: strongswan\nconn dk\n\tleft=192.0.2.20\n\tleftcert=gw.der\n\tright=198.51.100.137\n',
      '/ws/fr/etc/ipsec.d/certs/gw.der': cert.raw,
      '/ws/fr/etc/ipsec.d/private/a-other.pem': Buffer.from(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string),
      '/ws/fr/etc/ipsec.d/private/gw.pem': Buffer.from(key.export({ type: 'pkcs8', format: 'pem' }) as string),
      '/ws/fr/etc/ipsec.secrets': '# keys',
    };
    const findings = [...checkWorkspace(new WorkspaceIndex(new MemoryFiles(files), { now: () => NOW }).model([CONF])).values()].flat().filter((f) => f.code === CODE);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].fixes?.map((fix) => [fix.title, fix.edits[0].uri, fix.edits[0].newText]), [['Add ": RSA gw.pem" to ipsec.secrets', 'file:///ws/fr/etc/ipsec.secrets', '\n: RSA gw.pem\n']]);
    const encryptedOnly = [...checkWorkspace(new WorkspaceIndex(new MemoryFiles(node('strongswan', '')), { now: () => NOW }).model([CONF])).values()].flat().filter((f) => f.code === CODE);
    assert.deepEqual(encryptedOnly[0].fixes, []);
  });
});
