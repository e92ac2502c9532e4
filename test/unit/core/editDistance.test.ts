import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestName, editDistance } from '../../../server/src/text/editDistance';
import { suggestSecretType } from '../../../server/src/knowledge/ipsecConf';

describe('editDistance', () => {
  it('counts edits, with a swap of neighbours as one', () => {
    assert.equal(editDistance('rightid', 'rightid'), 0);
    assert.equal(editDistance('rigthid', 'rightid'), 1);
    assert.equal(editDistance('keyingretries', 'keyingtries'), 2);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('PKS', 'PSK'), 1);
  });

  it('gives up past the bound, and still finds distances within it', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('abcdef', 'abcdxy', 2), 2);
    assert.equal(editDistance('aXbc', 'abc', 1), 1);
  });

  it('answers for a pasted blob against short names (a fuzz finding: the unbounded table took seconds)', () => {
    const blob = `RSA${'a'.repeat(200_000)}`;
    assert.equal(editDistance(blob, 'RSA', 2), 3);
    assert.deepEqual(suggestSecretType(blob, 'libreswan'), []);
    assert.equal(closestName(blob.slice(0, 5_000), ['left', 'right']), undefined);
  });
});
