import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/checks/finding';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { fixturePath } from '../../helpers';
import { MemoryFiles } from './memoryFiles';

const FR = '/ws/fr/etc/ipsec.conf';
const DK = '/ws/dk/etc/ipsec.conf';

/** France has a conn for Denmark; Denmark has one for Sweden only, in the one-file-per-peer layout. */
function mesh(extra: Record<string, string | Buffer> = {}): MemoryFiles {
  return new MemoryFiles({
    [FR]: 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
    '/ws/fr/etc/ipsec.d/server.conf': 'conn %default\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n\tleftsubnet=10.1.0.0/16\n\tauthby=secret\n',
    '/ws/fr/etc/ipsec.d/dk.conf': 'conn dk\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\n\trightsubnet=10.2.0.0/16\n\tauto=add\n',
    [DK]: 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
    '/ws/dk/etc/ipsec.d/server.conf': 'conn %default\n    left=198.51.100.20\n    leftid=@vpn.dk.example\n    leftsubnet=10.2.0.0/16\n    authby=secret\n',
    '/ws/dk/etc/ipsec.d/se.conf': 'conn se\n    right=203.0.113.30\n    rightid=@vpn.se.example\n    rightsubnet=10.3.0.0/16\n    auto=start\n    pfs=no\n',
    ...extra,
  });
}

function findings(files: MemoryFiles, code?: string): Array<{ uri: string; finding: Finding }> {
  const index = new WorkspaceIndex(files, { now: () => new Date('2030-06-01T00:00:00Z') });
  const out: Array<{ uri: string; finding: Finding }> = [];
  for (const [uri, list] of checkWorkspace(index.model([FR, DK]))) for (const finding of list) if (!code || finding.code === code) out.push({ uri, finding });
  return out;
}

