import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cleanupAll, installSignalCleanup } from '../../scripts/negotiation/cleanup';
import { removeStaleNamespaces } from '../../scripts/negotiation/netns';
import { ensurePki } from '../../scripts/negotiation/pki';
import { describeMissing, preflight } from '../../scripts/negotiation/preflight';
import { resultLine, runScenarios, type ScenarioResult } from '../../scripts/negotiation/strongswan/campaign';
import { ensureStrongswan, strongswanMissing } from '../../scripts/negotiation/strongswan/install';
import { SCENARIOS } from '../../scripts/negotiation/strongswan/catalogue';
import { REPO_ROOT } from '../helpers';
import { runSuspectsAgain } from './secondRun';

function explain(r: ScenarioResult): string {
  const directions = r.daemon.directions.map((d) => `\n    ${d.initiator} initiates: ${d.verdict} (${d.reason}) ${d.line ?? ''}`).join('');
  return `${resultLine(r)} [${r.scenario.change}]${directions}\n    reproduce: npm run test:negotiation -- --strongswan --only ${r.scenario.name} --verbose`;
}

const baselineDown = (r: ScenarioResult): boolean => r.scenario.change.startsWith('none') && r.agreement !== 'agree-up';
const unexplained = (r: ScenarioResult): boolean => r.daemon.reason === 'other';
const fileError = (r: ScenarioResult): boolean => r.daemon.verdict === 'up' && r.prediction.fileFindings.some((f) => f.severity === 'error');
const disagrees = (r: ScenarioResult): boolean => r.agreement === 'missed' || r.agreement === 'false-alarm';

/** What the assertions below would fail on. */
function looksWrong(r: ScenarioResult): boolean {
  return baselineDown(r) || unexplained(r) || fileError(r) || disagrees(r);
}

describe('negotiation ground truth with strongSwan (charon 5.9.8 with itself and with Libreswan 4.10, and Libreswan 4.10 with itself)', () => {
  it('every scenario: ipsec-lint predicts what the daemons do', { timeout: 900_000 }, async (t) => {
    const cacheDir = path.join(REPO_ROOT, '.cache', 'negotiation');
    const missing = [...preflight().missing, ...strongswanMissing(cacheDir)];
    assert.deepEqual(missing, [], `${describeMissing(missing)}\n(this test fails rather than skips when they are missing)`);
    installSignalCleanup();
    removeStaleNamespaces();
    const tree = ensureStrongswan(cacheDir);
    const workDir = path.join(cacheDir, 'runs', `strongswan-test-${process.pid}`);
    let results: ScenarioResult[];
    try {
      const pki = ensurePki(cacheDir);
      results = await runScenarios(SCENARIOS, workDir, pki, tree.lib);
      const again = async (first: ScenarioResult) => (await runScenarios([first.scenario], path.join(workDir, 'again'), pki, tree.lib))[0];
      await runSuspectsAgain(results, looksWrong, again, (first, second) => `${explain(first)}\n  second run: ${resultLine(second)}`, (text) => t.diagnostic(text));
    } finally {
      cleanupAll();
      rmSync(workDir, { recursive: true, force: true });
    }
    assert.deepEqual(results.filter(baselineDown).map(explain), [], 'consistent pairs must come up: the harness or the scenario is broken');
    assert.deepEqual(results.filter(unexplained).map(explain), [], 'every failed negotiation must have a named reason');
    assert.deepEqual(results.filter(fileError).map(explain), [], 'a single-file rule reports an error in files both daemons accepted');
    assert.deepEqual(results.filter(disagrees).map(explain), [], 'ipsec-lint and the daemons disagree');
    // The mixes this suite exists for: both daemon pairings, failures and successes.
    assert.ok(results.some((r) => r.scenario.name.startsWith('mixed-') && r.agreement === 'agree-up'));
    assert.ok(results.some((r) => r.scenario.name.startsWith('sw-') && r.agreement === 'agree-fails'));
    // Selectors that only one daemon narrows: a refusal that depends on who starts, and one either way between two Libreswan gateways.
    assert.ok(results.some((r) => r.scenario.name.startsWith('mixed-protoport') && r.agreement === 'agree-at-risk'));
    assert.ok(results.some((r) => r.scenario.name.startsWith('lsw-protoport') && r.agreement === 'agree-fails'));
    // A PFS difference that only the first rekey of the Child SA shows (strongSwan's userspace IPsec, as these kernels have no ESP).
    assert.ok(results.some((r) => r.scenario.name.startsWith('sw-rekey-pfs') && r.agreement === 'agree-at-risk' && r.daemon.reason === 'rekey-no-proposal'));
  });
});
