import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import type { Fix } from '../../../server/src/checks/finding';
import { settleFixes } from '../../../server/src/features/settleFixes';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import type { FileKind } from '../../../server/src/model/fileKind';
import { parseDocument } from '../../../server/src/model/parse';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';

const CONF = 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n';
const server = (address: string, id: string) => `conn %default\n\tleft=${address}\n\tleftid=${id}\n\tauthby=secret\n`;
const peer = (name: string, address: string, id: string) => `conn ${name}\n\tright=${address}\n\trightid=${id}\n\tauto=add\n`;

/** France presents @vpn.fr.example; Denmark expects that, Germany a stale @ncp.fr.example. */
const MESH: Record<string, string> = {
  '/ws/fr/etc/ipsec.conf': CONF,
  '/ws/fr/etc/ipsec.d/server.conf': server('192.0.2.10', '@vpn.fr.example'),
  '/ws/fr/etc/ipsec.d/de.conf': peer('de', '192.0.2.20', '@vpn.de.example'),
  '/ws/fr/etc/ipsec.d/dk.conf': peer('dk', '192.0.2.30', '@vpn.dk.example'),
  '/ws/de/etc/ipsec.conf': CONF,
  '/ws/de/etc/ipsec.d/server.conf': server('192.0.2.20', '@vpn.de.example'),
  '/ws/de/etc/ipsec.d/fr.conf': peer('fr', '192.0.2.10', '@ncp.fr.example'),
  '/ws/de/etc/ipsec.secrets': '@vpn.de.example @ncp.fr.example : PSK "EXAMPLE-ONLY-de-fr-key-material"\n',
  '/ws/dk/etc/ipsec.conf': CONF,
  '/ws/dk/etc/ipsec.d/server.conf': server('192.0.2.30', '@vpn.dk.example'),
  '/ws/dk/etc/ipsec.d/fr.conf': peer('fr', '192.0.2.10', '@vpn.fr.example'),
};
const ROOTS = ['/ws/de/etc/ipsec.conf', '/ws/dk/etc/ipsec.conf', '/ws/fr/etc/ipsec.conf'];

function fixesOn(files: Record<string, string>, path: string, code = 'peer-id-mismatch'): Fix[] {
  const index = new WorkspaceIndex(new MemoryFiles(files));
  const model = index.model(ROOTS);
  const finding = checkWorkspace(model).get(`file://${path}`)?.find((f) => f.code === code);
  assert.ok(finding, `${code} on ${path}`);
  const related = (finding.related ?? []).map((r) => ({ uri: r.uri, range: r.range }));
  return settleFixes(model, index.document(path, 'ipsec')!, { code: finding.code, range: finding.range, related });
}

function applied(files: Record<string, string>, fix: Fix): Record<string, string> {
  const out = { ...files };
  for (const path of Object.keys(files)) {
    const edits = fix.edits.filter((edit) => edit.uri === `file://${path}`);
    if (edits.length === 0) continue;
    const kind: FileKind = path.endsWith('.secrets') ? 'ipsec-secrets' : 'ipsec';
    out[path] = applyEdits(parseDocument(`file://${path}`, files[path], kind).source, edits);
  }
  return out;
}

const countOf = (files: Record<string, string>, code: string): number =>
  [...checkWorkspace(new WorkspaceIndex(new MemoryFiles(files)).model(ROOTS)).values()].flat().filter((f) => f.code === code).length;
const mismatches = (files: Record<string, string>): number => countOf(files, 'peer-id-mismatch');

describe('peer-id-mismatch: settling the ID across the workspace', () => {
  it('offers both directions from either side, saying how much each changes', () => {
    const titles = fixesOn(MESH, '/ws/de/etc/ipsec.d/fr.conf').map((fix) => fix.title);
    assert.deepEqual(titles, [
      'Expect "@vpn.fr.example" wherever "@ncp.fr.example" is written (2 places in 2 files)',
      'Present "@ncp.fr.example" instead: change "@vpn.fr.example" wherever it is written (2 places in 2 files)',
    ]);
    assert.deepEqual(fixesOn(MESH, '/ws/fr/etc/ipsec.d/server.conf').map((fix) => fix.title), titles);
    assert.equal(mismatches(MESH), 2);
  });

  it('leaves no mismatch either way, the secrets selector following the ID', () => {
    const [expect, present] = fixesOn(MESH, '/ws/de/etc/ipsec.d/fr.conf');
    const expected = applied(MESH, expect);
    assert.equal(mismatches(expected), 0);
    assert.match(expected['/ws/de/etc/ipsec.secrets'], /^@vpn\.de\.example @vpn\.fr\.example : PSK "EXAMPLE-ONLY-de-fr-key-material"\n$/);
    const presented = applied(MESH, present);
    assert.equal(mismatches(presented), 0);
    assert.match(presented['/ws/fr/etc/ipsec.d/server.conf'], /leftid=@ncp\.fr\.example/);
    assert.match(presented['/ws/dk/etc/ipsec.d/fr.conf'], /rightid=@ncp\.fr\.example/);
    for (const fix of [expect, present]) assert.notEqual(fix.preferred, true, 'never in fix-all');
  });

  it('offers nothing when the expected ID is another gateway\'s own', () => {
    const files = { ...MESH, '/ws/de/etc/ipsec.d/fr.conf': peer('fr', '192.0.2.10', '@vpn.dk.example') };
    assert.deepEqual(fixesOn(files, '/ws/de/etc/ipsec.d/fr.conf'), []);
  });
});

describe('peer-address-mismatch: settling the address across the workspace', () => {
  /** France moved to 192.0.2.11; Denmark followed, Germany still sends to 192.0.2.10. */
  const MOVED: Record<string, string> = {
    ...MESH,
    '/ws/fr/etc/ipsec.d/server.conf': server('192.0.2.11', '@vpn.fr.example'),
    '/ws/de/etc/ipsec.d/fr.conf': peer('fr', '192.0.2.10', '@vpn.fr.example'),
    '/ws/de/etc/ipsec.secrets': '@vpn.de.example 192.0.2.10 : PSK "EXAMPLE-ONLY-de-fr-key-material"\n',
    '/ws/dk/etc/ipsec.d/fr.conf': peer('fr', '192.0.2.11', '@vpn.fr.example'),
  };
  const addressFixes = (files: Record<string, string>, path: string): Fix[] => fixesOn(files, path, 'peer-address-mismatch');

  it('sends every peer to the gateway\'s new address, or moves the gateway back, and no mismatch is left', () => {
    const [send, use] = addressFixes(MOVED, '/ws/de/etc/ipsec.d/fr.conf');
    assert.equal(send.title, 'Send to "192.0.2.11" wherever "192.0.2.10" is written (2 places in 2 files)');
    assert.equal(use.title, 'Use "192.0.2.10" instead: change "192.0.2.11" wherever it is written (2 places in 2 files)');
    const sent = applied(MOVED, send);
    assert.match(sent['/ws/de/etc/ipsec.secrets'], /^@vpn\.de\.example 192\.0\.2\.11 : PSK/);
    assert.equal(countOf(sent, 'peer-address-mismatch'), 0);
    assert.equal(countOf(applied(MOVED, use), 'peer-address-mismatch'), 0);
  });

  it('offers nothing when the old address is another gateway\'s own', () => {
    const files = { ...MOVED, '/ws/de/etc/ipsec.d/fr.conf': peer('fr', '192.0.2.30', '@vpn.fr.example') };
    assert.deepEqual(addressFixes(files, '/ws/de/etc/ipsec.d/fr.conf'), []);
  });
});
