import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMatrixHtml, type MatrixData } from '../../../client/src/views/matrixHtml';

const at = (line: number) => ({ start: { line, character: 0 } });

const MATRIX: MatrixData = {
  nodes: ['dk', 'fr', 'de'],
  cells: [
    { node: 'fr', conn: 'dk', peerNode: 'dk', peerConn: 'fr', status: 'ok', reasons: [], uri: 'file:///fr/dk.conf', range: at(0) },
    { node: 'dk', conn: 'fr', peerNode: 'fr', peerConn: 'dk', status: 'ok', reasons: [], uri: 'file:///dk/fr.conf', range: at(0) },
    {
      node: 'de',
      conn: 'fr',
      peerNode: 'fr',
      peerConn: 'de',
      status: 'broken',
      reasons: [{ node: 'de', code: 'peer-id-mismatch', message: 'rightid "<x>" is wrong', uri: 'file:///de/fr.conf', range: at(3) }],
      uri: 'file:///de/fr.conf',
      range: at(0),
    },
    { node: 'de', conn: 'se', status: 'unpaired', reasons: [], uri: 'file:///de/se.conf', range: at(0) },
    {
      node: 'dk',
      conn: 'de',
      peerNode: 'de',
      peerConn: 'dk',
      status: 'warning',
      reasons: [{ node: 'de', code: 'peer-pfs-mismatch', severity: 'warning', message: 'pfs=yes here but pfs=no at the peer', uri: 'file:///de/dk.conf', range: at(5) }],
      uri: 'file:///dk/de.conf',
      range: at(0),
    },
  ],
};

describe('peer matrix HTML', () => {
  const html = renderMatrixHtml(MATRIX, 'abc', 'vscode-resource:');

  it('draws green, red and grey cells in a node × node grid', () => {
    assert.equal((html.match(/<td class="ok">/g) ?? []).length, 2);
    assert.equal((html.match(/<td class="broken">/g) ?? []).length, 1);
    assert.ok((html.match(/<td class="none"/g) ?? []).length >= 1);
  });

  it('links a red cell to the line of its first reason and lists why', () => {
    assert.match(html, /<td class="broken"><a href="#" data-uri="file:\/\/\/de\/fr.conf" data-line="3"/);
    assert.match(html, /<h3>Why the red cells fail and the amber ones are at risk<\/h3>/);
    assert.match(html, /data-line="3">de: rightid &quot;&lt;x&gt;&quot; is wrong<\/a>/, 'each reason names the gateway whose file holds it');
    assert.match(html, /<h3>Conns without a peer in the workspace<\/h3>[\s\S]*de: conn se/);
  });

  it('draws a pair with warnings only in amber, linked to its first warning, and lists it with the reasons', () => {
    assert.match(html, /<td class="warning"><a href="#" data-uri="file:\/\/\/de\/dk.conf" data-line="5" title="de: peer-pfs-mismatch: pfs=yes here but pfs=no at the peer">at risk<\/a><\/td>/);
    assert.match(html, /<li class="warning"><b>dk → de<\/b> \(conn de\): <a href="#" data-uri="file:\/\/\/de\/dk.conf" data-line="5">de: warning: pfs=yes here but pfs=no at the peer<\/a><\/li>/);
    assert.match(html, /td\.warning \{ background: #b26a00; \}/);
  });

  it('escapes text from the configuration and pins scripts to the nonce', () => {
    assert.doesNotMatch(html, /"<x>"/);
    assert.match(html, /&quot;&lt;x&gt;&quot;/);
    assert.match(html, /script-src 'nonce-abc'/);
    assert.match(html, /<script nonce="abc">/);
  });
});

describe('peer matrix HTML with racoon hosts', () => {
  const matrix: MatrixData = {
    nodes: ['gw', 'rh'],
    cells: [
      { node: 'gw', conn: 'to-rh', kind: 'conn', peerNode: 'rh', peerConn: '192.0.2.10', peerKind: 'remote', status: 'ok', reasons: [], uri: 'file:///gw/ipsec.conf', range: at(3) },
      { node: 'rh', conn: '192.0.2.10', kind: 'remote', peerNode: 'gw', peerConn: 'to-rh', peerKind: 'conn', status: 'ok', reasons: [], uri: 'file:///rh/racoon.conf', range: at(1) },
      { node: 'rh', conn: '198.51.100.7', kind: 'remote', status: 'unpaired', reasons: [], uri: 'file:///rh/racoon.conf', range: at(9) },
    ],
  };
  const html = renderMatrixHtml(matrix, 'abc', 'vscode-resource:');

  it('names each end as a conn or a racoon remote', () => {
    assert.match(html, /title="conn to-rh ↔ rh remote 192\.0\.2\.10"/);
    assert.match(html, /title="remote 192\.0\.2\.10 ↔ gw conn to-rh"/);
    assert.match(html, /rh: remote 198\.51\.100\.7<\/a>/);
  });
});
