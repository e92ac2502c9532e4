import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeSecretValue } from '../../../server/src/features/describe/secrets';
import { hoverDocument } from '../../../server/src/features/hover';
import type { FileKind } from '../../../server/src/model/fileKind';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';

/** Secrets no hover may ever contain, in whole or in part. */
const MARKERS = ['MARKER-PSK-4711', 'MARKER-PASSPHRASE-0815', 'MARKERXAUTH', '0xDEADBEEFCAFE', 'MARKER PSK WITH BLANKS', 'MARKER-RAW-KEY-9', 'MARKER-NO-COLON-5', 'MARKER-LONE-KEY-6'];

const SECRETS = [
  '# gateway secrets',
  `@vpn.fr.example @vpn.dk.example : PSK "${MARKERS[0]}"`,
  `: RSA vpn-server.key "${MARKERS[1]}"`,
  ': RSA other.key %prompt',
  `carol : XAUTH ${MARKERS[2]}`,
  '192.0.2.9 : PSK 0sTUFSS0VSLWJhc2U2NA==',
  `@raw : RSA {`,
  `\tModulus: 0s${MARKERS[5]}`,
  '\t}',
  `"${MARKERS[6]}"`,
  'include /etc/ipsec.d/*.secrets',
  '',
].join('\n');

const PSK_TXT = `# peers\n192.0.2.2\t${MARKERS[4]}\nvpn.peer.example ${MARKERS[3]}\n${MARKERS[7]}\n`;

const FILES = {
  '/ws/fr/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\nconn dk\n\tleft=192.0.2.1\n\tleftid=@vpn.fr.example\n\tright=198.51.100.2\n\trightid=@vpn.dk.example\n\tauthby=secret\n',
  '/ws/fr/etc/ipsec.secrets': SECRETS,
  '/ws/fr/etc/ipsec.d/private/vpn-server.key': 'MARKER-KEY-FILE-CONTENT',
  '/ws/h/etc/racoon/racoon.conf': 'remote 192.0.2.2 {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group modp2048;\n\t}\n}\n',
  '/ws/h/etc/racoon/psk.txt': PSK_TXT,
  '/ws/h/etc/ipsec.secrets': '@a @b : psk "MARKER-LOWER-CASE-TYPE"\n',
};

function setup() {
  const index = new WorkspaceIndex(new MemoryFiles(FILES));
  const model = index.model(['/ws/fr/etc/ipsec.conf'], [], ['/ws/h/etc/racoon/racoon.conf']);
  const hover = (filePath: string, kind: FileKind, needle: string, shift = 1): string => {
    const document = index.document(filePath, kind);
    assert.ok(document);
    const offset = document.source.text.indexOf(needle);
    assert.ok(offset >= 0, needle);
    return hoverDocument(document, offset + shift, model)?.markdown ?? '';
  };
  const everyHover = (filePath: string, kind: FileKind): string[] => {
    const document = index.document(filePath, kind);
    assert.ok(document);
    const texts: string[] = [];
    for (let offset = 0; offset <= document.source.text.length; offset++) texts.push(hoverDocument(document, offset, model)?.markdown ?? '');
    return texts;
  };
  return { hover, everyHover };
}

describe('hover in ipsec.secrets and psk.txt', () => {
  it('never shows a secret, a passphrase or a key, wherever the cursor is', () => {
    const { everyHover } = setup();
    const texts = [...everyHover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets'), ...everyHover('/ws/h/etc/racoon/psk.txt', 'racoon-psk')];
    assert.ok(texts.filter((t) => t.length > 0).length > 20, 'hovers were produced');
    for (const text of texts) {
      for (const marker of [...MARKERS, 'MARKER-KEY-FILE-CONTENT', 'TUFSS0VSLWJhc2U2NA']) {
        assert.ok(!text.includes(marker) && !text.includes(marker.slice(0, 10)), `${marker} in:\n${text}`);
      }
    }
  });

  it('describes the selectors of an entry and the conns naming them', () => {
    const { hover } = setup();
    const selector = hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', '@vpn.dk.example');
    assert.match(selector, /\*\*@vpn\.dk\.example\*\*: a host name ID, compared as written/);
    assert.match(selector, /its own \(`leftid`, else `left`\) and its peer's \(`rightid`, else `right`\)/);
    assert.match(selector, /Named by conn dk \(rightid\) in this gateway\./);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', '192.0.2.9'), /an IP address/);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', 'carol'), /The user name \(identity\) this password belongs to/);
  });

  it('describes the secret types and the parts after them by role', () => {
    const { hover } = setup();
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', 'PSK "'), /^\*\*PSK\*\* secret \(ipsec\.secrets\)\n\nPre-shared key/);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', MARKERS[0]), /^\*\*The pre-shared key\*\* \(not shown\)\n\nWritten as a quoted string\./);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', 'vpn-server.key'), /\*\*Private key file\*\* `\/etc\/ipsec\.d\/private\/vpn-server\.key`[\s\S]*The file exists in this gateway/);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', MARKERS[1]), /^\*\*Passphrase\*\* of the key file \(not shown\)/);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', 'other.key'), /This file does not exist in this gateway/);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', '%prompt'), /asks for the passphrase/);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', '0sTUF'), /Written in base64/);
    assert.match(describeSecretValue({ kind: 'secret', type: 'PSK', form: 'text' }), /Written as text to the end of the line \(`0t…`\)/);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', MARKERS[2]), /^\*\*The XAUTH password\*\* \(not shown\)\n\nWritten as a bare word, which strongSwan takes as it is and Libreswan and Openswan refuse/);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', 'include'), /Reads the entries of another secrets file/);
    assert.match(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', 'Modulus'), /^\*\*Raw RSA key\*\* \(not shown\)/);
    assert.equal(hover('/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', MARKERS[6]), '', 'a line without `:` is no entry');
    assert.match(hover('/ws/h/etc/ipsec.secrets', 'ipsec-secrets', 'psk'), /^\*\*PSK\*\* secret[\s\S]*Written `psk`: strongSwan only reads `PSK`\./);
  });

  it('explains what the psk.txt identifier is matched against and which remote uses it', () => {
    const { hover } = setup();
    const identifier = hover('/ws/h/etc/racoon/psk.txt', 'racoon-psk', '192.0.2.2');
    assert.match(identifier, /in main mode the peer's IP address/);
    assert.match(identifier, /Used by `remote 192\.0\.2\.2` in racoon\.conf\./);
    assert.match(hover('/ws/h/etc/racoon/psk.txt', 'racoon-psk', 'vpn.peer.example'), /No `remote` block of racoon\.conf is written with this address/);
    assert.match(hover('/ws/h/etc/racoon/psk.txt', 'racoon-psk', MARKERS[4]), /^\*\*Pre-shared key\*\* \(not shown\)\n\nEverything after the blanks/);
    assert.match(hover('/ws/h/etc/racoon/psk.txt', 'racoon-psk', MARKERS[3]), /reads the rest as hexadecimal/);
    assert.match(hover('/ws/h/etc/racoon/psk.txt', 'racoon-psk', MARKERS[7]), /^\*\*A line with one word\*\*/);
  });
});
