import assert from 'node:assert/strict';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cleanupAll, installSignalCleanup } from '../../scripts/negotiation/cleanup';
import { removeStaleNamespaces } from '../../scripts/negotiation/netns';
import { describeMissing, preflight } from '../../scripts/negotiation/preflight';
import { ensureStrongswan, strongswanMissing } from '../../scripts/negotiation/strongswan/install';
import { runLoadCampaign, type LoadCase } from '../../scripts/oracle/charon/campaign';
import { badValueConns } from '../../scripts/oracle/badValueConns';
import { loadIntoCharon } from '../../scripts/oracle/charon/loadSession';
import { CORPUS_ROOT, lint, REPO_ROOT } from '../helpers';
import { PROPOSAL_CASES, proposalCasesConf } from '../unit/workspace/strongswanProposalCases';

/*
 * The load-time oracle for strongSwan: conns are loaded into Debian's charon 5.9.8 (through
 * starter and stroke, as ipsec.conf is read), and what it did must be what the proposal cases
 * record (which the unit tests hold ipsec-lint to) and what ipsec-lint, pinned to 5.9.8, says of
 * the corpus's strongSwan files. Whole corpus: npm run test:charon-load.
 */
const FILES = 60;
const explain = (c: LoadCase): string => `${c.file} conn ${c.conn}: charon ${c.charon?.verdict ?? 'said nothing'} ${c.charon?.said ?? ''}; ours: ${c.ours.join(' / ')}`;

function strongswanLib(): string {
  const cacheDir = path.join(REPO_ROOT, '.cache', 'negotiation');
  const missing = [...preflight().missing, ...strongswanMissing(cacheDir)];
  assert.deepEqual(missing, [], `${describeMissing(missing)}\n(this test fails rather than skips when they are missing)`);
  installSignalCleanup();
  removeStaleNamespaces();
  return ensureStrongswan(cacheDir).lib;
}

describe('load-time oracle: charon 5.9.8 loads what ipsec-lint says it loads', () => {
  it('the proposal cases: charon adds and refuses exactly the conns the table records', { timeout: 120_000 }, async () => {
    const lib = strongswanLib();
    try {
      const verdicts = await loadIntoCharon(proposalCasesConf(''), PROPOSAL_CASES.map((c) => c.conn), lib);
      const differing = PROPOSAL_CASES.filter((c) => verdicts.get(c.conn)?.verdict !== c.charon).map((c) => `${c.conn}: recorded ${c.charon}, charon ${verdicts.get(c.conn)?.verdict ?? 'said nothing'} ${verdicts.get(c.conn)?.said ?? ''}`);
      assert.deepEqual(differing, []);
    } finally {
      cleanupAll();
    }
  });

  it('a value of the wrong form for each typed conn key: an error from ipsec-lint exactly where charon does not load the conn', { timeout: 120_000 }, async () => {
    const lib = strongswanLib();
    const { text, conns } = badValueConns('strongswan', '5.9.8');
    const head = '# ipsec-dialect: strongswan-5.9.8\nconfig setup\n\n';
    const lines = `${head}${text}`.split('\n');
    const connAt = (line: number): string | undefined => lines.slice(0, line + 1).reverse().find((l) => l.startsWith('conn '))?.slice(5);
    const erring = new Set(lint('ipsec', `${head}${text}`).filter((f) => f.severity === 'error').map((f) => connAt(f.range.start.line)));
    let verdicts;
    try {
      verdicts = await loadIntoCharon(text, conns.map((c) => c.conn), lib);
    } finally {
      cleanupAll();
    }
    // A conn starter drops never reaches charon, so it has no verdict.
    const differing = conns.filter((c) => erring.has(c.conn) === (verdicts.get(c.conn)?.verdict === 'added')).map((c) => `${c.key}=${c.value}: ${erring.has(c.conn) ? 'error' : 'no error'}, charon ${verdicts.get(c.conn)?.verdict ?? 'never got it'}`);
    assert.deepEqual(differing, []);
    assert.ok(conns.length >= 40 && erring.size >= 30, `too few keys tried: ${conns.length}, ${erring.size} with an error`);
  });

  it(`${FILES} corpus files, every conn starter hands over: no "charon refuses it" on a conn charon loaded`, { timeout: 600_000 }, async () => {
    const lib = strongswanLib();
    const workDir = path.join(REPO_ROOT, '.cache', 'oracle', 'runs', `charon-load-test-${process.pid}`);
    let cases: LoadCase[];
    try {
      cases = await runLoadCampaign({ corpusRoot: CORPUS_ROOT, lib, workDir, files: FILES });
    } finally {
      cleanupAll();
      rmSync(workDir, { recursive: true, force: true });
    }
    assert.deepEqual(cases.filter((c) => c.outcome === 'false-error').map(explain), [], 'ipsec-lint says charon refuses conns it loaded');
    assert.deepEqual(cases.filter((c) => c.outcome === 'unknown' || c.outcome === 'missed').map(explain), [], "charon's answer could not be read, or it refused a conn ipsec-lint passes");
    assert.ok(cases.filter((c) => c.outcome === 'agree-added').length >= 50, 'too few conns loaded to judge by');
  });
});
