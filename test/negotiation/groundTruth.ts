import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCampaign, runCase, type CaseResult } from '../../scripts/negotiation/campaign';
import { cleanupAll, installSignalCleanup } from '../../scripts/negotiation/cleanup';
import { diagnose } from '../../scripts/negotiation/diagnose';
import type { LibreswanBuild } from '../../scripts/negotiation/libreswanBuild';
import type { Mutation } from '../../scripts/negotiation/mutations';
import { removeStaleNamespaces } from '../../scripts/negotiation/netns';
import { ensurePki, type Host } from '../../scripts/negotiation/pki';
import { caseLine, jsonReport, markdownReport } from '../../scripts/negotiation/report';
import { percent, summarize } from '../../scripts/negotiation/summary';
import { REPO_ROOT } from '../helpers';
import { runSuspectsAgain } from './secondRun';

export interface GroundTruthRun {
  readonly name: string;
  readonly seed: number;
  /** Each mutation of the catalogue once, in turn, plus a second baseline pair. */
  readonly catalogue: readonly Mutation[];
  /** The Libreswan each end runs; Debian's 4.10 where absent. */
  readonly libreswan?: Partial<Record<Host, LibreswanBuild>>;
  /** For the report: the daemons' version. */
  readonly version: string;
  /** Extra arguments that reproduce a case on the command line. */
  readonly reproduceWith: string;
}

export const NEGOTIATION_CACHE = path.join(REPO_ROOT, '.cache', 'negotiation');

/**
 * Runs every mutation of a catalogue once through two real plutos and asserts that ipsec-lint
 * predicts each outcome; the reports go to artifacts/negotiation/<name>/.
 */
export async function assertGroundTruth(run: GroundTruthRun, note: (text: string) => void): Promise<void> {
  const pairs = run.catalogue.length + 1;
  const explain = (r: CaseResult): string =>
    `${caseLine(r, r.pair.index + 1, pairs)}\n    deciding line: ${r.daemon.line ?? '(none)'}\n    reproduce: npm run test:negotiation -- ${run.reproduceWith}--case ${r.pair.seed} --only ${r.pair.mutation} --verbose`;
  installSignalCleanup();
  removeStaleNamespaces();
  const workDir = path.join(NEGOTIATION_CACHE, 'runs', `${run.name}-${process.pid}`);
  const started = Date.now();
  let results: CaseResult[];
  try {
    const options = { seed: run.seed, pairs, stratified: true, workDir, pki: ensurePki(NEGOTIATION_CACHE), keep: 'none', catalogue: run.catalogue, negotiation: { timeoutMs: 4000, graceMs: 250, libreswan: run.libreswan } } as const;
    results = await runCampaign(options);
    await runSuspectsAgain(results, looksWrong, (first) => runCase(first.pair, options), (first, second) => `${explain(first)}\n  second run: ${caseLine(second, second.pair.index + 1, pairs)}`, note);
  } finally {
    cleanupAll();
    rmSync(workDir, { recursive: true, force: true });
  }
  const summary = summarize(results);
  const meta = { seed: run.seed, pairs, libreswan: run.version, totalMs: Date.now() - started, pkiMs: 0, workDir: path.relative(REPO_ROOT, workDir), command: `npm test (test/negotiation/${run.name}.test.ts)` };
  const outDir = path.join(REPO_ROOT, 'artifacts', 'negotiation', run.name);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'report.md'), markdownReport(results, summary, meta));
  writeFileSync(path.join(outDir, 'report.json'), `${JSON.stringify(jsonReport(results, summary, meta), null, 1)}\n`);

  assert.deepEqual(results.filter(baselineDown).map(explain), [], 'consistent pairs must come up: the harness or the generator is broken');
  assert.deepEqual(results.filter(unclassified).map(explain), [], 'the classifier must name a reason for every failed negotiation');
  assert.deepEqual(
    results.filter(fileError).map((r) => `${explain(r)}\n    ${r.prediction.fileFindings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line} ${f.code}`).join(', ')}`),
    [],
    'a single-file rule reports an error in files two Libreswan daemons accept',
  );
  assert.deepEqual(results.filter(disagrees).map(explain), [], `ipsec-lint and Libreswan disagree (verdict agreement ${percent(summary.verdictAgreement)}); see artifacts/negotiation/${run.name}/report.md`);
}

const baselineDown = (r: CaseResult): boolean => r.pair.mutation === 'none' && r.daemon.verdict !== 'up';
const unclassified = (r: CaseResult): boolean => r.daemon.reason === 'other' || r.daemon.reason === 'daemon-crashed';
const fileError = (r: CaseResult): boolean => r.daemon.verdict === 'up' && r.prediction.fileFindings.some((f) => f.severity === 'error');
const disagrees = (r: CaseResult): boolean => r.comparison.outcome === 'missed' || r.comparison.outcome === 'false-alarm' || diagnose(r)?.kind === 'unknown';

/** What the assertions above would fail on. */
function looksWrong(r: CaseResult): boolean {
  return baselineDown(r) || unclassified(r) || fileError(r) || disagrees(r);
}
