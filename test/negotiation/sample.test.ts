import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCampaign, type CaseResult } from '../../scripts/negotiation/campaign';
import { cleanupAll, installSignalCleanup } from '../../scripts/negotiation/cleanup';
import { diagnose } from '../../scripts/negotiation/diagnose';
import { MUTATIONS } from '../../scripts/negotiation/mutations';
import { removeStaleNamespaces } from '../../scripts/negotiation/netns';
import { ensurePki } from '../../scripts/negotiation/pki';
import { describeMissing, preflight } from '../../scripts/negotiation/preflight';
import { caseLine, jsonReport, markdownReport } from '../../scripts/negotiation/report';
import { percent, summarize } from '../../scripts/negotiation/summary';
import { REPO_ROOT } from '../helpers';

const SEED = 20261122;
/** Every mutation of the catalogue once, in turn (stratified), plus a second baseline pair. */
const PAIRS = MUTATIONS.length + 1;

function explain(r: CaseResult): string {
  return `${caseLine(r, r.pair.index + 1, PAIRS)}\n    deciding line: ${r.daemon.line ?? '(none)'}\n    reproduce: npm run test:negotiation -- --case ${r.pair.seed} --only ${r.pair.mutation} --verbose`;
}

describe('negotiation ground truth (real Libreswan plutos in network namespaces)', () => {
  it('every pairing prediction agrees with what two Libreswan daemons do', { timeout: 170_000 }, async () => {
    const check = preflight();
    assert.deepEqual(check.missing, [], `${describeMissing(check.missing)}\n(.ci/run installs these; this test fails rather than skips when they are missing)`);
    installSignalCleanup();
    removeStaleNamespaces();
    const cacheDir = path.join(REPO_ROOT, '.cache', 'negotiation');
    const workDir = path.join(cacheDir, 'runs', `sample-${process.pid}`);
    const started = Date.now();
    let results: CaseResult[];
    try {
      results = await runCampaign({ seed: SEED, pairs: PAIRS, stratified: true, workDir, pki: ensurePki(cacheDir), keep: 'none' });
    } finally {
      cleanupAll();
      rmSync(workDir, { recursive: true, force: true });
    }
    const summary = summarize(results);
    const meta = { seed: SEED, pairs: PAIRS, libreswan: check.libreswanVersion ?? '?', totalMs: Date.now() - started, pkiMs: 0, workDir: path.relative(REPO_ROOT, workDir), command: 'npm test (test/negotiation/sample.test.ts)' };
    const outDir = path.join(REPO_ROOT, 'artifacts', 'negotiation', 'sample');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'report.md'), markdownReport(results, summary, meta));
    writeFileSync(path.join(outDir, 'report.json'), `${JSON.stringify(jsonReport(results, summary, meta), null, 1)}\n`);

    const baselineDown = results.filter((r) => r.pair.mutation === 'none' && r.daemon.verdict !== 'up');
    assert.deepEqual(baselineDown.map(explain), [], 'consistent pairs must come up: the harness or the generator is broken');
    const unclassified = results.filter((r) => r.daemon.reason === 'other' || r.daemon.reason === 'daemon-crashed');
    assert.deepEqual(unclassified.map(explain), [], 'the classifier must name a reason for every failed negotiation');
    const fileErrors = results.filter((r) => r.daemon.verdict === 'up' && r.prediction.fileFindings.some((f) => f.severity === 'error'));
    assert.deepEqual(
      fileErrors.map((r) => `${explain(r)}\n    ${r.prediction.fileFindings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line} ${f.code}`).join(', ')}`),
      [],
      'a single-file rule reports an error in files two Libreswan daemons accept',
    );
    const disagreements = results.filter((r) => r.comparison.outcome === 'missed' || r.comparison.outcome === 'false-alarm' || diagnose(r)?.kind === 'unknown');
    assert.deepEqual(disagreements.map(explain), [], `ipsec-lint and Libreswan disagree (verdict agreement ${percent(summary.verdictAgreement)}); see artifacts/negotiation/sample/report.md`);
  });
});
