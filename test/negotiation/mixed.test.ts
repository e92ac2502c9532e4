import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ensureLibreswan5, libreswan5Missing } from '../../scripts/negotiation/libreswan5';
import { MUTATIONS } from '../../scripts/negotiation/mutations';
import { describeMissing, preflight } from '../../scripts/negotiation/preflight';
import { NEGOTIATION_CACHE, assertGroundTruth } from './groundTruth';

describe('negotiation ground truth across releases: Libreswan 4.10 (west) with Libreswan 5.2 (east)', () => {
  it('every pairing prediction agrees with what a 4.10 and a 5.2 daemon do together', { timeout: 900_000 }, async (t) => {
    const check = preflight();
    const missing = [...check.missing, ...libreswan5Missing(NEGOTIATION_CACHE)];
    assert.deepEqual(missing, [], `${describeMissing(missing)}\n(this test fails rather than skips when they are missing)`);
    const five = ensureLibreswan5(NEGOTIATION_CACHE);
    await assertGroundTruth({ name: 'mixed', seed: 20261202, catalogue: MUTATIONS, libreswan: { east: five }, version: `Libreswan ${check.libreswanVersion ?? '?'} (west) with ${five.label} (east)`, reproduceWith: '--mixed ' }, (text) => t.diagnostic(text));
  });
});
