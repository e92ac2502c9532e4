import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MUTATIONS } from '../../scripts/negotiation/mutations';
import { describeMissing, preflight } from '../../scripts/negotiation/preflight';
import { assertGroundTruth } from './groundTruth';

describe('negotiation ground truth (real Libreswan plutos in network namespaces)', () => {
  it('every pairing prediction agrees with what two Libreswan daemons do', { timeout: 300_000 }, async (t) => {
    const check = preflight();
    assert.deepEqual(check.missing, [], `${describeMissing(check.missing)}\n(.ci/run installs these; this test fails rather than skips when they are missing)`);
    await assertGroundTruth({ name: 'sample', seed: 20261122, catalogue: MUTATIONS, version: check.libreswanVersion ?? '?', reproduceWith: '' }, (text) => t.diagnostic(text));
  });
});
