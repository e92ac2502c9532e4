import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverDocument } from '../../../server/src/features/hover';
import { endHover } from '../../../server/src/features/hover/endHover';
import { idLocations, idRenameRange, renameId } from '../../../server/src/features/identityReferences';
import type { ParsedDocument } from '../../../server/src/model/document';
import { parseDocument } from '../../../server/src/model/parse';
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

describe('a racoon host\'s address across racoon.conf, psk.txt, setkey and its Libreswan peer', () => {
  const R = '192.0.2.40';
  const FILES_WITH_RACOON: Record<string, string> = {
    '/ws/r/etc/racoon/racoon.conf': `path pre_shared_key "/etc/racoon/psk.txt";\nlisten {\n\tisakmp 198.51.100.20 [500];\n}\nremote ${R} {\n\texchange_mode main;\n\tmy_identifier address "198.51.100.20";\n}\nsainfo address 10.2.0.0/24 any address 10.1.0.0/24 any {\n\tencryption_algorithm aes;\n}\n# ${R} in a comment\n`,
    '/ws/r/etc/racoon/psk.txt': `${R}\tEXAMPLE-ONLY-key-material\n`,
    '/ws/r/etc/racoon/setkey.conf': `spdadd 10.2.0.0/24 10.1.0.0/24 any -P out ipsec esp/tunnel/198.51.100.20-${R}/require;\nspdadd ${R}/32 198.51.100.20 any -P in ipsec esp/transport//require;\n`,
    '/ws/lw/etc/ipsec.conf': `config setup\n\tprotostack=netkey\nconn r\n\tleft=198.51.100.9\n\tright=${R}\n\tauthby=secret\n\tauto=add\n`,
    '/ws/lw/etc/ipsec.secrets': `198.51.100.9 ${R} : PSK "EXAMPLE-ONLY-key-material"\n`,
  };

  function racoonSetup() {
    const paths = Object.keys(FILES_WITH_RACOON);
    const index = new WorkspaceIndex(new MemoryFiles(FILES_WITH_RACOON));
    const model = index.model(['/ws/lw/etc/ipsec.conf'], [], paths.filter((p) => p.endsWith('racoon.conf')), paths.filter((p) => p.endsWith('setkey.conf')));
    return { model, doc: (name: string, kind: FileKind) => index.document(name, kind) as ParsedDocument };
  }

  it('finds it in every file that names it, outside comments and keys', () => {
    const { model, doc } = racoonSetup();
    const conf = doc('/ws/lw/etc/ipsec.conf', 'ipsec');
    const found = idLocations(model, conf, offsetOf(conf, R)).map((l) => where(l.uri, l.range.start.line)).sort();
    assert.deepEqual(found, ['lw/etc/ipsec.conf:4', 'lw/etc/ipsec.secrets:0', 'r/etc/racoon/psk.txt:0', 'r/etc/racoon/racoon.conf:4', 'r/etc/racoon/setkey.conf:0', 'r/etc/racoon/setkey.conf:1']);
    const psk = doc('/ws/r/etc/racoon/psk.txt', 'racoon-psk');
    assert.equal(idLocations(model, psk, 2).length, 6, 'the same from psk.txt');
    assert.equal(idRenameRange(psk, offsetOf(psk, 'EXAMPLE')), undefined, 'never on the key');
  });

  it('moves it to a new address in all of them, keeping a prefix, and refuses a host name racoon and setkey cannot read', () => {
    const { model, doc } = racoonSetup();
    const setkey = doc('/ws/r/etc/racoon/setkey.conf', 'setkey');
    const edits = renameId(model, setkey, offsetOf(setkey, R), '192.0.2.99');
    const all = [...(edits ?? [])].flatMap(([uri, list]) => list.map((e) => `${where(uri, e.range.start.line)}:${e.range.start.character}-${e.range.end.character} ${e.newText}`));
    assert.equal(all.length, 6);
    assert.ok(all.includes('r/etc/racoon/setkey.conf:1:7-17 192.0.2.99'), `the host of ${R}/32: ${all.join(', ')}`);
    assert.equal(renameId(model, setkey, offsetOf(setkey, R), 'vpn.example.org'), undefined);
    // The racoon host's own address, in listen, in a quoted identifier and in its policies.
    const racoon = doc('/ws/r/etc/racoon/racoon.conf', 'racoon');
    const own = idLocations(model, racoon, offsetOf(racoon, '198.51.100.20')).map((l) => where(l.uri, l.range.start.line)).sort();
    assert.deepEqual(own, ['r/etc/racoon/racoon.conf:2', 'r/etc/racoon/racoon.conf:6', 'r/etc/racoon/setkey.conf:0', 'r/etc/racoon/setkey.conf:1']);
  });

  it('adds the places to the hover of psk.txt, ipsec.secrets and setkey, below what the file\'s own hover says', () => {
    const { model, doc } = racoonSetup();
    const psk = doc('/ws/r/etc/racoon/psk.txt', 'racoon-psk');
    const onPsk = hoverDocument(psk, 2, model)?.markdown ?? '';
    assert.match(onPsk, /\n\n---\n\n\*\*192\.0\.2\.40\*\*\n\nWritten in 6 places in the workspace/);
    assert.ok(onPsk.indexOf('---') > 0, 'psk.txt\'s own hover first');
    assert.ok(!onPsk.includes('EXAMPLE-ONLY'), 'never the key');
    const secrets = doc('/ws/lw/etc/ipsec.secrets', 'ipsec-secrets');
    assert.match(hoverDocument(secrets, offsetOf(secrets, R), model)?.markdown ?? '', /- `r\/etc\/racoon\/psk\.txt:1` psk\.txt identifier/);
    const setkey = doc('/ws/r/etc/racoon/setkey.conf', 'setkey');
    assert.match(hoverDocument(setkey, offsetOf(setkey, R), model)?.markdown ?? '', /spdadd tunnel end/);
    // Elsewhere in the entry (the type word) only the file's own hover.
    const onType = hoverDocument(secrets, offsetOf(secrets, 'PSK'), model)?.markdown ?? '';
    assert.match(onType, /PSK/);
    assert.doesNotMatch(onType, /Written/);
  });
});

