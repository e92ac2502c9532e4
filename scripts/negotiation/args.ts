export interface CliArgs {
  readonly pairs: number;
  readonly seed: number;
  readonly only?: readonly string[];
  readonly caseSeeds?: readonly number[];
  readonly keep: 'all' | 'disagreements' | 'none';
  readonly out: string;
  readonly verbose: boolean;
  readonly stratified: boolean;
  readonly timeoutMs: number;
  /** Which ends run Libreswan 5.2, built from source, instead of Debian's 4.10: both, or east only (`--mixed`). */
  readonly libreswan5?: 'both' | 'east';
}

const USAGE = 'usage: npm run test:negotiation -- [--pairs N] [--seed S] [--only mutation,...] [--case SEED,...] [--stratified] [--keep all|disagreements|none] [--out DIR] [--timeout MS] [--libreswan5 | --mixed] [--verbose]';

export function parseArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  let verbose = false;
  let stratified = false;
  let libreswan5: CliArgs['libreswan5'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--verbose' || arg === '-v') {
      verbose = true;
      continue;
    }
    if (arg === '--stratified') {
      stratified = true;
      continue;
    }
    if (arg === '--libreswan5' || arg === '--mixed') {
      libreswan5 = arg === '--mixed' ? 'east' : 'both';
      continue;
    }
    if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    const [key, inline] = arg.split('=', 2);
    if (!['--pairs', '--seed', '--only', '--case', '--keep', '--out', '--timeout'].includes(key)) throw new Error(`unknown argument ${arg}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${key} needs a value\n${USAGE}`);
    values.set(key, value);
  }
  const int = (key: string, fallback: number): number => {
    const raw = values.get(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a non-negative integer, not ${raw}`);
    return n;
  };
  const keep = values.get('--keep') ?? 'disagreements';
  if (keep !== 'all' && keep !== 'disagreements' && keep !== 'none') throw new Error(`--keep must be all, disagreements or none\n${USAGE}`);
  const list = (key: string): string[] | undefined => values.get(key)?.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  return {
    pairs: int('--pairs', 40),
    seed: int('--seed', 1),
    only: list('--only'),
    caseSeeds: list('--case')?.map(Number),
    keep,
    out: values.get('--out') ?? 'artifacts/negotiation',
    verbose,
    stratified,
    timeoutMs: int('--timeout', 4000),
    libreswan5,
  };
}
