import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idLocations, idRenameRange, renameId } from '../../../server/src/features/identityReferences';
import type { ParsedDocument } from '../../../server/src/model/document';
import type { FileKind } from '../../../server/src/model/fileKind';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';

const CONF = 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n';
const FILES = {
  '/ws/fr/etc/ipsec.conf': CONF,
  '/ws/fr/etc/ipsec.d/server.conf': 'conn %default\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n\tauthby=secret\n',
  '/ws/fr/etc/ipsec.d/de.conf': 'conn de\n\tright=198.51.100.20\n\trightid=@vpn.de.example\n\tauto=add\n',
  '/ws/fr/etc/ipsec.secrets': '@vpn.fr.example @vpn.de.example : PSK "never-shown-key-material"\n',
  '/ws/de/etc/ipsec.conf': CONF,
  '/ws/de/etc/ipsec.d/server.conf': 'conn %default\n\tleft=198.51.100.20\n\tleftid=@vpn.de.example\n\tauthby=secret\n',
  '/ws/de/etc/ipsec.d/fr.conf': 'conn fr\n\tright=192.0.2.10\n\trightid="@vpn.fr.example"\n\tauto=add\nconn rw\n\tright=%any\n\trightid=%any\n\tauto=add\n',
  '/ws/de/etc/ipsec.secrets': '@vpn.de.example @vpn.fr.example : PSK "never-shown-key-material"\n',
};

function setup() {
  const index = new WorkspaceIndex(new MemoryFiles(FILES));
  const model = index.model(['/ws/de/etc/ipsec.conf', '/ws/fr/etc/ipsec.conf']);
  const doc = (name: string, kind: FileKind = 'ipsec') => index.document(name, kind) as ParsedDocument;
  return { model, doc };
}

const offsetOf = (doc: ParsedDocument, needle: string): number => doc.source.text.indexOf(needle) + 1;
const where = (uri: string, line: number): string => `${uri.replace('file:///ws/', '')}:${line}`;

describe('addresses and IKE identities across gateways: references and rename', () => {
  it('finds a gateway\'s ID in its own leftid=, each peer\'s rightid= (quoted or not) and both secrets files', () => {
    const { model, doc } = setup();
    const server = doc('/ws/fr/etc/ipsec.d/server.conf');
    const found = idLocations(model, server, offsetOf(server, 'vpn.fr')).map((l) => where(l.uri, l.range.start.line)).sort();
    assert.deepEqual(found, ['de/etc/ipsec.d/fr.conf:2', 'de/etc/ipsec.secrets:0', 'fr/etc/ipsec.d/server.conf:2', 'fr/etc/ipsec.secrets:0']);
    // The same list from a selector in ipsec.secrets.
    const secrets = doc('/ws/de/etc/ipsec.secrets', 'ipsec-secrets');
    assert.equal(idLocations(model, secrets, offsetOf(secrets, 'vpn.fr')).length, 4);
  });

  it('renames it everywhere, inside quotes where it had them, and quotes a distinguished name', () => {
    const { model, doc } = setup();
    const peer = doc('/ws/de/etc/ipsec.d/fr.conf');
    const edits = renameId(model, peer, offsetOf(peer, 'vpn.fr'), '@gw.fr.example');
    const texts = [...(edits ?? [])].flatMap(([uri, list]) => list.map((e) => `${where(uri, e.range.start.line)} ${e.newText}`)).sort();
    assert.deepEqual(texts, [
      'de/etc/ipsec.d/fr.conf:2 @gw.fr.example',
      'de/etc/ipsec.secrets:0 @gw.fr.example',
      'fr/etc/ipsec.d/server.conf:2 @gw.fr.example',
      'fr/etc/ipsec.secrets:0 @gw.fr.example',
    ]);
    const range = idRenameRange(peer, offsetOf(peer, 'vpn.fr'));
    assert.deepEqual(range, { start: { line: 2, character: 10 }, end: { line: 2, character: 25 } }, 'inside the quotes');
    const dn = renameId(model, peer, offsetOf(peer, 'vpn.fr'), 'C=FR, O=Example, CN=gw');
    const newTexts = [...(dn ?? [])].flatMap(([, list]) => list.map((e) => e.newText));
    assert.ok(newTexts.includes('"C=FR, O=Example, CN=gw"'), 'quotes added where there were none');
    assert.ok(newTexts.includes('C=FR, O=Example, CN=gw'), 'already quoted: only the text inside changes');
  });

  it('finds a gateway\'s address in its own left= and each peer\'s right=, and moves it with one rename', () => {
    const { model, doc } = setup();
    const server = doc('/ws/fr/etc/ipsec.d/server.conf');
    const offset = offsetOf(server, '192.0.2.10');
    assert.deepEqual(idLocations(model, server, offset).map((l) => where(l.uri, l.range.start.line)).sort(), ['de/etc/ipsec.d/fr.conf:1', 'fr/etc/ipsec.d/server.conf:1']);
    const edits = renameId(model, server, offset, '192.0.2.77');
    assert.deepEqual([...(edits?.keys() ?? [])].map((uri) => uri.replace('file:///ws/', '')).sort(), ['de/etc/ipsec.d/fr.conf', 'fr/etc/ipsec.d/server.conf']);
    assert.equal(idRenameRange(server, offsetOf(server, 'secret')), undefined, 'authby= names no end');
  });

  it('never touches the secret, and offers nothing on placeholders, other keys or a bad new name', () => {
    const { model, doc } = setup();
    const secrets = doc('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets');
    assert.equal(idRenameRange(secrets, offsetOf(secrets, 'never-shown')), undefined);
    const edits = renameId(model, secrets, offsetOf(secrets, 'vpn.de'), '@x');
    for (const list of edits?.values() ?? []) for (const edit of list) assert.ok(edit.range.end.character < 35, 'only selectors are edited');
    const peer = doc('/ws/de/etc/ipsec.d/fr.conf');
    assert.equal(idRenameRange(peer, offsetOf(peer, '%any\n\tauto')), undefined, '%any is no identity');
    assert.equal(idRenameRange(peer, offsetOf(peer, 'auto=add')), undefined, 'auto= names no end');
    assert.equal(renameId(model, peer, offsetOf(peer, 'vpn.fr'), '%any'), undefined);
    assert.equal(renameId(model, peer, offsetOf(peer, 'vpn.fr'), 'has "quote'), undefined);
  });
});
