import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { issueCertificate } from './selfSigned';
import { STRONGSWAN, summarize, workspaceFindings } from './workspaceFindings';

const CONF = '/ws/gw/etc/ipsec.conf';
const caKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const ca = issueCertificate({ subjectKey: caKey, commonName: 'Container CA', serial: 1 }).raw;
const pem = (key: typeof caKey): string => key.export({ type: 'pkcs8', format: 'pem' }).toString();

/** A strongSwan gateway whose own certificate and key are not in the workspace; `private/` holds `keyFile`. */
const gateway = (keyFile: string) => ({
  [CONF]: `${STRONGSWAN}conn rw\n\tleft=%any\n\tleftcert=server-cert.pem\n\tleftid=@vpn.test.example\n\tright=%any\n\tauto=add\n`,
  '/ws/gw/etc/ipsec.secrets': ': RSA server-key.pem\n',
  '/ws/gw/etc/ipsec.d/cacerts/ca-cert.der': ca,
  [`/ws/gw/etc/ipsec.d/private/${keyFile}`]: keyFile === 'ca-key.pem' ? pem(caKey) : pem(otherKey),
});
const judge = (files: Record<string, string | Buffer>) => workspaceFindings(files, [CONF]).filter((f) => f.code === 'cert-file-missing' || f.code === 'private-key-missing');

describe('a gateway that holds its CA private key (a container that issues its certificate when it starts)', () => {
  it('notes its missing certificate and key, since it may make them itself', () => {
    const findings = judge(gateway('ca-key.pem'));
    assert.deepEqual(summarize(findings), ['gw/etc/ipsec.conf:3 cert-file-missing info', 'gw/etc/ipsec.secrets:0 private-key-missing info']);
    assert.match(findings[0].message, /holds the private key of its CA \(ipsec\.d\/private\/ca-key\.pem\), so it may issue this certificate itself/);
  });

  it('still reports them missing when the key in private/ is not a CA key', () => {
    assert.deepEqual(summarize(judge(gateway('old-key.pem'))), ['gw/etc/ipsec.conf:3 cert-file-missing error', 'gw/etc/ipsec.secrets:0 private-key-missing error']);
  });
});
