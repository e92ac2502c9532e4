import assert from 'node:assert/strict';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCampaign } from '../../scripts/oracle/campaign';
import { findOracles } from '../../scripts/oracle/oracles';
import { explainBase, explainCase, rows, textTable } from '../../scripts/oracle/report';
import { CORPUS_ROOT, REPO_ROOT } from '../helpers';

/*
 * Differential test against the daemons' own parsers (Libreswan 4.10 `addconn --checkconfig`,
 * strongSwan 5.9.8 `starter --conftest`): mutated corpus files, and any error ipsec-lint raises
 * with a parser-level rule code on a file the parser accepts fails the test. Which codes are
 * parser-level, and why pluto-level ones (proposals, IDs, peers, Libreswan's duplicate conn) are
 * not compared, is set out in scripts/oracle/classify.ts. Long runs: npm run test:oracle.
 */
const SEED = 20260501;
const FILES = 1200;
const BASES = 400;

describe('parser oracles: no error on a file the daemon\'s parser accepts', () => {
  it('mutated corpus files, Libreswan 4.10 and strongSwan 5.9.8 (and Libreswan 5.2 once the negotiation tests have built it)', { timeout: 180_000 }, () => {
    const found = findOracles(REPO_ROOT);
    assert.deepEqual(found.missing.map((m) => m.howToInstall), [], 'an oracle is missing (this test fails rather than skips)');
    const workDir = path.join(REPO_ROOT, '.cache', 'oracle', 'runs', `test-${process.pid}`);
    let result;
    try {
      result = runCampaign({ repoRoot: REPO_ROOT, corpusRoot: CORPUS_ROOT, oracles: found.available, files: FILES, seed: SEED, bases: BASES, workDir });
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
    const { perOracle } = rows(result.cases);
    const table = textTable(perOracle);
    for (const r of perOracle) assert.ok(r.files > FILES * 0.9, `too few mutated files could be made:\n${table}`);
    const accepted = result.bases.filter((b) => b.verdict.verdict === 'accepts');
    assert.ok(accepted.length >= 50, `the oracles accept only ${accepted.length} unmutated corpus files`);
    assert.deepEqual(result.bases.filter((b) => b.outcome === 'false-error').map(explainBase), [], 'parser-level errors on unmutated files the oracle accepts');
    assert.deepEqual(result.cases.filter((c) => c.outcome === 'false-error').map(explainCase), [], `parser-level errors on files the oracle accepts:\n${table}`);
  });
});
