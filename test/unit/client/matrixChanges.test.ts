import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MatrixChanges } from '../../../client/src/views/matrixChanges';
import type { MatrixData } from '../../../client/src/views/matrixHtml';

const at = { start: { line: 0, character: 0 } };
const matrix = (status: 'ok' | 'broken'): MatrixData => ({
  nodes: ['dk', 'fr'],
  cells: [{ node: 'fr', conn: 'dk', peerNode: 'dk', peerConn: 'fr', status, reasons: [], uri: 'file:///fr/dk.conf', range: at }],
});

describe('when the peer matrix panel re-renders', () => {
  it('shows the first matrix, skips an equal one, and shows one that changed', () => {
    const changes = new MatrixChanges();
    assert.equal(changes.differs(matrix('ok')), true);
    assert.equal(changes.differs(matrix('ok')), false);
    assert.equal(changes.differs(matrix('broken')), true);
    assert.equal(changes.differs(matrix('broken')), false);
  });

  it('shows the matrix again after the panel was recreated', () => {
    const changes = new MatrixChanges();
    changes.differs(matrix('ok'));
    changes.forget();
    assert.equal(changes.differs(matrix('ok')), true);
  });
});