describe('hover on an address or ID', () => {
  it('lists every place that writes it, with what writes it, and marks the one under the cursor', () => {
    const { model, doc } = setup();
    const server = doc('/ws/fr/etc/ipsec.d/server.conf') as ParsedDocument<'ipsec'>;
    const hover = endHover(model, server, offsetOf(server, 'vpn.fr'));
    assert.equal(
      hover?.markdown,
      [
        '**@vpn.fr.example**',
        '',
        'Written in 4 places in the workspace; a rename changes them all:',
        '',
        '- `de/etc/ipsec.d/fr.conf:3` rightid= of conn fr',
        '- `de/etc/ipsec.secrets:1` secrets selector',
        '- `fr/etc/ipsec.d/server.conf:3` leftid= of conn %default (here)',
        '- `fr/etc/ipsec.secrets:1` secrets selector',
      ].join('\n'),
    );
    assert.equal(endHover(model, server, offsetOf(server, 'authby')), undefined);
    const lonely = parseDocument('file:///ws/x/ipsec.secrets', '@lonely.example : PSK "EXAMPLE-ONLY-key"\n', 'ipsec-secrets');
    assert.match(endHover(model, lonely, 3)?.markdown ?? '', /Written only here in the workspace\.$/);
    assert.equal(endHover(model, lonely, 3, { onlyWhenShared: true }), undefined);
    const peer = doc('/ws/de/etc/ipsec.d/fr.conf') as ParsedDocument<'ipsec'>;
    assert.equal(hoverDocument(peer, offsetOf(peer, '%any'), model), undefined, 'a placeholder gets no list');
    assert.match(hoverDocument(peer, offsetOf(peer, 'vpn.fr'), model)?.markdown ?? '', /^\*\*@vpn\.fr\.example\*\*\n\nWritten in 4 places/, 'served by the hover of ipsec.conf');
  });
});