describe('peer-missing-conn quick fix: add the peer\'s side', () => {
  it("drafts Denmark's conn fr in the style of its other peer files", () => {
    const [missing] = findings(mesh(), 'peer-missing-conn');
    assert.equal(missing.uri, 'file:///ws/fr/etc/ipsec.d/dk.conf');
    const fix = missing.finding.fixes?.[0];
    assert.equal(fix?.title, 'Add conn fr to the peer gateway as /etc/ipsec.d/fr.conf (dk/etc/ipsec.d/fr.conf), pointing back at this gateway');
    assert.notEqual(fix?.preferred, true);
    assert.deepEqual(fix?.creates, [
      // pfs=no of Denmark's conn for Sweden is not copied: both ends must agree on it, and France sets none.
      { uri: 'file:///ws/dk/etc/ipsec.d/fr.conf', text: 'conn fr\n    right=192.0.2.10\n    rightid=@vpn.fr.example\n    rightsubnet=10.1.0.0/16\n    auto=start\n' },
    ]);
  });

  it("carries France's own value of a setting both ends must share, unless Denmark's %default already has it", () => {
    const files = mesh({ '/ws/fr/etc/ipsec.d/dk.conf': 'conn dk\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\n\trightsubnet=10.2.0.0/16\n\tauto=add\n\tpfs=no\n\tike=aes256-sha2_256-modp2048\n' });
    const text = findings(files, 'peer-missing-conn')[0].finding.fixes?.[0].creates?.[0].text;
    assert.equal(text, 'conn fr\n    right=192.0.2.10\n    rightid=@vpn.fr.example\n    rightsubnet=10.1.0.0/16\n    auto=start\n    pfs=no\n    ike=aes256-sha2_256-modp2048\n');
    files.set('/ws/dk/etc/ipsec.d/fr.conf', text ?? '');
    assert.deepEqual(findings(files).map((f) => `${f.uri} ${f.finding.code}`), []);
  });

  it('leaves the pair without findings once the file exists', () => {
    const files = mesh();
    const created = findings(files, 'peer-missing-conn')[0].finding.fixes?.[0].creates?.[0];
    assert.ok(created);
    files.set(new URL(created.uri).pathname, created.text);
    assert.deepEqual(findings(files).map((f) => `${f.uri} ${f.finding.code}`), []);
  });

  it("adds the include line when the peer's includes would not read the file, and is not offered when the name is taken", () => {
    const byName = 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/server.conf\ninclude /etc/ipsec.d/se.conf\n';
    const notIncluded = mesh({ [DK]: byName });
    const [fix] = findings(notIncluded, 'peer-missing-conn')[0].finding.fixes ?? [];
    assert.equal(fix?.creates?.[0].uri, 'file:///ws/dk/etc/ipsec.d/fr.conf');
    assert.deepEqual(fix?.edits.map((e) => [e.uri, e.newText]), [['file:///ws/dk/etc/ipsec.conf', 'include /etc/ipsec.d/fr.conf\n']]);
    assert.match(fix?.title ?? '', /with "include \/etc\/ipsec\.d\/fr\.conf" in its ipsec\.conf$/);
    notIncluded.set('/ws/dk/etc/ipsec.d/fr.conf', fix?.creates?.[0].text ?? '');
    notIncluded.set(DK, `${byName}include /etc/ipsec.d/fr.conf\n`);
    assert.deepEqual(findings(notIncluded).map((f) => `${f.uri} ${f.finding.code}`), []);
    const taken = mesh({ '/ws/dk/etc/ipsec.d/fr.conf': '# kept for later\n' });
    assert.deepEqual(findings(taken, 'peer-missing-conn').map((f) => f.finding.fixes), [[]]);
  });

  it("names France's certificate by the file Denmark keeps a copy of it in", () => {
    const frCert = readFileSync(fixturePath('seeds', 'pki', '_ih_VPNGateway_0.der'));
    const files = mesh({
      '/ws/fr/etc/ipsec.d/server.conf': 'conn %default\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n\tleftsubnet=10.1.0.0/16\n\tauthby=secret\n\tleftcert=fr.der\n',
      '/ws/fr/etc/ipsec.d/certs/fr.der': frCert,
      '/ws/dk/etc/ipsec.d/certs/other.der': readFileSync(fixturePath('seeds', 'pki', '_dk_VPNGateway_0.der')),
      '/ws/dk/etc/ipsec.d/certs/france-gw.der': frCert,
    });
    assert.match(findings(files, 'peer-missing-conn')[0].finding.fixes?.[0].creates?.[0].text ?? '', /\n {4}rightcert=france-gw\.der\n$/);
  });

  it('is not offered when the peer\'s ipsec.d is a link that leads out of its folder', () => {
    const files = mesh();
    const linked = Object.assign(Object.create(Object.getPrototypeOf(files)) as MemoryFiles, files, {
      // Only the folder itself is asked for: its files are already read through the include glob.
      realpath: (p: string) => (p === '/ws/dk/etc/ipsec.d' ? '/srv/dk-conns' : p),
    });
    assert.deepEqual(findings(linked, 'peer-missing-conn').map((f) => f.finding.fixes), [[]]);
  });

  it("is not offered when the peer's ipsec.d does not exist yet and its etc is a link out of its folder", () => {
    const files = mesh({ [DK]: `config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n${'conn se\n    left=198.51.100.20\n    leftid=@vpn.dk.example\n    right=203.0.113.30\n'}` });
    for (const name of ['server.conf', 'se.conf']) files.delete(`/ws/dk/etc/ipsec.d/${name}`);
    const exists = (p: string) => files.isFile(p) || files.list(p) !== undefined;
    const linked = Object.assign(Object.create(Object.getPrototypeOf(files)) as MemoryFiles, files, {
      realpath: (p: string) => (exists(p) ? p.replace('/ws/dk/etc', '/srv/dk-etc') : p),
    });
    assert.equal(findings(files, 'peer-missing-conn')[0].finding.fixes?.length, 1, 'offered without the link');
    assert.deepEqual(findings(linked, 'peer-missing-conn').map((f) => f.finding.fixes), [[]]);
  });

  it('is not offered when the name is a link to nothing, which the new file would follow', () => {
    const files = mesh();
    const dangling = Object.assign(Object.create(Object.getPrototypeOf(files)) as MemoryFiles, files, {
      list: (p: string) => (p === '/ws/dk/etc/ipsec.d' ? [...(files.list(p) ?? []), 'fr.conf'].sort() : files.list(p)),
    });
    assert.deepEqual(findings(dangling, 'peer-missing-conn').map((f) => f.finding.fixes), [[]]);
  });
});
