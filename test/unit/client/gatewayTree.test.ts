import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connRows, gatewayRows, type TreeRow } from '../../../client/src/views/gatewayTree';
import { cellsOfNode, summarizeMatrix } from '../../../server/src/features/matrixSlices';
import type { PeerMatrix } from '../../../server/src/features/peerMatrix';
import { REPO_ROOT } from '../../helpers';
import { run } from '../cli/cliRun';

/** The matrix the server sends for examples/, made by the same code through the CLI. */
function examplesMatrix(): PeerMatrix {
  return JSON.parse(run(['--peers', '--format', 'json', 'examples'], REPO_ROOT).stdout) as PeerMatrix;
}

/** The tree as the view shows it with every gateway opened: the rows of the summary, each with the rows of its node's ends, as the server slices them. */
function gatewayTree(matrix: PeerMatrix): TreeRow[] {
  return gatewayRows(summarizeMatrix(matrix, 1)).map((row) => ({ ...row, children: row.expandable ? connRows(row.label, cellsOfNode(matrix, row.label)) : [] }));
}

const outline = (rows: readonly TreeRow[], depth = 0): string[] =>
  rows.flatMap((row) => [`${'  '.repeat(depth)}${row.status} ${row.label} | ${row.description}`, ...(depth < 1 ? outline(row.children, depth + 1) : [])]);

describe('the Gateways view', () => {
  it('lists each gateway and racoon host of examples/ with its tunnels, their peers and states', () => {
    assert.deepEqual(outline(gatewayTree(examplesMatrix())), [
      'broken de | 1 fails',
      '  broken conn fr | → fr · conn de · fails',
      'ok dk | 1 works',
      '  ok conn fr | → fr · conn dk · works',
      'broken fr | 1 fails · 1 works',
      '  broken conn de | → de · conn fr · fails',
      '  ok conn dk | → dk · conn fr · works',
      'ok racoon-pair/ipsec-a | 1 works',
      '  ok remote 192.0.2.41 | → racoon-pair/ipsec-b · remote 192.0.2.40 · works',
      'ok racoon-pair/ipsec-b | 1 works',
      '  ok remote 192.0.2.40 | → racoon-pair/ipsec-a · remote 192.0.2.41 · works',
    ]);
  });

  it('puts the reasons under a failing tunnel, each opening its own line, and the conn row opens the conn', () => {
    const de = gatewayTree(examplesMatrix())[0];
    const fr = de.children[0];
    assert.deepEqual([de.kind, fr.kind], ['gateway', 'conn']);
    assert.match(fr.target?.uri ?? '', /\/examples\/de\/etc\/ipsec\.d\/fr\.conf$/);
    assert.equal(fr.target?.line, 1, 'the conn header, after the comment line');
    const idMismatch = fr.children.find((reason) => reason.description === 'de · peer-id-mismatch');
    assert.ok(idMismatch, fr.children.map((r) => r.description).join(', '));
    assert.equal(idMismatch.status, 'error');
    assert.match(idMismatch.label, /rightid "@ncp\.fr\.example" is not the peer's own leftid/);
    assert.equal(idMismatch.target?.line, 7);
    assert.match(fr.tooltip, /^de conn fr → fr · conn de: fails\n/);
    assert.ok(fr.children.every((reason) => reason.kind === 'reason' && reason.children.length === 0 && reason.target !== undefined));
    const racoon = gatewayTree(examplesMatrix()).find((row) => row.label === 'racoon-pair/ipsec-a');
    assert.deepEqual(racoon?.children.map((row) => row.kind), ['remote'], 'a racoon remote is no conn: no conn actions on it');
  });

  it('keeps ids stable and unique, so that what the user expanded stays open across refreshes', () => {
    const ids = (rows: readonly TreeRow[]): string[] => rows.flatMap((row) => [row.id, ...ids(row.children)]);
    const first = ids(gatewayTree(examplesMatrix()));
    assert.equal(new Set(first).size, first.length);
    assert.deepEqual(ids(gatewayTree(examplesMatrix())), first);
  });

  it('marks a gateway by its worst tunnel, shows warnings as at risk, and a conn without a peer as such', () => {
    const at = { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } };
    const matrix: PeerMatrix = {
      nodes: ['a', 'b'],
      cells: [
        { node: 'a', conn: 'b', kind: 'conn', peerNode: 'b', peerConn: 'a', status: 'warning', uri: 'file:///a/b.conf', range: at, reasons: [{ node: 'b', code: 'peer-pfs-mismatch', severity: 'warning', message: 'pfs differs', uri: 'file:///b/a.conf', range: at }] },
        { node: 'a', conn: 'lonely', kind: 'conn', status: 'unpaired', uri: 'file:///a/lonely.conf', range: at, reasons: [] },
      ],
    };
    const [a, b] = gatewayTree(matrix);
    assert.deepEqual([a.status, a.description], ['warning', '1 at risk · 1 no peer']);
    assert.deepEqual(
      a.children.map((row) => [row.status, row.description, row.children.map((reason) => `${reason.status} ${reason.label}`)]),
      [
        ['warning', '→ b · conn a · at risk', ['warning pfs differs']],
        ['unpaired', 'no partner in the workspace · no peer', []],
      ],
    );
    assert.deepEqual([b.status, b.description, b.children], ['unpaired', 'no conns', []]);
  });
});
