import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { completeDocument, type CompletionEntry } from '../../../server/src/features/completion';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { caret } from '../../helpers';
import { exampleFiles } from './exampleFiles';
import { MemoryFiles } from '../workspace/memoryFiles';

function completeAt(filePath: string, textWithCaret: string, edits: Record<string, string> = {}): CompletionEntry[] {
  const { text, offset } = caret(textWithCaret);
  const index = new WorkspaceIndex(new MemoryFiles({ ...exampleFiles(['fr', 'de']), ...edits, [filePath]: text }));
  const model = index.model(['/ws/fr/etc/ipsec.conf', '/ws/de/etc/ipsec.conf']);
  const document = index.document(filePath, 'ipsec');
  assert.ok(document);
  return completeDocument(document, document.source.positionAt(offset), model, pathToFileURL(filePath).href);
}

const DE_FR = '/ws/de/etc/ipsec.d/fr.conf';
const FR_CONN = (idLine: string) => `conn fr\n\tright=192.0.2.20\n\trightcert=_fr_VPNGateway_0.der\n\t${idLine}\n\tauto=add\n`;

describe('IDs offered after leftid= and rightid=', () => {
  it("offers the peer's own leftid first, then what the certificate carries, each with where it comes from", () => {
    const entries = completeAt(DE_FR, FR_CONN('rightid=|'));
    assert.deepEqual(
      entries.map((e) => e.label),
      ['@vpn.fr.example', '"C=FR, O=Example NCP of France, OU=VPN, CN=vpn.fr.example"'],
    );
    assert.match(entries[0].detail ?? '', /what the peer presents: leftid of conn de in fr\/etc\/ipsec\.d\/(server|de)\.conf/);
    assert.equal(entries[1].detail, 'subject of _fr_VPNGateway_0.der');
    assert.equal(entries[0].kind, 'value');
  });

  it('replaces what is typed, and offers the certificate IDs without a peer', () => {
    const entries = completeAt(DE_FR, FR_CONN('rightid=@vp|'), { '/ws/fr/etc/ipsec.conf': 'config setup\n' });
    assert.deepEqual(entries.map((e) => [e.label, e.detail]), [
      ['@vpn.fr.example', 'DNS name in _fr_VPNGateway_0.der'],
      ['"C=FR, O=Example NCP of France, OU=VPN, CN=vpn.fr.example"', 'subject of _fr_VPNGateway_0.der'],
    ]);
    assert.deepEqual(entries[0].range.start.character, 9);
  });

  it('for leftid offers our own certificate and what the peer expects of us', () => {
    const entries = completeAt('/ws/de/etc/ipsec.d/fr.conf', 'conn fr\n\tright=192.0.2.20\n\trightid=@vpn.fr.example\n\tleftid=|\n');
    assert.deepEqual(entries.map((e) => [e.label, e.detail]), [
      ['@vpn.de.example', 'what the peer expects: rightid of conn de in fr/etc/ipsec.d/de.conf'],
      ['"C=DE, O=Example NCP of Germany, OU=VPN, CN=vpn.de.example"', 'subject of _de_VPNGateway_0.der'],
    ]);
  });

  it('offers nothing special in %default, in a quoted value, or for a conn without certificate or peer', () => {
    assert.deepEqual(completeAt('/ws/de/etc/ipsec.d/x.conf', 'conn %default\n\trightid=|\n').map((e) => e.label), []);
    assert.deepEqual(completeAt(DE_FR, FR_CONN('rightid="C=FR|')).map((e) => e.label), []);
    assert.deepEqual(completeAt('/ws/de/etc/ipsec.d/x.conf', 'conn x\n\tright=198.51.100.99\n\trightid=|\n').map((e) => e.label), []);
  });
});
