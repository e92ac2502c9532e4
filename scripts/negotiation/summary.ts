import type { CaseResult } from './campaign';
import { OUTCOMES, type Outcome } from './compare';
import { mutationNamed } from './mutations';

export type OutcomeCounts = Record<Outcome, number>;

export interface MutationRow {
  readonly mutation: string;
  readonly cases: number;
  readonly counts: OutcomeCounts;
  readonly daemonReasons: Record<string, number>;
  readonly predictedCodes: Record<string, number>;
}

export interface Summary {
  readonly cases: number;
  readonly decidable: number;
  readonly counts: OutcomeCounts;
  /** up/fails agreement over decidable cases. */
  readonly verdictAgreement: number;
  /** Among failures both sides call failures, how many our rule explains. */
  readonly reasonAgreement: number;
  /** up/fails agreement on mutations a rule is about (whether or not the daemons then fail). */
  readonly claimedAgreement: { readonly agreed: number; readonly decidable: number };
  /** Decidable pairs the daemons brought up, and those they did not. */
  readonly daemonUp: number;
  readonly daemonFails: number;
  /** Pairs the daemons brought up although a single-file rule reports an error in one of their files. */
  readonly fileErrorsOnUp: number;
  readonly rows: readonly MutationRow[];
}

function emptyCounts(): OutcomeCounts {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;
}

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

export function summarize(results: readonly CaseResult[]): Summary {
  const counts = emptyCounts();
  const rows = new Map<string, { counts: OutcomeCounts; cases: number; daemonReasons: Record<string, number>; predictedCodes: Record<string, number> }>();
  for (const r of results) {
    counts[r.comparison.outcome]++;
    let row = rows.get(r.pair.mutation);
    if (!row) {
      row = { counts: emptyCounts(), cases: 0, daemonReasons: {}, predictedCodes: {} };
      rows.set(r.pair.mutation, row);
    }
    row.cases++;
    row.counts[r.comparison.outcome]++;
    bump(row.daemonReasons, r.daemon.reason);
    for (const code of r.prediction.errorCodes) bump(row.predictedCodes, code);
    if (r.prediction.errorCodes.length === 0) bump(row.predictedCodes, '(none)');
  }
  const decidable = results.length - counts.undecidable;
  const agreedCase = (r: CaseResult): boolean => r.comparison.outcome.startsWith('agree');
  const decided = results.filter((r) => r.comparison.outcome !== 'undecidable');
  const claimed = decided.filter((r) => mutationNamed(r.pair.mutation)?.rule !== undefined);
  const agreeFails = counts['agree-fails'] + counts['agree-fails-other-reason'];
  return {
    cases: results.length,
    decidable,
    counts,
    verdictAgreement: ratio(counts['agree-up'] + agreeFails, decidable),
    reasonAgreement: ratio(counts['agree-fails'], agreeFails),
    claimedAgreement: { agreed: claimed.filter(agreedCase).length, decidable: claimed.length },
    daemonUp: decided.filter((r) => r.daemon.verdict === 'up').length,
    daemonFails: decided.filter((r) => r.daemon.verdict === 'fails').length,
    fileErrorsOnUp: results.filter((r) => r.daemon.verdict === 'up' && r.prediction.fileFindings.some((f) => f.severity === 'error')).length,
    rows: [...rows.entries()].sort(([a], [b]) => (a === 'none' ? -1 : b === 'none' ? 1 : a.localeCompare(b))).map(([mutation, row]) => ({ mutation, ...row })),
  };
}

export function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
