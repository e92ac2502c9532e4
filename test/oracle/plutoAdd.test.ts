import assert from 'node:assert/strict';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cleanupAll, installSignalCleanup } from '../../scripts/negotiation/cleanup';
import { ensureLibreswan5, libreswan5Missing } from '../../scripts/negotiation/libreswan5';
import { DEBIAN_LIBRESWAN, type LibreswanBuild } from '../../scripts/negotiation/libreswanBuild';
import { removeStaleNamespaces } from '../../scripts/negotiation/netns';
import { describeMissing, preflight } from '../../scripts/negotiation/preflight';
import { disagreements, sweepBadValues, sweepGoodValues, type SweepCase } from '../../scripts/oracle/pluto/badValueSweep';
import { outcomeOf, runAddCampaign, type ConnCase } from '../../scripts/oracle/pluto/campaign';
import { sweepSetupValues } from '../../scripts/oracle/pluto/setupSweep';
import { goodSetupValues } from '../../scripts/oracle/goodValueConns';
import { CORPUS_ROOT, REPO_ROOT } from '../helpers';

/*
 * The add-time oracle: every conn of a sample of the corpus's Libreswan files is added to a real
 * pluto (Debian's 4.10 and the 5.2 the negotiation tests build), and ipsec-lint, pinned to the
 * same release, must not say "pluto refuses to add it" of a conn pluto added; and one wrong value
 * per typed key, in a conn or in config setup, must draw an error exactly where pluto does not
 * start or add the conn, and each value the knowledge takes must be added unless an error says why not.
 * Long runs and other builds: npm run test:pluto-add [-- --values].
 */
const FILES = 100;
const explain = (c: ConnCase): string => `${c.file} conn ${c.conn}: pluto ${c.pluto.verdict}; ours: ${c.ours.join(' / ')}`;

/** Debian's 4.10 and the 5.2 the negotiation tests build, once the machine is checked for what they need. */
function buildsOrFail(): LibreswanBuild[] {
  const cacheDir = path.join(REPO_ROOT, '.cache', 'negotiation');
  const missing = [...preflight().missing, ...libreswan5Missing(cacheDir)];
  assert.deepEqual(missing, [], `${describeMissing(missing)}\n(this test fails rather than skips when they are missing)`);
  installSignalCleanup();
  removeStaleNamespaces();
  return [{ ...DEBIAN_LIBRESWAN, dialect: 'libreswan-4.10' }, ensureLibreswan5(cacheDir)];
}

/** A sweep run against each build in turn, none of its cases disagreeing: the cases by build. */
async function sweepEachBuild(sweep: (build: LibreswanBuild, release: string) => Promise<SweepCase[]>): Promise<[string, SweepCase[]][]> {
  const results: [string, SweepCase[]][] = [];
  for (const build of buildsOrFail()) {
    let cases: SweepCase[];
    try {
      cases = await sweep(build, build.dialect.replace(/^libreswan-/, ''));
    } finally {
      cleanupAll();
    }
    assert.deepEqual(disagreements(cases), [], build.label);
    results.push([build.label, cases]);
  }
  return results;
}

describe('add-time oracle: no "pluto refuses it" on a conn pluto adds', () => {
  it(`${FILES} corpus files, every conn, Libreswan 4.10 and 5.2`, { timeout: 600_000 }, async () => {
    for (const build of buildsOrFail()) {
      const workDir = path.join(REPO_ROOT, '.cache', 'oracle', 'runs', `pluto-add-test-${process.pid}`);
      let cases: ConnCase[];
      try {
        cases = await runAddCampaign({ corpusRoot: CORPUS_ROOT, build, workDir, files: FILES });
      } finally {
        cleanupAll();
        rmSync(workDir, { recursive: true, force: true });
      }
      assert.deepEqual(cases.filter((c) => c.outcome === 'false-error').map(explain), [], `${build.label}: ipsec-lint says pluto refuses conns it added`);
      assert.ok(cases.filter((c) => c.outcome === 'agree-added').length >= 20, `${build.label}: too few conns added to judge by`);
      assert.deepEqual(cases.filter((c) => c.outcome === 'unknown').map(explain), [], `${build.label}: pluto's answer could not be read`);
    }
  });

  it('a value of the wrong form for each typed conn key, and marks, DPD times and bare numbers: an error from ipsec-lint exactly where pluto does not add the conn, 4.10 and 5.2', { timeout: 300_000 }, async () => {
    for (const [label, cases] of await sweepEachBuild(sweepBadValues)) {
      const added = cases.filter((c) => c.pluto.verdict === 'added').length;
      assert.ok(cases.length >= 120 && added >= 20 && cases.length - added >= 20, `${label}: too few keys tried (${cases.length}) or too one-sided (${added} added)`);
    }
  });

  it('a value of the wrong form for each typed config setup key: an error from ipsec-lint exactly where pluto does not start or add the conn, 4.10 and 5.2', { timeout: 300_000 }, async () => {
    for (const [label, cases] of await sweepEachBuild(sweepSetupValues)) assert.ok(cases.length >= 30, `${label}: too few keys tried (${cases.length})`);
  });

  it('each value the knowledge says a conn key takes (every word, yes/no spelling, time unit, end of a range): an error exactly where pluto does not add the conn, 4.10 and 5.2', { timeout: 300_000 }, async () => {
    for (const [label, cases] of await sweepEachBuild(sweepGoodValues)) assert.ok(cases.length >= 500, `${label}: too few values tried (${cases.length})`);
  });

  it('each value the knowledge says a config setup key takes: an error exactly where pluto does not start or add the conn, 4.10 and 5.2', { timeout: 300_000 }, async () => {
    for (const [label, cases] of await sweepEachBuild((build, release) => sweepSetupValues(build, release, goodSetupValues(release)))) assert.ok(cases.length >= 200, `${label}: too few values tried (${cases.length})`);
  });

  it('files only what the machine lacks as material, so that config mistakes show as misses', () => {
    const refused = (said: string) => outcomeOf({ verdict: 'refused', said }, []);
    for (const said of ["left certificate 'west' not found in the NSS database", 'must specify host IP address for our side', "IKE DH algorithm 'dh24' is not supported", "IKE Key Exchange Method (DH) 'dh24' is not supported", 'ipsec-interface=yes is not supported', 'leftrsasigkey=%dnsondemand: support not compiled in']) {
      assert.equal(refused(said), 'material', said);
    }
    for (const said of ['leftrsasigkey invalid: unknown character in input', 'leftaddresspool=0.0.0.0/24 invalid, address pool 0.0.0.0/24 starts at address zero', 'leftnexthop=YourGwIP invalid', "left-ckaid='YourCKAID' invalid: unknown character in input"]) {
      assert.equal(refused(said), 'missed', said);
    }
    assert.equal(outcomeOf({ verdict: 'refused', said: 'anything' }, ['libreswan-conn-refused: …']), 'agree-refused');
  });
});

