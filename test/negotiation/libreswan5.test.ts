import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ensureLibreswan5, libreswan5Missing } from '../../scripts/negotiation/libreswan5';
import { LIBRESWAN5_CATALOGUE } from '../../scripts/negotiation/mutations';
import { describeMissing, preflight } from '../../scripts/negotiation/preflight';
import { NEGOTIATION_CACHE, assertGroundTruth } from './groundTruth';

describe('negotiation ground truth with Libreswan 5.2 (built from source) on both ends', () => {
  it('every pairing prediction agrees with what two Libreswan 5.2 daemons do', { timeout: 900_000 }, async (t) => {
    const missing = [...preflight().missing, ...libreswan5Missing(NEGOTIATION_CACHE)];
    assert.deepEqual(missing, [], `${describeMissing(missing)}\n(this test fails rather than skips when they are missing)`);
    // The first run fetches Debian's copy of the 5.2 source and builds it (about 1.5 minutes); later runs reuse it.
    const libreswan = ensureLibreswan5(NEGOTIATION_CACHE);
    await assertGroundTruth({ name: 'libreswan5', seed: 20261201, catalogue: LIBRESWAN5_CATALOGUE, libreswan: { west: libreswan, east: libreswan }, version: libreswan.label, reproduceWith: '--libreswan5 ' }, (text) => t.diagnostic(text));
  });
});
