import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { pairPeers } from '../../../server/src/workspace/peers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

const FR_SERVER = 'conn %default\n\tauthby=rsasig\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n\ttype=transport\n';
const DK_SERVER = 'conn %default\n\tauthby=rsasig\n\tleft=198.51.100.20\n\tleftid=@vpn.dk.example\n\ttype=transport\n';
const FR_DK = 'conn dk\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\n\tauto=add\n';
const DK_FR = 'conn fr\n\tright=192.0.2.10\n\trightid=@vpn.fr.example\n\tauto=add\n';
const INCLUDE = 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n';

function mesh(overrides: Record<string, string> = {}) {
  const files = {
    '/ws/fr/etc/ipsec.conf': INCLUDE,
    '/ws/fr/etc/ipsec.d/server.conf': FR_SERVER,
    '/ws/fr/etc/ipsec.d/dk.conf': FR_DK,
    '/ws/dk/ipsec.conf': INCLUDE,
    '/ws/dk/ipsec.d/server.conf': DK_SERVER,
    '/ws/dk/ipsec.d/fr.conf': DK_FR,
    ...overrides,
  };
  return new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/fr/etc/ipsec.conf', '/ws/dk/ipsec.conf']);
}

function summary(overrides: Record<string, string> = {}) {
  const out: string[] = [];
  for (const [uri, findings] of checkWorkspace(mesh(overrides))) {
    for (const f of findings) out.push(`${new URL(uri).pathname}:${f.range.start.line} ${f.code}`);
  }
  return out.sort();
}

