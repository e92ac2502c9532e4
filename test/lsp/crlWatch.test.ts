import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fixturePath } from '../helpers';
import { run } from '../unit/cli/cliRun';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';

const HEAD = '# ipsec-dialect: strongswan\n';
const fixture = (name: string) => readFileSync(fixturePath('crls', name));
const FILES: Record<string, string | Buffer> = {
  'a/etc/ipsec.conf': `${HEAD}conn b\n\tleft=192.0.2.1\n\tleftid=@gw-a.test.example\n\tleftcert=gw-a.der\n\tright=192.0.2.2\n\trightid=@gw-b.test.example\n\tauto=start\n`,
  'a/etc/ipsec.d/certs/gw-a.der': fixture('gw-a.der'),
  'a/etc/ipsec.d/cacerts/ca.der': fixture('ca.der'),
  'b/etc/ipsec.conf': `${HEAD}conn a\n\tleft=192.0.2.2\n\tleftid=@gw-b.test.example\n\tleftcert=gw-b.der\n\tright=192.0.2.1\n\trightid=@gw-a.test.example\n\tauto=add\n`,
  'b/etc/ipsec.d/certs/gw-b.der': fixture('gw-b.der'),
  'b/etc/ipsec.d/cacerts/ca.der': fixture('ca.der'),
};

describe('a CRL put into or taken out of ipsec.d/crls, over LSP', () => {
  let client: LspTestClient;
  let root: string;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;

  before(async () => {
    root = writeWorkspace('ipsec-crl-', FILES);
    client = new LspTestClient();
    await client.initializeWorkspace(root);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it("reports the peer's revoked certificate on both gateways once the watcher tells of the file, and clears when it goes", async () => {
    const a = uri('a/etc/ipsec.conf');
    const b = uri('b/etc/ipsec.conf');
    await client.open(a, 'ipsec', FILES['a/etc/ipsec.conf'] as string);
    await client.waitForDiagnostics(a, (p) => !p.diagnostics.some((d) => d.code === 'cert-revoked'));

    const crl = path.join(root, 'a/etc/ipsec.d/crls/revokes-b.crl');
    mkdirSync(path.dirname(crl), { recursive: true });
    writeFileSync(crl, fixture('revokes-b.crl'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(crl).href, type: 1 }] });
    const onA = await client.waitForDiagnostics(a, (p) => p.diagnostics.some((d) => d.code === 'cert-revoked'));
    assert.equal(onA.diagnostics.find((d) => d.code === 'cert-revoked')?.range.start.line, 6);
    await client.open(b, 'ipsec', FILES['b/etc/ipsec.conf'] as string);
    await client.waitForDiagnostics(b, (p) => p.diagnostics.some((d) => d.code === 'cert-revoked' && d.range.start.line === 4));

    rmSync(crl);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(crl).href, type: 3 }] });
    await client.waitForDiagnostics(a, (p) => !p.diagnostics.some((d) => d.code === 'cert-revoked'));
    await client.waitForDiagnostics(b, (p) => !p.diagnostics.some((d) => d.code === 'cert-revoked'));
  });
});

describe('ipsec-lint and ipsec.d/crls', () => {
  it('fails a run when a gateway holds a CRL revoking its peer, and passes without it', () => {
    const clean = writeWorkspace('ipsec-crl-cli-', FILES);
    assert.equal(run(['-f', 'unix', '.'], clean).status, 0);
    const revoked = writeWorkspace('ipsec-crl-cli-', { ...FILES, 'a/etc/ipsec.d/crls/revokes-b.pem': fixture('revokes-b.pem') });
    const result = run(['-f', 'unix', '.'], revoked);
    assert.equal(result.status, 1);
    const lines = result.stdout.split('\n').filter((line) => line.includes('cert-revoked'));
    assert.deepEqual(lines.map((line) => line.split(':').slice(0, 2).join(':')), ['a/etc/ipsec.conf:7', 'b/etc/ipsec.conf:5']);
  });
});