describe('spellings the daemons take as one ID', () => {
  const DN_FILES = {
    '/ws/fr/etc/ipsec.conf': CONF,
    '/ws/fr/etc/ipsec.d/server.conf': 'conn %default\n\tleft=192.0.2.10\n\tleftid="C=FR, O=Example, CN=vpn.fr"\n\tauthby=rsasig\n',
    '/ws/fr/etc/ipsec.d/de.conf': 'conn de\n\tright=2001:DB8::20\n\trightid=@VPN.de.example\n\tauto=add\n',
    '/ws/de/etc/ipsec.conf': CONF,
    '/ws/de/etc/ipsec.d/server.conf': 'conn %default\n\tleft=2001:db8:0::20\n\tleftid=@vpn.de.example\n\tauthby=rsasig\n',
    '/ws/de/etc/ipsec.d/fr.conf': 'conn fr\n\tright=192.0.2.10\n\trightid="c=FR,o=Example,cn=vpn.fr"\n\tauto=add\nconn other\n\tright=192.0.2.99\n\trightid="C=FR, O=Example, CN=vpn.fr.old"\n\tauto=add\n',
  };

  it('gathers a distinguished name written with other blanks or attribute case, an @-name in other case, and an address in another spelling', () => {
    const index = new WorkspaceIndex(new MemoryFiles(DN_FILES));
    const model = index.model(['/ws/de/etc/ipsec.conf', '/ws/fr/etc/ipsec.conf']);
    const doc = (name: string) => index.document(name, 'ipsec') as ParsedDocument;
    const lines = (name: string, needle: string) => {
      const document = doc(name);
      return idLocations(model, document, offsetOf(document, needle)).map((l) => where(l.uri, l.range.start.line)).sort();
    };
    assert.deepEqual(lines('/ws/fr/etc/ipsec.d/server.conf', 'C=FR'), ['de/etc/ipsec.d/fr.conf:2', 'fr/etc/ipsec.d/server.conf:2'], 'not the other DN, which only starts alike');
    assert.deepEqual(lines('/ws/de/etc/ipsec.d/server.conf', 'vpn.de'), ['de/etc/ipsec.d/server.conf:2', 'fr/etc/ipsec.d/de.conf:2']);
    assert.deepEqual(lines('/ws/fr/etc/ipsec.d/de.conf', 'DB8'), ['de/etc/ipsec.d/server.conf:1', 'fr/etc/ipsec.d/de.conf:1']);
    // A rename then writes the new text in each spelling's place.
    const server = doc('/ws/fr/etc/ipsec.d/server.conf');
    const edits = renameId(model, server, offsetOf(server, 'C=FR'), 'C=FR, O=Example, CN=gw.fr');
    assert.deepEqual([...(edits ?? [])].flatMap(([uri, list]) => list.map((e) => `${where(uri, e.range.start.line)} ${e.newText}`)).sort(), [
      'de/etc/ipsec.d/fr.conf:2 C=FR, O=Example, CN=gw.fr',
      'fr/etc/ipsec.d/server.conf:2 C=FR, O=Example, CN=gw.fr',
    ]);
  });

  it('keeps apart a name with @ and without, which Libreswan and Openswan look up in DNS', () => {
    const index = new WorkspaceIndex(new MemoryFiles({
      '/ws/a/ipsec.conf': 'conn b\n\tleft=192.0.2.1\n\tleftid=@vpn.a.example\n\tright=192.0.2.2\n\tauto=add\nconn c\n\tleft=192.0.2.1\n\tleftid=vpn.a.example\n\tright=192.0.2.3\n\tauto=add\n',
    }));
    const model = index.model(['/ws/a/ipsec.conf']);
    const document = index.document('/ws/a/ipsec.conf', 'ipsec') as ParsedDocument;
    assert.deepEqual(idLocations(model, document, offsetOf(document, '@vpn.a')).map((l) => l.range.start.line), [2]);
    assert.deepEqual(idLocations(model, document, document.source.text.indexOf('=vpn.a') + 2).map((l) => l.range.start.line), [7]);
  });
});
