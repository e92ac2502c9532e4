import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { compare, type Comparison } from './compare';
import { generatePair } from './generate';
import { renderConfFiles, sidePaths, writePair } from './layout';
import { MUTATIONS, mutate, type Mutation } from './mutations';
import { DEFAULT_NEGOTIATION, negotiate, type NegotiationOptions, type NegotiationOutcome } from './negotiate';
import type { Pki } from './pki';
import { predict, type Prediction } from './predict';
import { Rng } from './random';
import { redactSecrets } from './redact';
import type { PairCase } from './spec';
import { sideOf } from './spec';

export interface CaseResult {
  readonly pair: PairCase;
  readonly prediction: Prediction;
  readonly daemon: NegotiationOutcome;
  readonly comparison: Comparison;
  readonly files: Record<'west' | 'east', { readonly conf: string; readonly secrets: string }>;
  readonly ms: number;
}

export interface CampaignOptions {
  readonly seed: number;
  readonly pairs: number;
  readonly workDir: string;
  readonly pki: Pki;
  /** Only these mutations (names); all when absent. */
  readonly only?: readonly string[];
  /** Reproduce single cases by their own seeds instead of drawing `pairs` from `seed`. */
  readonly caseSeeds?: readonly number[];
  /** Cycle through the mutations (each case drawn until its mutation applies) instead of drawing them by weight. */
  readonly stratified?: boolean;
  readonly keep: 'all' | 'disagreements' | 'none';
  readonly negotiation?: NegotiationOptions;
  readonly onCase?: (result: CaseResult, done: number, total: number) => void;
  /** The mutations to draw from; the common catalogue when absent. */
  readonly catalogue?: readonly Mutation[];
}

/** The case for one seed: a consistent pair, then one mutation drawn from the same generator. */
export function caseFromSeed(index: number, caseSeed: number, only?: readonly string[], catalogue: readonly Mutation[] = MUTATIONS): PairCase {
  const rng = new Rng(caseSeed);
  const pair = generatePair(index, caseSeed, rng);
  mutate(pair, rng, only, catalogue);
  return pair;
}

/** Case `index` of a stratified run: the mutation is fixed, the base is redrawn until it fits. */
export function stratifiedCase(index: number, seed: number, mutation: string, catalogue: readonly Mutation[] = MUTATIONS): PairCase {
  for (let attempt = 0; attempt < 64; attempt++) {
    const pair = caseFromSeed(index, Rng.caseSeed(seed, index * 64 + attempt), [mutation], catalogue);
    if (pair.mutation === mutation) return pair;
  }
  throw new Error(`no base pair fits mutation ${mutation}`);
}

export async function runCase(pair: PairCase, options: CampaignOptions): Promise<CaseResult> {
  const started = Date.now();
  const pairDir = path.join(options.workDir, pair.id);
  const negotiation = options.negotiation ?? DEFAULT_NEGOTIATION;
  const dialects = { west: negotiation.libreswan?.west?.dialect, east: negotiation.libreswan?.east?.dialect };
  writePair(pairDir, pair, options.pki, dialects);
  const prediction = predict(pairDir);
  const daemon = await withOneRetry(() => negotiate(pairDir, pair, options.pki, negotiation));
  const comparison = compare(pair, prediction, daemon);
  const conf = (host: 'west' | 'east'): string => {
    const p = sidePaths(pairDir, sideOf(pair, host));
    const included = Object.keys(renderConfFiles(pair, sideOf(pair, host), dialects[host])).filter((name) => name !== 'ipsec.conf');
    return [readFileSync(p.conf, 'utf8'), ...included.map((name) => `# --- ${name}\n${readFileSync(path.join(p.etc, name), 'utf8')}`)].join('\n');
  };
  const secrets = redactSecrets({ west: readFileSync(sidePaths(pairDir, pair.west).secrets, 'utf8'), east: readFileSync(sidePaths(pairDir, pair.east).secrets, 'utf8') });
  const files = { west: { conf: conf('west'), secrets: secrets.west }, east: { conf: conf('east'), secrets: secrets.east } };
  const agreed = comparison.outcome === 'agree-up' || comparison.outcome === 'agree-fails';
  if (options.keep === 'none' || (options.keep === 'disagreements' && agreed)) rmSync(pairDir, { recursive: true, force: true });
  return { pair, prediction, daemon, comparison, files, ms: Date.now() - started };
}

/** A busy machine can make a daemon miss its start-up deadline: such a case is run once more before the run stops. */
async function withOneRetry<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    console.error(`negotiation: ${error instanceof Error ? error.message : String(error)}; trying the case once more`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return attempt();
  }
}

export async function runCampaign(options: CampaignOptions): Promise<CaseResult[]> {
  mkdirSync(options.workDir, { recursive: true });
  const catalogue = options.catalogue ?? MUTATIONS;
  const names = (options.only ?? catalogue.map((m) => m.name)).filter((n) => catalogue.some((m) => m.name === n));
  const cases: PairCase[] = options.caseSeeds
    ? options.caseSeeds.map((caseSeed, index) => caseFromSeed(index, caseSeed, options.only, catalogue))
    : Array.from({ length: options.pairs }, (_, index) =>
        options.stratified ? stratifiedCase(index, options.seed, names[index % names.length], catalogue) : caseFromSeed(index, Rng.caseSeed(options.seed, index), options.only, catalogue),
      );
  const results: CaseResult[] = [];
  for (const pair of cases) {
    const result = await runCase(pair, options);
    results.push(result);
    options.onCase?.(result, results.length, cases.length);
  }
  return results;
}