describe('peer pairing', () => {
  it('pairs FR dk with DK fr across layouts', () => {
    const pairs = pairPeers(mesh().nodes);
    assert.equal(pairs.length, 1);
    assert.deepEqual([pairs[0].a.conn.name, pairs[0].b.conn.name].sort(), ['dk', 'fr']);
  });

  it('a consistent pair has no findings', () => {
    assert.deepEqual(summary(), []);
  });

  it('two conns whose addresses mirror each other pair even with one wrong ID and the other unset', () => {
    const a = 'conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\trightid=@wrong.example\n';
    const b = 'conn a\n\tleft=192.0.2.2\n\tright=192.0.2.1\n';
    const m = new WorkspaceIndex(new MemoryFiles({ '/ws/a/ipsec.conf': a, '/ws/b/ipsec.conf': b })).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']);
    assert.equal(pairPeers(m.nodes).length, 1);
    const codes = [...checkWorkspace(m).values()].flat().map((f) => f.code);
    assert.deepEqual(codes, ['peer-id-mismatch', 'peer-id-mismatch']);
    const unrelated = new WorkspaceIndex(new MemoryFiles({ '/ws/a/ipsec.conf': `${a}\tleftid=@other.example\n`, '/ws/b/ipsec.conf': `${b}\tleftid=@b.example\n\trightid=@a.example\n` })).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']);
    assert.equal(pairPeers(unrelated.nodes).length, 0);
  });

  it('an ID that differs only by a character that shows as nothing is spelt out in the message', () => {
    const byUri = checkWorkspace(mesh({ '/ws/dk/ipsec.d/fr.conf': DK_FR.replace('@vpn.fr.example', '@vpn.fr\u00ad.example') }));
    const onDk = byUri.get('file:///ws/dk/ipsec.d/fr.conf')?.find((f) => f.code === 'peer-id-mismatch');
    assert.match(onDk?.message ?? '', /rightid "@vpn\.fr<U\+00AD>\.example" is not the peer's own leftid "@vpn\.fr\.example"/);
  });

  it('an ID mismatch is reported on both files with a pointer to the other', () => {
    const byUri = checkWorkspace(mesh({ '/ws/dk/ipsec.d/fr.conf': DK_FR.replace('@vpn.fr.example', '@gw.fr.example') }));
    const onDk = byUri.get('file:///ws/dk/ipsec.d/fr.conf')?.[0];
    const onFr = byUri.get('file:///ws/fr/etc/ipsec.d/server.conf')?.[0];
    assert.equal(onDk?.code, 'peer-id-mismatch');
    assert.equal(onFr?.code, 'peer-id-mismatch');
    assert.equal(onDk?.range.start.line, 2);
    assert.equal(onFr?.range.start.line, 3);
    assert.equal(onDk?.related?.[0].uri, 'file:///ws/fr/etc/ipsec.d/server.conf');
    assert.equal(onFr?.related?.[0].uri, 'file:///ws/dk/ipsec.d/fr.conf');
    assert.match(onDk?.message ?? '', /"@gw\.fr\.example" is not the peer's own leftid "@vpn\.fr\.example"/);
  });

  it('an address mismatch is reported on both files', () => {
    assert.deepEqual(summary({ '/ws/fr/etc/ipsec.d/dk.conf': FR_DK.replace('198.51.100.20', '198.51.100.99') }), [
      '/ws/dk/ipsec.d/server.conf:2 peer-address-mismatch',
      '/ws/fr/etc/ipsec.d/dk.conf:1 peer-address-mismatch',
    ]);
  });

  it('a private address against a public one is taken for NAT, not a mismatch', () => {
    assert.deepEqual(summary({ '/ws/dk/ipsec.d/server.conf': DK_SERVER.replace('left=198.51.100.20', 'left=192.168.1.20') }), []);
  });

  it('%any and %defaultroute are not compared', () => {
    assert.deepEqual(summary({ '/ws/fr/etc/ipsec.d/dk.conf': FR_DK.replace('198.51.100.20', '%any') }), []);
  });

  it('type, authby and pfs must agree; defaults count', () => {
    assert.deepEqual(summary({ '/ws/dk/ipsec.d/server.conf': DK_SERVER.replace('\ttype=transport\n', '') }), [
      '/ws/dk/ipsec.d/fr.conf:0 peer-type-mismatch',
      '/ws/fr/etc/ipsec.d/server.conf:4 peer-type-mismatch',
    ]);
    assert.deepEqual(summary({ '/ws/dk/ipsec.d/server.conf': DK_SERVER.replace('rsasig', 'secret') }), [
      '/ws/dk/ipsec.d/server.conf:1 peer-authby-mismatch',
      '/ws/fr/etc/ipsec.d/server.conf:1 peer-authby-mismatch',
    ]);
    assert.deepEqual(summary({ '/ws/dk/ipsec.d/server.conf': DK_SERVER.replace('rsasig', 'pubkey') }), []);
    assert.deepEqual(summary({ '/ws/dk/ipsec.d/fr.conf': `${DK_FR}\tpfs=no\n`, '/ws/fr/etc/ipsec.d/dk.conf': `${FR_DK}\tpfs=yes\n` }), [
      '/ws/dk/ipsec.d/fr.conf:4 peer-pfs-mismatch',
      '/ws/fr/etc/ipsec.d/dk.conf:4 peer-pfs-mismatch',
    ]);
  });

  it('a conn with no partner in the workspace gets nothing', () => {
    assert.deepEqual(summary({ '/ws/fr/etc/ipsec.d/se.conf': 'conn se\n\tright=203.0.113.5\n\trightid=@vpn.se.example\n\ttype=tunnel\n' }), []);
  });

  it('suppression comments apply to cross-file findings', () => {
    const text = `# ipsec-lint-disable peer-id-mismatch\n${DK_FR.replace('@vpn.fr.example', '@gw.fr.example')}`;
    const found = summary({ '/ws/dk/ipsec.d/fr.conf': text });
    assert.deepEqual(found, ['/ws/fr/etc/ipsec.d/server.conf:3 peer-id-mismatch']);
  });

  it('does not pair one-sidedly with a conn that conns of several gateways suit equally (a test tree of shared addresses)', () => {
    // Three scenario folders each hold a gateway at 192.0.2.1 for 192.0.2.2; one folder holds 192.0.2.2 with a
    // different ID than all of them expect. Which of the three it talks to is unknown: nothing is compared.
    const east = (id: string) => `conn east\n\tleft=192.0.2.1\n\tleftid=@west\n\tright=192.0.2.2\n\trightid=@${id}\n\tauto=add\n`;
    const files: Record<string, string> = {
      '/ws/t1/ipsec.conf': east('east'),
      '/ws/t2/ipsec.conf': east('east'),
      '/ws/t3/ipsec.conf': east('east'),
      '/ws/fuzz/ipsec.conf': 'conn test\n\tleft=192.0.2.2\n\tleftid=@other\n\tright=192.0.2.1\n\tauto=add\n',
    };
    const model = new WorkspaceIndex(new MemoryFiles(files)).model(Object.keys(files));
    assert.deepEqual(pairPeers(model.nodes), []);
    assert.deepEqual([...checkWorkspace(model).values()].flat().map((f) => f.code), []);
  });

  it('still pairs each of one gateway\'s alternative conns with the peer conn they both suit', () => {
    const files: Record<string, string> = {
      '/ws/a/ipsec.conf': 'conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n',
      '/ws/b/ipsec.conf': 'conn a\n\tleft=192.0.2.2\n\tright=192.0.2.1\n\tauto=add\n\nconn a-new\n\tleft=192.0.2.2\n\tright=192.0.2.1\n\ttype=transport\n\tauto=add\n',
    };
    const model = new WorkspaceIndex(new MemoryFiles(files)).model(Object.keys(files));
    assert.deepEqual(pairPeers(model.nodes).map((p) => [p.a.conn.name, p.b.conn.name].sort().join('-')).sort(), ['a-b', 'a-new-b']);
    assert.ok([...checkWorkspace(model).values()].flat().some((f) => f.code === 'peer-type-mismatch'), 'the alternative that differs is still compared');
  });
});
