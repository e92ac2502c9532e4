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
  const index = new WorkspaceIndex(new MemoryFiles({ ...exampleFiles(['fr', 'de', 'dk']), ...edits, [filePath]: text }));
  const model = index.model(['/ws/fr/etc/ipsec.conf', '/ws/de/etc/ipsec.conf', '/ws/dk/ipsec.conf']);
  const document = index.document(filePath, 'ipsec');
  assert.ok(document);
  return completeDocument(document, document.source.positionAt(offset), model, pathToFileURL(filePath).href);
}

const labelsAndDetails = (entries: readonly CompletionEntry[]) => entries.map((e) => [e.label, e.detail]);

describe('addresses and subnets offered after left=, right=, leftsubnet= and rightsubnet=', () => {
  it("right=: the peer's own left= first, then every other gateway's own address", () => {
    const entries = completeAt('/ws/de/etc/ipsec.d/fr.conf', 'conn fr\n\tright=|\n\trightid=@vpn.fr.example\n\tauto=add\n');
    assert.deepEqual(entries.map((e) => e.label), ['192.0.2.20', '198.51.100.137']);
    assert.match(entries[0].detail ?? '', /^the peer's left=: conn de in fr\/etc\/ipsec\.d\/(de|server)\.conf$/);
    assert.match(entries[1].detail ?? '', /^gateway dk's own address \(left= of conn \w+\)$/);
    assert.ok((entries[0].sortText ?? '') < (entries[1].sortText ?? ''));
  });

  it('right= in a conn to a peer not written yet offers every other gateway, and never this one or a %-word', () => {
    const entries = completeAt('/ws/de/etc/ipsec.d/se.conf', 'conn se\n\tright=19|\n\tauto=add\n');
    assert.deepEqual(labelsAndDetails(entries).map(([label]) => label).sort(), ['192.0.2.20', '198.51.100.137']);
    assert.ok(entries.every((e) => e.detail?.startsWith('gateway ')));
    assert.deepEqual(entries[0].range, { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } });
  });

  it("left=: what the peer expects of this gateway, and the address its other conns give it", () => {
    const entries = completeAt('/ws/fr/etc/ipsec.d/de.conf', 'conn de\n\tleft=|\n\tright=203.0.113.50\n\trightid=@vpn.de.example\n\tauto=add\n');
    assert.equal(entries[0].label, '192.0.2.20');
    assert.ok(entries.every((e) => !e.label.startsWith('203.0.113.50')), 'not the peer\'s address');
  });

  it("rightsubnet= and leftsubnet=: the peer's subnet of the other end; nothing in conn %default", () => {
    const frDe = { '/ws/fr/etc/ipsec.d/de.conf': 'conn de\n\tright=203.0.113.50\n\trightid=@vpn.de.example\n\trightcert=_de_VPNGateway_0.der\n\tleftsubnet=10.20.0.0/16\n\trightsubnet=10.49.0.0/16\n\tauto=add\n' };
    const conn = (line: string) => `conn fr\n\tright=192.0.2.20\n\trightid=@vpn.fr.example\n\trightcert=_fr_VPNGateway_0.der\n\t${line}\n\tauto=add\n`;
    assert.deepEqual(labelsAndDetails(completeAt('/ws/de/etc/ipsec.d/fr.conf', conn('rightsubnet=|'), frDe)), [['10.20.0.0/16', "the peer's leftsubnet=: conn de in fr/etc/ipsec.d/de.conf"]]);
    assert.deepEqual(completeAt('/ws/de/etc/ipsec.d/fr.conf', conn('leftsubnet=|'), frDe).map((e) => e.label), ['10.49.0.0/16']);
    assert.deepEqual(completeAt('/ws/de/etc/ipsec.d/fr.conf', conn('rightsubnet=|')), []);
    assert.deepEqual(completeAt('/ws/de/etc/ipsec.d/fr.conf', 'conn %default\n\tright=|\n'), []);
  });

  it("rightprotoport= and leftprotoport=: the peer's selector of that end, which must be the same", () => {
    const frDe = { '/ws/fr/etc/ipsec.d/de.conf': 'conn de\n\tright=203.0.113.50\n\trightid=@vpn.de.example\n\trightcert=_de_VPNGateway_0.der\n\tleftprotoport=17/1701\n\trightprotoport=17/%any\n\tauto=add\n' };
    const conn = (line: string) => `conn fr\n\tright=192.0.2.20\n\trightid=@vpn.fr.example\n\trightcert=_fr_VPNGateway_0.der\n\t${line}\n\tauto=add\n`;
    assert.deepEqual(labelsAndDetails(completeAt('/ws/de/etc/ipsec.d/fr.conf', conn('rightprotoport=17/|'), frDe)), [['17/1701', "the peer's leftprotoport=: conn de in fr/etc/ipsec.d/de.conf"]]);
    assert.deepEqual(completeAt('/ws/de/etc/ipsec.d/fr.conf', conn('leftprotoport=|'), frDe).map((e) => e.label), ['17/%any']);
    assert.deepEqual(completeAt('/ws/de/etc/ipsec.d/fr.conf', conn('leftprotoport=|')), []);
  });
});

describe("the peer's value of a setting both ends must agree on", () => {
  const frDe = (lines: string) => ({ '/ws/fr/etc/ipsec.d/de.conf': `conn de\n\tright=203.0.113.50\n\trightid=@vpn.de.example\n\trightcert=_de_VPNGateway_0.der\n${lines}\tauto=add\n` });
  const conn = (line: string) => `conn fr\n\tright=192.0.2.20\n\trightid=@vpn.fr.example\n\trightcert=_fr_VPNGateway_0.der\n\t${line}\n\tauto=add\n`;

  it('pfs=: the peer\'s word first, and not again among the words the daemon takes', () => {
    const entries = completeAt('/ws/de/etc/ipsec.d/fr.conf', conn('pfs=|'), frDe('\tpfs=no\n'));
    assert.deepEqual(labelsAndDetails(entries)[0], ['no', "the peer's pfs=: conn de in fr/etc/ipsec.d/de.conf"]);
    assert.equal(entries.filter((e) => e.label === 'no').length, 1);
    assert.ok(entries.some((e) => e.label === 'yes'));
  });

  it("ike=: the peer's whole list where the value starts, then the algorithm words; only the words further on", () => {
    const peer = frDe('\tike=aes256-sha2_256-modp2048\n');
    const entries = completeAt('/ws/de/etc/ipsec.d/fr.conf', conn('ike=|'), peer);
    assert.deepEqual(labelsAndDetails(entries)[0], ['aes256-sha2_256-modp2048', "the peer's ike=: conn de in fr/etc/ipsec.d/de.conf"]);
    assert.ok(entries.length > 1, 'the algorithm words follow');
    assert.ok(completeAt('/ws/de/etc/ipsec.d/fr.conf', conn('ike=aes256-|'), peer).every((e) => e.label !== 'aes256-sha2_256-modp2048'));
  });

  it('offers nothing of the peer where its gateway may run another daemon, which spells the values otherwise', () => {
    const strongswanFr = { ...frDe('\tpfs=no\n'), '/ws/fr/etc/ipsec.conf': `# ipsec-dialect: strongswan\n${exampleFiles(['fr'])['/ws/fr/etc/ipsec.conf']}` };
    const entries = completeAt('/ws/de/etc/ipsec.d/fr.conf', conn('pfs=|'), strongswanFr);
    assert.ok(entries.every((e) => !e.detail?.startsWith("the peer's")));
  });
});
