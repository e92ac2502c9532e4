import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { fixturePath } from '../../helpers';
import { MemoryFiles } from './memoryFiles';

const cert = (name: string) => readFileSync(fixturePath('certs', name));
const seedPki = (name: string) => readFileSync(fixturePath('seeds', 'pki', name));
const seedConf = (name: string) => readFileSync(fixturePath('seeds', 'ipsec', name), 'utf8');

function codesFor(files: Record<string, string | Buffer>, now = new Date('2030-06-01T00:00:00Z')) {
  const index = new WorkspaceIndex(new MemoryFiles(files), { now: () => now });
  const out: string[] = [];
  for (const [uri, findings] of checkWorkspace(index.model(['/ws/gw/etc/ipsec.conf']))) {
    for (const f of findings) out.push(`${uri.replace('file:///ws/gw/etc/', '')}:${f.range.start.line} ${f.code}`);
  }
  return out.sort();
}

describe("the seed's own Openswan node (FR server.conf + the Danish conn)", () => {
  const node = {
    '/ws/gw/etc/ipsec.conf': seedConf('epsos-ppt.ipsec.conf'),
    '/ws/gw/etc/ipsec.d/server.conf': seedConf('epsos-ppt.server.conf'),
    '/ws/gw/etc/ipsec.d/dk.conf': seedConf('epsos-ppt.dk.conf'),
    '/ws/gw/etc/ipsec.d/certs/_ih_VPNGateway_0.der': seedPki('_ih_VPNGateway_0.der'),
    '/ws/gw/etc/ipsec.d/certs/_dk_VPNGateway_0.der': seedPki('_dk_VPNGateway_0.der'),
    '/ws/gw/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der': seedPki('NCPB__FR_IdV_1.der'),
  };

  it('reports the missing Danish CA, naming its issuer, when cacerts lacks it', () => {
    assert.deepEqual(codesFor(node), ['ipsec.d/dk.conf:5 ca-missing']);
    const index = new WorkspaceIndex(new MemoryFiles(node));
    const [finding] = [...checkWorkspace(index.model(['/ws/gw/etc/ipsec.conf'])).values()].flat();
    assert.match(finding.message, /no CA in \/etc\/ipsec\.d\/cacerts issued the peer's certificate _dk_VPNGateway_0\.der \(issuer: C=DK, O=epSOS test, CN=NCP-B DK IdV\)/);
  });

  it('reports nothing once the Danish CA is in cacerts', () => {
    assert.deepEqual(codesFor({ ...node, '/ws/gw/etc/ipsec.d/cacerts/NCPB__DK_IdV_1.der': seedPki('NCPB__DK_IdV_1.der') }), []);
  });

  it('a certificate replaced in place (same file name) is read again', () => {
    const files = new MemoryFiles({ ...node, '/ws/gw/etc/ipsec.d/cacerts/NCPB__DK_IdV_1.der': cert('lookalike-ca.der') });
    const index = new WorkspaceIndex(files);
    const codes = () => [...checkWorkspace(index.model(['/ws/gw/etc/ipsec.conf'])).values()].flat().map((f) => f.code);
    assert.deepEqual(codes(), ['ca-missing']);
    files.set('/ws/gw/etc/ipsec.d/cacerts/NCPB__DK_IdV_1.der', seedPki('NCPB__DK_IdV_1.der'));
    index.forget('/ws/gw/etc/ipsec.d/cacerts/NCPB__DK_IdV_1.der');
    assert.deepEqual(codes(), []);
  });

  it('a CA with the right name but another key does not count', () => {
    const files = { ...node, '/ws/gw/etc/ipsec.d/dk.conf': 'conn dk\n\tright=192.0.2.9\n\trightcert=gateway.der\n', '/ws/gw/etc/ipsec.d/certs/gateway.der': cert('gateway.der'), '/ws/gw/etc/ipsec.d/cacerts/impostor.der': cert('lookalike-ca.der') };
    assert.deepEqual(codesFor(files), ['ipsec.d/dk.conf:2 ca-missing']);
    assert.deepEqual(codesFor({ ...files, '/ws/gw/etc/ipsec.d/cacerts/real.der': cert('test-ca.der') }), []);
  });
});

describe('certificate checks', () => {
  const base = (conn: string, certs: Record<string, Buffer>) => ({
    '/ws/gw/etc/ipsec.conf': `conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${conn}`,
    '/ws/gw/etc/ipsec.d/cacerts/ca.der': cert('test-ca.der'),
    ...Object.fromEntries(Object.entries(certs).map(([name, bytes]) => [`/ws/gw/etc/ipsec.d/certs/${name}`, bytes])),
  });

  it('cert-file-missing fires for a missing file and not for an NSS nickname', () => {
    assert.deepEqual(codesFor(base('\tleftcert=missing.der\n', {})), ['ipsec.conf:3 cert-file-missing']);
    assert.deepEqual(codesFor(base('\tleftcert=westCert\n', {})), []);
  });

  it('cert-file-missing is only a note for a folder the workspace keeps no files in', () => {
    const findings = (files: Record<string, string | Buffer>) => [...checkWorkspace(new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/gw/etc/ipsec.conf'])).values()].flat().filter((f) => f.code === 'cert-file-missing');
    const conn = (value: string) => ({ '/ws/gw/etc/ipsec.conf': `conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftcert=${value}\n` });
    const [note] = findings(conn('server.pem'));
    assert.equal(note.severity, 'info');
    assert.match(note.message, /^leftcert=server\.pem: not checked, since the workspace keeps no files in \/etc\/ipsec\.d\/certs/);
    assert.deepEqual(findings({ ...conn('server.pem'), '/ws/gw/etc/ipsec.d/certs/.gitkeep': '' }).map((f) => f.severity), ['info']);
    assert.deepEqual(findings({ ...conn('server.pem'), '/ws/gw/etc/ipsec.d/certs/other.pem': cert('gateway.pem') }).map((f) => f.severity), ['error']);
    assert.deepEqual(findings({ ...conn('/etc/letsencrypt/live/vpn/cert.pem'), '/ws/gw/etc/ipsec.d/cacerts/ca.der': cert('test-ca.der') }).map((f) => f.severity), ['info']);
    assert.deepEqual(findings({ ...conn('/etc/letsencrypt/live/vpn/cert.pem'), '/ws/gw/etc/letsencrypt/live/vpn/chain.pem': cert('test-ca.der') }).map((f) => f.severity), ['error']);
  });

  it('an absolute certificate path outside /etc is named as written, where the gateway folder stands for /etc alone', () => {
    const files = { '/ws/gw/ipsec.conf': 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftcert=/usr/local/etc/ipsec.d/certs/server.pem\n' };
    const [note] = [...checkWorkspace(new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/gw/ipsec.conf'])).values()].flat().filter((f) => f.code === 'cert-file-missing');
    assert.match(note.message, /no files in \/usr\/local\/etc\/ipsec\.d\/certs .*add \/usr\/local\/etc\/ipsec\.d\/certs\/server\.pem to have it checked/);
    assert.doesNotMatch(note.message, /\/etc\/usr/);
  });

  it('reads PEM as well as DER', () => {
    assert.deepEqual(codesFor(base('\tleftcert=gateway.pem\n\tleftid=@gw.test.example\n', { 'gateway.pem': cert('gateway.pem') })), []);
  });

  it('cert-validity fires for expired and not-yet-valid certificates only', () => {
    assert.deepEqual(codesFor(base('\tleftcert=expired.der\n', { 'expired.der': cert('expired.der') })), ['ipsec.conf:3 cert-validity']);
    assert.deepEqual(codesFor(base('\trightcert=future.der\n', { 'future.der': cert('not-yet-valid.der') })), ['ipsec.conf:3 cert-validity']);
    assert.deepEqual(codesFor(base('\tleftcert=gateway.der\n', { 'gateway.der': cert('gateway.der') })), []);
  });

  it('cert-id-mismatch fires when the ID is not among the SANs or the subject', () => {
    assert.deepEqual(codesFor(base('\tleftcert=san.der\n\tleftid=@gw-intended.test.example\n', { 'san.der': cert('san-mismatch.der') })), ['ipsec.conf:4 cert-id-mismatch']);
    assert.deepEqual(codesFor(base('\tleftcert=san.der\n\tleftid=@gw-other.test.example\n', { 'san.der': cert('san-mismatch.der') })), []);
    assert.deepEqual(codesFor(base('\tleftcert=gw.der\n\tleftid="O=ipsec-lint tests, CN=gw.test.example"\n', { 'gw.der': cert('gateway.der') })), []);
    assert.deepEqual(codesFor(base('\tleftcert=gw.der\n\tleftid=%fromcert\n', { 'gw.der': cert('gateway.der') })), []);
  });

  it('cert-id-mismatch offers each ID the certificate carries as a quick fix, replacing the value', () => {
    const files = base('\tleftcert=san.der\n\tleftid=@gw-intended.test.example\n', { 'san.der': cert('san-mismatch.der') });
    const findings = [...checkWorkspace(new WorkspaceIndex(new MemoryFiles(files), { now: () => new Date('2030-06-01T00:00:00Z') }).model(['/ws/gw/etc/ipsec.conf'])).values()].flat();
    const finding = findings.find((f) => f.code === 'cert-id-mismatch');
    assert.deepEqual(finding?.fixes?.map((fix) => fix.title), ['Use leftid=@gw-other.test.example (in san.der)', 'Use leftid="O=ipsec-lint tests, CN=gw-intended.test.example" (in san.der)']);
    assert.deepEqual(finding?.fixes?.[0].edits, [{ uri: 'file:///ws/gw/etc/ipsec.conf', range: { start: { line: 4, character: 8 }, end: { line: 4, character: 33 } }, newText: '@gw-other.test.example' }]);
    assert.ok(finding?.fixes?.every((fix) => !fix.preferred));
  });

  it('ca-missing ignores self-signed certificates and names an unrelated CA as missing', () => {
    // A CA certificate's key usage allows no IKE signature, which strongSwan checks on a pinned peer certificate: no ca-missing, though.
    assert.deepEqual(codesFor(base('\trightcert=self.der\n', { 'self.der': cert('other-ca.der') })), ['ipsec.conf:3 cert-key-usage']);
  });
});

describe('certificates expiring soon', () => {
  it('cert-expiring notes a certificate within the warning window only', () => {
    const files = {
      '/ws/gw/etc/ipsec.conf': 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftcert=gateway.der\n',
      '/ws/gw/etc/ipsec.d/cacerts/ca.der': cert('test-ca.der'),
      '/ws/gw/etc/ipsec.d/certs/gateway.der': cert('gateway.der'),
    };
    assert.deepEqual(codesFor(files, new Date('2044-12-20T00:00:00Z')), ['ipsec.conf:3 cert-expiring']);
    assert.deepEqual(codesFor(files, new Date('2044-10-01T00:00:00Z')), []);
  });
});
