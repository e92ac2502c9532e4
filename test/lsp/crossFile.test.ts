import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';
import { writeWorkspace } from './tempWorkspace';
import { TWO_GATEWAYS } from './twoGateways';

const FILES = TWO_GATEWAYS;

describe('cross-file diagnostics over LSP', () => {
  let client: LspTestClient;
  let root: string;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;

  before(async () => {
    root = writeWorkspace('ipsec-ws-', FILES);
    client = new LspTestClient();
    await client.initializeWorkspace(root, { textDocument: { publishDiagnostics: {} } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('editing DK server.conf leftid makes FR dk.conf (not open) show the mismatch, and fixing it clears it', async () => {
    const dkServer = uri('dk/ipsec.d/server.conf');
    await client.open(dkServer, 'ipsec', FILES['dk/ipsec.d/server.conf'].replace('@vpn.dk.example', '@gw.dk.example'));
    const onFr = await client.waitForDiagnostics(uri('fr/etc/ipsec.d/dk.conf'), (p) => p.diagnostics.some((d) => d.code === 'peer-id-mismatch'));
    const diagnostic = onFr.diagnostics.find((d) => d.code === 'peer-id-mismatch');
    assert.equal(diagnostic?.relatedInformation?.[0].location.uri, dkServer);
    const onDk = await client.waitForDiagnostics(dkServer, (p) => p.diagnostics.some((d) => d.code === 'peer-id-mismatch'));
    // The fix that settles the ID across the workspace edits the closed file France keeps for Denmark.
    const mismatch = onDk.diagnostics.find((d) => d.code === 'peer-id-mismatch');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: dkServer },
      range: mismatch!.range,
      context: { diagnostics: [mismatch] },
    })) as Array<{ title: string; edit?: { changes?: Record<string, Array<{ newText: string }>> } }>;
    const expect = actions.find((a) => a.title.startsWith('Expect "@gw.dk.example" wherever "@vpn.dk.example" is written'));
    assert.deepEqual(Object.entries(expect?.edit?.changes ?? {}).map(([target, edits]) => [target, edits.map((e) => e.newText)]), [[uri('fr/etc/ipsec.d/dk.conf'), ['@gw.dk.example']]]);
    await client.change(dkServer, 2, FILES['dk/ipsec.d/server.conf']);
    await client.waitForDiagnostics(uri('fr/etc/ipsec.d/dk.conf'), (p) => p.diagnostics.length === 0);
    await client.waitForDiagnostics(dkServer, (p) => p.version === 2 && p.diagnostics.length === 0);
  });

  it('answers hover, definition, references, rename and workspace symbols for conn names', async () => {
    const dkConf = uri('fr/etc/ipsec.d/dk.conf');
    await client.open(dkConf, 'ipsec', `${FILES['fr/etc/ipsec.d/dk.conf']}conn dk-l2tp\n\talso=dk\n`);
    const position = { line: 5, character: 7 };
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: dkConf }, position })) as { contents: { value: string } };
    assert.match(hover.contents.value, /rightid=@vpn\.dk\.example/);
    assert.match(hover.contents.value, /Peer: conn fr in dk/);
    const definition = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: dkConf }, position })) as Array<{ range: { start: { line: number } } }>;
    assert.equal(definition[0].range.start.line, 0);
    const references = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri: dkConf }, position, context: { includeDeclaration: true } })) as unknown[];
    assert.equal(references.length, 2);
    const rename = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: dkConf }, position, newName: 'denmark' })) as { changes: Record<string, unknown[]> };
    assert.equal(rename.changes[dkConf].length, 2);
    const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'dk' })) as Array<{ name: string; kind: number }>;
    // The conns, and Denmark's own ID (a constant).
    assert.deepEqual(symbols.map((s) => `${s.name} ${s.kind}`).sort(), ['@vpn.dk.example 14', 'dk 11', 'dk-l2tp 11']);
  });

  it('finds and renames a gateway\'s ID across both gateways from its leftid=', async () => {
    const frServer = uri('fr/etc/ipsec.d/server.conf');
    await client.open(frServer, 'ipsec', FILES['fr/etc/ipsec.d/server.conf']);
    const position = { line: 2, character: 12 };
    const prepared = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: frServer }, position })) as { start: { character: number }; end: { character: number } };
    assert.deepEqual([prepared.start.character, prepared.end.character], [8, 23]);
    const references = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri: frServer }, position, context: { includeDeclaration: true } })) as Array<{ uri: string }>;
    assert.deepEqual(references.map((r) => r.uri).sort(), [uri('dk/ipsec.d/fr.conf'), frServer]);
    const rename = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: frServer }, position, newName: '@gw.fr.example' })) as { changes: Record<string, Array<{ newText: string }>> };
    assert.deepEqual(Object.keys(rename.changes).sort(), [uri('dk/ipsec.d/fr.conf'), frServer]);
    assert.equal(rename.changes[uri('dk/ipsec.d/fr.conf')][0].newText, '@gw.fr.example');
    const highlights = (await client.connection.sendRequest('textDocument/documentHighlight', { textDocument: { uri: frServer }, position })) as Array<{ range: { start: { line: number } } }>;
    assert.deepEqual(highlights.map((h) => h.range.start.line), [2]);
  });

  it('shows peers in code lenses and the peer matrix, and drafts a new peer connection', async () => {
    const dkConf = uri('fr/etc/ipsec.d/dk.conf');
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: dkConf } })) as Array<{ command: { title: string } }>;
    assert.equal(lenses[0].command.title, 'peer: dk conn fr ✓');
    const matrix = (await client.connection.sendRequest('ipsec/peerMatrix')) as { nodes: string[]; cells: Array<{ node: string; conn: string; status: string }> };
    assert.deepEqual(matrix.nodes.sort(), ['dk', 'fr']);
    assert.equal(matrix.cells.find((c) => c.node === 'fr' && c.conn === 'dk')?.status, 'ok');
    const effective = (await client.connection.sendRequest('ipsec/effectiveConnection', { uri: dkConf, position: { line: 0, character: 6 } })) as { text: string };
    assert.match(effective.text, /^conn dk\n/);
    const dialect = (await client.connection.sendRequest('ipsec/dialect', { uri: dkConf })) as { label: string; tooltip: string };
    assert.equal(dialect.label, 'IPsec: dialect?');
    const draft = (await client.connection.sendRequest('ipsec/newPeerConnection', { uri: dkConf, countryCode: 'SE', peerAddress: '203.0.113.9', peerId: '@vpn.se.example' })) as { filePath: string; text: string };
    assert.equal(draft.filePath, path.join(root, 'fr/etc/ipsec.d/se.conf'));
    assert.equal(draft.text, 'conn se\n\tright=203.0.113.9\n\trightid=@vpn.se.example\n\tauto=add\n\tpfs=yes\n');
  });

  it('answers the lenses and the matrix anew after each edit, and the same in between', async () => {
    const dkConf = uri('fr/etc/ipsec.d/dk.conf');
    const dkServer = uri('dk/ipsec.d/server.conf');
    const lensTitle = async () => ((await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: dkConf } })) as Array<{ command: { title: string } }>)[0].command.title;
    const status = async () => ((await client.connection.sendRequest('ipsec/peerMatrix')) as { cells: Array<{ node: string; conn: string; status: string }> }).cells.find((c) => c.node === 'fr' && c.conn === 'dk')?.status;
    assert.deepEqual([await lensTitle(), await status()], ['peer: dk conn fr ✓', 'ok']);
    await client.change(dkServer, 3, FILES['dk/ipsec.d/server.conf'].replace('@vpn.dk.example', '@gw.dk.example'));
    await client.waitForDiagnostics(dkServer, (p) => p.version === 3 && p.diagnostics.some((d) => d.code === 'peer-id-mismatch'));
    assert.deepEqual([await lensTitle(), await status()], ['peer: dk conn fr: 2 problems (peer-id-mismatch)', 'broken']);
    assert.equal(await status(), 'broken');
    await client.change(dkServer, 4, FILES['dk/ipsec.d/server.conf']);
    await client.waitForDiagnostics(dkServer, (p) => p.version === 4 && p.diagnostics.length === 0);
    assert.deepEqual([await lensTitle(), await status()], ['peer: dk conn fr ✓', 'ok']);
  });

  it('gives a view a summary per gateway, with a revision that moves when the matrix does, and one gateway\'s ends', async () => {
    type Summary = { revision: number; nodes: Array<{ node: string; counts: Record<string, number>; endKind: string }> };
    const summary = async () => (await client.connection.sendRequest('ipsec/peerMatrix', { summary: true })) as Summary;
    const first = await summary();
    // France also holds dk-l2tp (opened above), which takes in conn dk with also= and pairs with Denmark too.
    assert.deepEqual(first.nodes.map((n) => [n.node, n.counts.ok, n.counts.broken, n.endKind]), [['dk', 1, 0, 'conn'], ['fr', 2, 0, 'conn']]);
    assert.equal((await summary()).revision, first.revision, 'nothing changed, same matrix');
    const ends = (await client.connection.sendRequest('ipsec/peerMatrix', { node: 'fr' })) as Array<{ node: string; conn: string; status: string }>;
    assert.deepEqual(ends.map((c) => `${c.node} ${c.conn} ${c.status}`), ['fr dk ok', 'fr dk-l2tp ok']);
    const dkServer = uri('dk/ipsec.d/server.conf');
    await client.change(dkServer, 5, FILES['dk/ipsec.d/server.conf'].replace('@vpn.dk.example', '@gw.dk.example'));
    await client.waitForDiagnostics(dkServer, (p) => p.version === 5 && p.diagnostics.some((d) => d.code === 'peer-id-mismatch'));
    const broken = await summary();
    assert.ok(broken.revision > first.revision);
    assert.deepEqual(broken.nodes.map((n) => [n.node, n.counts.ok, n.counts.broken]), [['dk', 0, 1], ['fr', 0, 2]]);
    await client.change(dkServer, 6, FILES['dk/ipsec.d/server.conf']);
    await client.waitForDiagnostics(dkServer, (p) => p.version === 6 && p.diagnostics.length === 0);
  });
});
