import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cleanupAll, installSignalCleanup } from '../../scripts/negotiation/cleanup';
import { ensureLibreswan5, libreswan5Missing } from '../../scripts/negotiation/libreswan5';
import { DEBIAN_LIBRESWAN } from '../../scripts/negotiation/libreswanBuild';
import { removeStaleNamespaces } from '../../scripts/negotiation/netns';
import { describeMissing, preflight } from '../../scripts/negotiation/preflight';
import { SECRETS_CASES, secretsDisagreements, sweepSecrets } from '../../scripts/oracle/pluto/secretsSweep';
import { CHARON_SECRETS_CASES, charonSecretsDisagreements, sweepCharonSecrets } from '../../scripts/oracle/charon/secretsSweep';
import { ensureStrongswan, strongswanMissing } from '../../scripts/negotiation/strongswan/install';
import { REPO_ROOT } from '../helpers';

/*
 * Each ipsec.secrets case is read by a fresh pluto (Debian's 4.10 and the 5.2 the negotiation
 * tests build): ipsec-lint must have an error on the entry exactly where pluto skips it, and say
 * "crashes" exactly where pluto dies reading it.
 */
describe("ipsec.secrets oracle: what pluto and charon load, skip, stop at or die on", () => {
  it(`${SECRETS_CASES.length} entries, Libreswan 4.10 and 5.2`, { timeout: 300_000 }, async () => {
    const cacheDir = path.join(REPO_ROOT, '.cache', 'negotiation');
    const missing = [...preflight().missing, ...libreswan5Missing(cacheDir)];
    assert.deepEqual(missing, [], `${describeMissing(missing)}\n(this test fails rather than skips when they are missing)`);
    installSignalCleanup();
    removeStaleNamespaces();
    for (const build of [{ ...DEBIAN_LIBRESWAN, dialect: 'libreswan-4.10' }, ensureLibreswan5(cacheDir)]) {
      let cases;
      try {
        cases = await sweepSecrets(build, build.dialect.replace(/^libreswan-/, ''));
      } finally {
        cleanupAll();
      }
      assert.deepEqual(secretsDisagreements(cases), [], build.label);
      // Each kind of outcome is met, so that a sweep that reads nothing cannot pass.
      for (const outcome of ['loaded', 'skipped', 'crash'] as const) assert.ok(cases.some((c) => c.pluto === outcome), `${build.label}: no case was ${outcome}`);
    }
  });

  it(`${CHARON_SECRETS_CASES.length} lines, strongSwan 5.9.8 (charon's stroke plugin)`, { timeout: 300_000 }, async () => {
    const cacheDir = path.join(REPO_ROOT, '.cache', 'negotiation');
    const missing = [...preflight().missing, ...strongswanMissing(cacheDir)];
    assert.deepEqual(missing, [], `${describeMissing(missing)}\n(this test fails rather than skips when they are missing)`);
    installSignalCleanup();
    removeStaleNamespaces();
    let cases;
    try {
      cases = await sweepCharonSecrets(ensureStrongswan(cacheDir).lib);
    } finally {
      cleanupAll();
    }
    assert.deepEqual(charonSecretsDisagreements(cases), []);
    // charon stops reading at every shared secret it cannot load, so no case is merely skipped.
    for (const outcome of ['loaded', 'stopped', 'hang'] as const) assert.ok(cases.some((c) => c.charon === outcome), `no case was ${outcome}`);
  });
});
