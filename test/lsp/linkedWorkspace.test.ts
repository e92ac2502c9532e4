import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';
import { TWO_GATEWAYS } from './twoGateways';
import { makeTempDir } from '../tempDir';

const FILES = TWO_GATEWAYS;

/**
 * The editor names files by the path the workspace was opened with; when that path runs through
 * a symbolic link (a home folder on another disk, /etc/ipsec.d linked to a repository), the open
 * files must still belong to their gateways, or an edit would change nothing across files.
 */
describe('a workspace opened through a symbolic link', () => {
  let client: LspTestClient;
  let linked: string;
  const uri = (name: string) => pathToFileURL(path.join(linked, name)).href;

  before(async () => {
    const real = writeWorkspace('ipsec-linked-ws-', FILES);
    linked = path.join(makeTempDir('ipsec-linked-'), 'ws');
    symlinkSync(real, linked);
    client = new LspTestClient();
    await client.initializeWorkspace(linked, { textDocument: { publishDiagnostics: {} } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it("checks an open file's edits against the peer, in both files, and clears them when undone", async () => {
    const dkServer = uri('dk/ipsec.d/server.conf');
    await client.open(dkServer, 'ipsec', FILES['dk/ipsec.d/server.conf'].replace('@vpn.dk.example', '@gw.dk.example'));
    await client.waitForDiagnostics(uri('fr/etc/ipsec.d/dk.conf'), (p) => p.diagnostics.some((d) => d.code === 'peer-id-mismatch'));
    const onDk = await client.waitForDiagnostics(dkServer, (p) => p.diagnostics.some((d) => d.code === 'peer-id-mismatch'));
    assert.deepEqual(onDk.diagnostics.map((d) => d.code), ['peer-id-mismatch']);
    await client.change(dkServer, 2, FILES['dk/ipsec.d/server.conf']);
    await client.waitForDiagnostics(uri('fr/etc/ipsec.d/dk.conf'), (p) => p.diagnostics.length === 0);
    await client.waitForDiagnostics(dkServer, (p) => p.version === 2 && p.diagnostics.length === 0);
  });
});
