import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { codes, fixturePath, lint } from '../../helpers';
import { MemoryFiles } from '../workspace/memoryFiles';

const seed = (name: string) => readFileSync(fixturePath('seeds', 'ipsec', name), 'utf8');
const lines = (findings: { code: string; range: { start: { line: number } } }[]) => findings.map((f) => `${f.range.start.line + 1} ${f.code}`);

describe('ipsec.conf and ipsec.secrets examples of the seeds', () => {
  it('seed 000: the French Openswan gateway files are accepted one by one', () => {
    for (const name of ['epsos-ppt.ipsec.conf', 'epsos-ppt.server.conf', 'epsos-ppt.dk.conf']) assert.deepEqual(lint('ipsec', seed(name)), [], name);
    assert.deepEqual(lint('ipsec-secrets', seed('epsos-ppt.ipsec.secrets')), []);
  });

  it('seed 000: as one gateway without certificate folders, only notes that the two certificate files cannot be checked', () => {
    const files = new MemoryFiles({
      '/ws/fr/etc/ipsec.conf': seed('epsos-ppt.ipsec.conf'),
      '/ws/fr/etc/ipsec.d/server.conf': seed('epsos-ppt.server.conf'),
      '/ws/fr/etc/ipsec.d/dk.conf': seed('epsos-ppt.dk.conf'),
    });
    const found = [...checkWorkspace(new WorkspaceIndex(files).model(['/ws/fr/etc/ipsec.conf']))].flatMap(([uri, list]) => list.map((f) => `${uri.split('/').pop()}:${f.range.start.line + 1} ${f.code} ${f.severity}`));
    assert.deepEqual(found.sort(), ['dk.conf:6 cert-file-missing info', 'server.conf:10 cert-file-missing info']);
  });

  it('seed 000: a peer certificate missing from a gateway that keeps its certificates and CAs is an error', () => {
    const pki = (name: string) => readFileSync(fixturePath('seeds', 'pki', name));
    const files = new MemoryFiles({
      '/ws/fr/etc/ipsec.conf': seed('epsos-ppt.ipsec.conf'),
      '/ws/fr/etc/ipsec.d/server.conf': seed('epsos-ppt.server.conf'),
      '/ws/fr/etc/ipsec.d/dk.conf': seed('epsos-ppt.dk.conf'),
      '/ws/fr/etc/ipsec.d/certs/_ih_VPNGateway_0.der': pki('_ih_VPNGateway_0.der'),
      '/ws/fr/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der': pki('NCPB__FR_IdV_1.der'),
    });
    const found = [...checkWorkspace(new WorkspaceIndex(files).model(['/ws/fr/etc/ipsec.conf']))].flatMap(([uri, list]) => list.map((f) => `${uri.split('/').pop()}:${f.range.start.line + 1} ${f.code} ${f.severity}`));
    assert.deepEqual(found.sort(), ['dk.conf:6 cert-file-missing error']);
  });

  it('seed 002 as pasted: the damaged version header, the backslash continuation and the bare conn names', () => {
    const findings = lint('ipsec', seed('arin-roadwarrior.as-pasted.conf'));
    assert.deepEqual(lines(findings), ['1 bad-header', '1 unexpected-text', '6 missing-equals', '25 bad-header', '30 bad-header']);
    assert.match(findings[2].message, /no line continuation/);
  });

  it('seed 002 as pasted, read as a gateway: also=roadwarriorconn names no conn, with the glued "conn" spotted', () => {
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/rw/ipsec.conf': seed('arin-roadwarrior.as-pasted.conf') })).model(['/ws/rw/ipsec.conf']);
    const findings = checkWorkspace(model).get('file:///ws/rw/ipsec.conf') ?? [];
    const undefinedTargets = findings.filter((f) => f.code === 'also-undefined');
    assert.ok(undefinedTargets.length >= 2, JSON.stringify(lines(findings)));
  });

  it('seed 002 raw paste: every no-break space is reported', () => {
    const findings = lint('ipsec', seed('arin-roadwarrior.raw-paste.conf'));
    assert.ok(codes(findings).filter((c) => c === 'nonascii-whitespace').length >= 30);
    assert.ok(codes(findings).includes('bad-header'));
  });

  it('seed 002 as intended: accepted', () => {
    assert.deepEqual(lint('ipsec', seed('arin-roadwarrior.intended.conf')), []);
  });

  it('an also= glued to the next "conn" suggests the real name', () => {
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/n/ipsec.conf': 'conn roadwarrior\n\tright=%any\nconn roadwarrior-l2tp\n\talso=roadwarriorconn\n' })).model(['/ws/n/ipsec.conf']);
    const [finding] = checkWorkspace(model).get('file:///ws/n/ipsec.conf') ?? [];
    assert.match(finding.message, /did you mean "roadwarrior"\?/);
  });
});
