import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/checks/finding';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { safeFix } from '../../../server/src/features/fixAll';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { fixturePath } from '../../helpers';
import { MemoryFiles } from './memoryFiles';
import { LIBRESWAN_4 } from './workspaceFindings';

const seedPki = (name: string) => readFileSync(fixturePath('seeds', 'pki', name));
const FR_CA = seedPki('NCPB__FR_IdV_1.der');
const DK_CA = seedPki('NCPB__DK_IdV_1.der');
const FR_CONF = '/ws/fr/etc/ipsec.conf';
const DK_CONF = '/ws/dk/etc/ipsec.conf';

/** FR and DK, each with its own certificate from its own country's CA; FR trusts both CAs, DK only its own. */
function frDk(extra: Record<string, string | Buffer> = {}, { frTrustsItself = true } = {}): MemoryFiles {
  const files = new MemoryFiles({
    [FR_CONF]: `${LIBRESWAN_4}conn dk\n\tleft=192.0.2.10\n\tleftid=@sake.irisa.fr\n\tleftcert=fr.der\n\tright=198.51.100.20\n\trightid=@test01.epsos.netic.dk\n`,
    '/ws/fr/etc/ipsec.d/certs/fr.der': seedPki('_ih_VPNGateway_0.der'),
    '/ws/fr/etc/ipsec.d/cacerts/NCPB__DK_IdV_1.der': DK_CA,
    [DK_CONF]: `${LIBRESWAN_4}conn fr\n\tleft=198.51.100.20\n\tleftid=@test01.epsos.netic.dk\n\tleftcert=dk.der\n\tright=192.0.2.10\n\trightid=@sake.irisa.fr\n`,
    '/ws/dk/etc/ipsec.d/certs/dk.der': seedPki('_dk_VPNGateway_0.der'),
    '/ws/dk/etc/ipsec.d/cacerts/NCPB__DK_IdV_1.der': DK_CA,
    ...extra,
  });
  if (frTrustsItself) files.set('/ws/fr/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der', FR_CA);
  return files;
}

function caMissing(files: MemoryFiles): Array<{ uri: string; finding: Finding }> {
  const index = new WorkspaceIndex(files, { now: () => new Date('2030-06-01T00:00:00Z') });
  const found: Array<{ uri: string; finding: Finding }> = [];
  for (const [uri, findings] of checkWorkspace(index.model([FR_CONF, DK_CONF]))) {
    for (const finding of findings) if (finding.code === 'ca-missing') found.push({ uri, finding });
  }
  return found;
}

describe('ca-missing quick fix: trust the CA another gateway holds', () => {
  it("offers, on both findings, a PEM copy of FR's CA for DK's cacerts", () => {
    const found = caMissing(frDk());
    assert.deepEqual(found.map((f) => f.uri).sort(), ['file:///ws/dk/etc/ipsec.conf', 'file:///ws/fr/etc/ipsec.conf']);
    for (const { finding } of found) {
      assert.equal(finding.fixes?.length, 1);
      const fix = finding.fixes[0];
      assert.equal(fix.title, 'Trust CA "NCP-B FR IdV": copy it from fr/etc/ipsec.d/cacerts to dk/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.pem');
      assert.equal(fix.creates?.length, 1);
      const created = fix.creates[0];
      assert.equal(created.uri, 'file:///ws/dk/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.pem');
      assert.match(created.text, /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
      assert.equal(new X509Certificate(created.text).fingerprint256, new X509Certificate(FR_CA).fingerprint256);
    }
  });

  it('clears the finding once the created file is there', () => {
    const files = frDk();
    const created = caMissing(files)[0].finding.fixes?.[0].creates?.[0];
    assert.ok(created);
    files.set(new URL(created.uri).pathname, created.text);
    assert.deepEqual(caMissing(files), []);
  });

  it('is never applied without looking: not preferred, not in fix-all', () => {
    const found = caMissing(frDk());
    for (const { uri, finding } of found) {
      assert.notEqual(finding.fixes?.[0].preferred, true);
      assert.equal(safeFix({ ...finding, fixes: finding.fixes?.map((f) => ({ ...f, preferred: true })) }, uri), undefined);
    }
    assert.ok(found.length > 0);
  });

  it('picks a name the folder does not hold yet', () => {
    const found = caMissing(frDk({ '/ws/dk/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.pem': 'not a certificate\n' }));
    assert.equal(found[0].finding.fixes?.[0].creates?.[0].uri, 'file:///ws/dk/etc/ipsec.d/cacerts/NCPB__FR_IdV_1-1.pem');
  });

  it('offers nothing when no gateway of the workspace holds the CA', () => {
    const found = caMissing(frDk({}, { frTrustsItself: false }));
    assert.ok(found.length > 0);
    for (const { finding } of found) assert.deepEqual(finding.fixes ?? [], []);
  });

  it('is not offered when cacerts is a link that leads out of the gateway', () => {
    const files = frDk();
    const linked = Object.assign(Object.create(Object.getPrototypeOf(files)) as MemoryFiles, files, {
      realpath: (p: string) => p.replace('/ws/dk/etc/ipsec.d/cacerts', '/srv/shared-cas'),
    });
    const found = caMissing(linked);
    assert.ok(found.length > 0);
    for (const { finding } of found) assert.deepEqual(finding.fixes, []);
  });

  it('is not offered when cacerts does not exist yet and ipsec.d is a link that leads out of the gateway', () => {
    const files = frDk();
    files.delete('/ws/dk/etc/ipsec.d/cacerts/NCPB__DK_IdV_1.der');
    const exists = (p: string) => files.isFile(p) || files.list(p) !== undefined;
    const linked = Object.assign(Object.create(Object.getPrototypeOf(files)) as MemoryFiles, files, {
      // As realpath(3): a path that does not exist comes back as it was given.
      realpath: (p: string) => (exists(p) ? p.replace('/ws/dk/etc/ipsec.d', '/srv/shared-ipsec.d') : p),
    });
    const found = caMissing(linked);
    assert.ok(found.length > 0);
    for (const { finding } of found) assert.deepEqual(finding.fixes, []);
    assert.ok(caMissing(files).some(({ finding }) => (finding.fixes ?? []).length > 0), 'offered without the link');
  });
});
