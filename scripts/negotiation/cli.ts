import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args';
import { runCampaign, type CaseResult } from './campaign';
import { installSignalCleanup, runCleanly } from './cleanup';
import { removeStaleNamespaces } from './netns';
import { ensurePki } from './pki';
import { ensureLibreswan5, libreswan5Missing } from './libreswan5';
import { LIBRESWAN5_CATALOGUE } from './mutations';
import { describeMissing, installIfMissing, preflight } from './preflight';
import { markdownReport, jsonReport, caseLine } from './report';
import { percent, summarize } from './summary';
import { strongswanMain } from './strongswan/cli';
import { run } from './tools';

function revision(repo: string): string | undefined {
  const head = run('git', ['-C', repo, 'rev-parse', '--short', 'HEAD']);
  if (head.status !== 0) return undefined;
  const dirty = run('git', ['-C', repo, 'status', '--porcelain', '--', 'server']).stdout.trim().length > 0;
  return `${head.stdout.trim()}${dirty ? '+changes' : ''}`;
}

async function main(): Promise<number> {
  if (process.argv.includes('--strongswan')) return strongswanMain(process.argv.slice(2), process.cwd());
  const args = parseArgs(process.argv.slice(2));
  installSignalCleanup();
  installIfMissing((line) => console.log(line));
  const check = preflight();
  const repo = process.cwd();
  const cacheDir = path.join(repo, '.cache', 'negotiation');
  const missing = [...check.missing, ...(args.libreswan5 ? libreswan5Missing(cacheDir) : [])];
  if (missing.length > 0) {
    console.error(describeMissing(missing));
    return 2;
  }
  const five = args.libreswan5 ? ensureLibreswan5(cacheDir, (line) => console.log(line)) : undefined;
  const debian = `Libreswan ${check.libreswanVersion ?? '?'}`;
  const libreswan = five && (args.libreswan5 === 'both' ? { west: five, east: five } : { east: five });
  const version = !five ? debian : args.libreswan5 === 'both' ? five.label : `${debian} (west) with ${five.label} (east)`;
  for (const name of removeStaleNamespaces()) console.log(`negotiation: removed stale namespace ${name}`);
  const t0 = Date.now();
  const pki = ensurePki(cacheDir);
  const pkiMs = Date.now() - t0;
  const workDir = path.join(cacheDir, 'runs', `seed-${args.seed}-${process.pid}`);
  console.log(`negotiation: ${version}, seed ${args.seed}, ${args.caseSeeds?.length ?? args.pairs} pairs, work dir ${path.relative(repo, workDir)}`);
  const results: CaseResult[] = await runCampaign({
    seed: args.seed,
    pairs: args.pairs,
    workDir,
    pki,
    only: args.only,
    caseSeeds: args.caseSeeds,
    stratified: args.stratified,
    keep: args.keep,
    negotiation: { timeoutMs: args.timeoutMs, graceMs: 250, libreswan },
    // Mutations only Libreswan 5 refuses need it on both ends: the mutated end is drawn at random.
    catalogue: args.libreswan5 === 'both' ? LIBRESWAN5_CATALOGUE : undefined,
    onCase: (r, done, total) => {
      console.log(caseLine(r, done, total));
      if (args.verbose) for (const e of r.daemon.events) console.log(`      ${e.slice(0, 240)}`);
    },
  });
  const totalMs = Date.now() - t0;
  const summary = summarize(results);
  const meta = { revision: revision(repo), seed: args.seed, pairs: results.length, libreswan: five ? version : (check.libreswanVersion ?? '?'), totalMs, pkiMs, workDir: path.relative(repo, workDir), command: `npm run test:negotiation -- ${process.argv.slice(2).join(' ')}`.trim() };
  const outDir = path.resolve(repo, args.out);
  mkdirSync(outDir, { recursive: true });
  const markdown = markdownReport(results, summary, meta);
  writeFileSync(path.join(outDir, 'report.md'), markdown);
  writeFileSync(path.join(outDir, 'report.json'), `${JSON.stringify(jsonReport(results, summary, meta), null, 1)}\n`);
  console.log('');
  console.log(markdown.split('\n## Mutation catalogue')[0]);
  console.log(`negotiation: verdict agreement ${percent(summary.verdictAgreement)} of ${summary.decidable} decidable pairs (${summary.counts.undecidable} undecidable); report in ${path.relative(repo, outDir)}/report.md`);
  return 0;
}

runCleanly(main);
