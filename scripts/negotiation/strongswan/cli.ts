import path from 'node:path';
import { cleanupAll, installSignalCleanup } from '../cleanup';
import { removeStaleNamespaces } from '../netns';
import { ensurePki } from '../pki';
import { resultLine, runScenarios } from './campaign';
import { ensureStrongswan } from './install';
import { SCENARIOS } from './catalogue';

/** `npm run test:negotiation -- --strongswan [--only name,…] [--verbose]`: the strongSwan scenarios, one line each. */
export async function strongswanMain(argv: readonly string[], repoRoot: string): Promise<number> {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? argv[argv.indexOf('--only') + 1];
  const verbose = argv.includes('--verbose');
  const chosen = argv.includes('--only') || argv.some((a) => a.startsWith('--only=')) ? SCENARIOS.filter((s) => (only ?? '').split(',').includes(s.name)) : SCENARIOS;
  installSignalCleanup();
  removeStaleNamespaces();
  const cacheDir = path.join(repoRoot, '.cache', 'negotiation');
  const tree = ensureStrongswan(cacheDir);
  const workDir = path.join(cacheDir, 'runs', `strongswan-${process.pid}`);
  console.log(`strongSwan ${tree.version} scenarios: ${chosen.length} (work folder ${path.relative(repoRoot, workDir)})`);
  try {
    const results = await runScenarios(chosen, workDir, ensurePki(cacheDir), tree.lib, (r) => {
      console.log(resultLine(r));
      if (verbose) {
        for (const d of r.daemon.directions) console.log(`    ${d.initiator} initiates: ${d.verdict} (${d.reason}) ${d.line ?? ''}`);
        for (const f of r.prediction.findings) console.log(`    ${f.file}:${f.line} ${f.severity} ${f.code}: ${f.message}`);
      }
    });
    const bad = results.filter((r) => r.agreement === 'missed' || r.agreement === 'false-alarm');
    console.log(`${results.length - bad.length} of ${results.length} agree`);
    return bad.length === 0 ? 0 : 1;
  } finally {
    cleanupAll();
  }
}
