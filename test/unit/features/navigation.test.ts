import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connHover } from '../../../server/src/features/connHover';
import { connDefinition, connReferences, documentLinks, renameConn, workspaceSymbols } from '../../../server/src/features/navigation';
import type { ParsedDocument } from '../../../server/src/model/document';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';

const FILES = {
  '/ws/n/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  '/ws/n/etc/ipsec.d/base.conf': 'conn %default\n\tkeyingtries=1\nconn roadwarrior\n\tleft=%defaultroute\n\tleftcert=gw.der\n\tright=%any\n',
  '/ws/n/etc/ipsec.d/l2tp.conf': 'conn l2tp\n\tleftprotoport=17/1701\n\talso=roadwarrior\nconn mac\n\talso=roadwarrior\n',
  '/ws/n/etc/ipsec.d/certs/gw.der': 'not really a certificate',
};

function setup() {
  const index = new WorkspaceIndex(new MemoryFiles(FILES));
  const model = index.model(['/ws/n/etc/ipsec.conf']);
  const doc = (name: string) => index.document(name, 'ipsec') as ParsedDocument<'ipsec'>;
  return { model, doc };
}

function offsetOf(doc: ParsedDocument<'ipsec'>, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = doc.source.text.indexOf(needle, at + 1);
  return at + 1;
}

describe('conn navigation', () => {
  it('goes from also= to the conn definition in another file', () => {
    const { model, doc } = setup();
    const l2tp = doc('/ws/n/etc/ipsec.d/l2tp.conf');
    const [location] = connDefinition(model, l2tp, offsetOf(l2tp, 'roadwarrior'));
    assert.equal(location.uri, 'file:///ws/n/etc/ipsec.d/base.conf');
    assert.deepEqual(location.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 16 } });
  });

  it('finds every also= reference, with or without the declaration', () => {
    const { model, doc } = setup();
    const base = doc('/ws/n/etc/ipsec.d/base.conf');
    const offset = offsetOf(base, 'roadwarrior');
    assert.equal(connReferences(model, base, offset, true).length, 3);
    assert.equal(connReferences(model, base, offset, false).length, 2);
  });

  it('renames a conn and its also= references across files, refusing invalid names', () => {
    const { model, doc } = setup();
    const base = doc('/ws/n/etc/ipsec.d/base.conf');
    const edits = renameConn(model, base, offsetOf(base, 'roadwarrior'), 'rw');
    assert.equal(edits?.get('file:///ws/n/etc/ipsec.d/base.conf')?.length, 1);
    assert.equal(edits?.get('file:///ws/n/etc/ipsec.d/l2tp.conf')?.length, 2);
    assert.equal(renameConn(model, base, offsetOf(base, 'roadwarrior'), 'has space'), undefined);
    assert.equal(renameConn(model, base, offsetOf(base, 'keyingtries'), 'x'), undefined);
  });

  it('links includes and certificate names to files that exist', () => {
    const { model, doc } = setup();
    const base = doc('/ws/n/etc/ipsec.d/base.conf');
    const links = documentLinks(model, base, '/ws/n/etc/ipsec.d/base.conf');
    assert.deepEqual(links.map((l) => l.target), ['file:///ws/n/etc/ipsec.d/certs/gw.der']);
    const conf = doc('/ws/n/etc/ipsec.conf');
    assert.deepEqual(documentLinks(model, conf, '/ws/n/etc/ipsec.conf'), [], 'globs are not linked');
  });

  it('lists conns of every node as workspace symbols', () => {
    const { model } = setup();
    assert.deepEqual(workspaceSymbols(model, 'RO').map((s) => s.name), ['roadwarrior']);
    assert.equal(workspaceSymbols(model, '').length, 3);
  });

  it('lists the identity each gateway presents, so a peer\'s ID leads to the gateway that owns it', () => {
    const files = { ...FILES, '/ws/n/etc/ipsec.d/base.conf': FILES['/ws/n/etc/ipsec.d/base.conf'].replace('\tkeyingtries=1\n', '\tkeyingtries=1\n\tleftid=@gw.n.example\n\trightid=@peer.example\n') };
    const model = new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/n/etc/ipsec.conf']);
    const found = workspaceSymbols(model, 'N.EXAMPLE');
    assert.deepEqual(found.map((s) => `${s.kind} ${s.name} ${s.containerName}`), ['identity @gw.n.example /ws/n/etc/ipsec.conf (leftid= of conn %default)']);
    assert.equal(found[0].location.range.start.line, 2);
    assert.deepEqual(workspaceSymbols(model, 'peer.example'), [], 'a rightid is what a peer presents, not this gateway');
  });

  it('hovers a conn name with its effective settings and their origins', () => {
    const { model, doc } = setup();
    const l2tp = doc('/ws/n/etc/ipsec.d/l2tp.conf');
    const hover = connHover(model, l2tp, offsetOf(l2tp, 'l2tp'));
    assert.ok(hover);
    assert.match(hover.markdown, /leftprotoport=17\/1701\s+# l2tp\.conf:2/);
    assert.match(hover.markdown, /right=%any\s+# also, base\.conf:6/);
    assert.match(hover.markdown, /keyingtries=1\s+# %default, base\.conf:2/);
    assert.match(hover.markdown, /No peer for this conn/);
    assert.doesNotMatch(hover.markdown, /not set/, 'protostack=netkey leaves the daemon open: its built-in proposals are not known');
  });

  it("adds what Libreswan offers for the proposal lists a conn leaves out, on a gateway pinned to it", () => {
    const files = { '/ws/l/ipsec.conf': '# ipsec-dialect: libreswan-5.2\nconfig setup\nconn tun\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tesp=aes_gcm256-null\n' };
    const index = new WorkspaceIndex(new MemoryFiles(files));
    const doc = index.document('/ws/l/ipsec.conf', 'ipsec') as ParsedDocument<'ipsec'>;
    const hover = connHover(index.model(['/ws/l/ipsec.conf']), doc, offsetOf(doc, 'tun'));
    assert.ok(hover);
    assert.match(hover.markdown, /# ike= not set: Libreswan's built-in IKEv2 proposals, AES-GCM or AES-CBC of 256 or 128 bits, .*; from 5\.0 also ChaCha20-Poly1305\n/);
    assert.doesNotMatch(hover.markdown, /esp= not set/);
  });
});
