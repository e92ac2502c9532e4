import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCampaign } from './campaign';
import { findOracles, ORACLE_NAMES, type OracleName } from './oracles';
import { explainBase, explainCase, markdownReport, rows, textTable } from './report';

const USAGE = 'usage: npm run test:oracle -- [--files N] [--seed S] [--bases N] [--oracle NAME] [--only mutation,...] [--report] [--missed] [--examples N]';

function parse(argv: readonly string[]): { files: number; seed: number; bases?: number; oracle?: OracleName; only?: string[]; report: boolean; missed: boolean; examples: number } {
  const values = new Map<string, string>();
  let report = false;
  let missed = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--missed') {
      missed = true;
      continue;
    }
    if (argv[i] === '--report') {
      report = true;
      continue;
    }
    if (argv[i] === '--help' || argv[i] === '-h') throw new Error(USAGE);
    const [key, inline] = argv[i].split('=', 2);
    if (!['--files', '--seed', '--bases', '--oracle', '--only', '--examples'].includes(key)) throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${key} needs a value\n${USAGE}`);
    values.set(key, value);
  }
  const int = (key: string): number | undefined => {
    const raw = values.get(key);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a non-negative integer, not ${raw}`);
    return n;
  };
  const oracle = values.get('--oracle');
  const known = ORACLE_NAMES.find((name) => name === oracle);
  if (oracle !== undefined && known === undefined) throw new Error(`--oracle must be one of ${ORACLE_NAMES.join(', ')}\n${USAGE}`);
  return { files: int('--files') ?? 500, seed: int('--seed') ?? 1, bases: int('--bases'), oracle: known, only: values.get('--only')?.split(','), report, missed, examples: int('--examples') ?? 20 };
}

function main(): number {
  const args = parse(process.argv.slice(2));
  const repoRoot = process.cwd();
  const found = findOracles(repoRoot);
  const wanted = args.oracle === undefined ? found.missing : found.missing.filter((m) => m.name === args.oracle);
  if (wanted.length > 0) {
    for (const m of wanted) console.error(m.howToInstall);
    return 2;
  }
  const oracles = found.available.filter((o) => args.oracle === undefined || o.name === args.oracle);
  const result = runCampaign({ repoRoot, corpusRoot: path.resolve(repoRoot, '..', 'shared', 'corpus'), oracles, files: args.files, seed: args.seed, bases: args.bases, only: args.only, workDir: path.join(repoRoot, '.cache', 'oracle', 'runs', 'cli') });
  const { perOracle, perMutation } = rows(result.cases);
  console.log(textTable(perOracle));
  console.log('');
  console.log(textTable(perMutation));
  const baseFalse = result.bases.filter((b) => b.outcome === 'false-error');
  console.log(`\nunmutated: ${result.bases.length} corpus files, ${result.bases.filter((b) => b.verdict.verdict === 'accepts').length} accepted by their oracle, ${baseFalse.length} with a false error; ${Math.round(result.ms / 1000)} s`);
  const falseCases = result.cases.filter((c) => c.outcome === 'false-error');
  for (const b of baseFalse.slice(0, args.examples)) console.log(explainBase(b));
  for (const c of falseCases.slice(0, args.examples)) console.log(explainCase(c));
  if (args.missed) for (const c of result.cases.filter((r) => r.outcome === 'missed').slice(0, args.examples)) console.log(explainCase(c));
  if (args.report) {
    const command = `npm run test:oracle -- ${process.argv.slice(2).join(' ')}`.trim();
    writeFileSync(path.join(repoRoot, 'docs', 'oracle-report.md'), markdownReport(result, { seed: args.seed, files: args.files, command }));
    console.log('wrote docs/oracle-report.md');
  }
  return falseCases.length + baseFalse.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
}
