import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Rng } from '../negotiation/random';
import { classify, type Classification } from './classify';
import { sourceFiles, type SourceFile } from './corpus';
import { lintFiles, type LintMessage } from './lint';
import { mutate, mutationNames, type Mutated } from './mutations';
import type { Oracle, OracleResult } from './oracles';

export interface CampaignOptions {
  readonly repoRoot: string;
  readonly corpusRoot: string;
  readonly oracles: readonly Oracle[];
  /** Mutated files per oracle. */
  readonly files: number;
  readonly seed: number;
  readonly workDir: string;
  /** At most this many corpus files per oracle are tried as bases (all when undefined). */
  readonly bases?: number;
  /** Only these mutations (all when undefined); each is used in turn. */
  readonly only?: readonly string[];
}

export interface CaseResult extends Classification {
  readonly oracle: Oracle;
  readonly index: number;
  readonly seed: number;
  readonly source: string;
  readonly mutation: string;
  readonly mutated: Mutated;
  readonly file: string;
  readonly verdict: OracleResult;
  readonly messages: readonly LintMessage[];
}

export interface BaseResult extends Classification {
  readonly oracle: Oracle;
  readonly source: string;
  readonly file: string;
  readonly text: string;
  readonly verdict: OracleResult;
  readonly messages: readonly LintMessage[];
}

export interface CampaignResult {
  readonly cases: readonly CaseResult[];
  /** The unmutated bases and how the oracle and ipsec-lint judged each. */
  readonly bases: readonly BaseResult[];
  readonly ms: number;
}

function writeCase(dir: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'ipsec.conf');
  writeFileSync(file, text);
  return file;
}

interface Pending {
  readonly oracle: Oracle;
  readonly text: string;
  readonly file: string;
  readonly verdict: OracleResult;
}

function baseSample(options: CampaignOptions, oracle: Oracle): SourceFile[] {
  const all = sourceFiles(options.corpusRoot, oracle.corpusDialect, oracle.dialectComment);
  if (options.bases === undefined || options.bases >= all.length) return all;
  return new Rng(options.seed ^ 0x5bd1e995).shuffle(all).slice(0, options.bases);
}

export function runCampaign(options: CampaignOptions): CampaignResult {
  const started = Date.now();
  rmSync(options.workDir, { recursive: true, force: true });
  const names = options.only ?? mutationNames();
  const bases: (Pending & { source: string })[] = [];
  const cases: (Pending & Omit<CaseResult, keyof Classification | 'messages' | 'verdict' | 'file' | 'oracle'>)[] = [];
  for (const oracle of options.oracles) {
    const dir = path.join(options.workDir, oracle.name);
    const judged = baseSample(options, oracle).map((source, i) => {
      const file = writeCase(path.join(dir, 'base', String(i)), source.text);
      return { oracle, source: source.relativePath, text: source.text, file, verdict: oracle.run(file) };
    });
    bases.push(...judged);
    const accepted = judged.filter((b) => b.verdict.verdict === 'accepts');
    if (accepted.length === 0) throw new Error(`${oracle.label} accepts none of the ${judged.length} corpus files tried: is it installed correctly?`);
    for (let index = 0; index < options.files; index++) {
      const seed = Rng.caseSeed(options.seed, index);
      const rng = new Rng(seed);
      const mutation = names[index % names.length];
      let made: { base: (typeof accepted)[number]; mutated: Mutated } | undefined;
      for (let attempt = 0; attempt < 8 && made === undefined; attempt++) {
        const base = rng.pick(accepted);
        const mutated = mutate(base.text, mutation, rng, oracle.family);
        if (mutated !== undefined) made = { base, mutated };
      }
      if (made === undefined) continue;
      const file = writeCase(path.join(dir, 'case', String(index)), made.mutated.text);
      cases.push({ oracle, index, seed, source: made.base.source, mutation, mutated: made.mutated, text: made.mutated.text, file, verdict: oracle.run(file) });
    }
  }
  const messages = lintFiles(options.repoRoot, [...bases, ...cases].map((p) => p.file));
  const lintOf = (file: string): readonly LintMessage[] => messages.get(path.resolve(file)) ?? [];
  return {
    bases: bases.map((b) => {
      const m = lintOf(b.file);
      return { ...b, messages: m, ...classify(m, b.text, b.verdict.verdict, b.oracle) };
    }),
    cases: cases.map((c) => {
      const m = lintOf(c.file);
      return { ...c, messages: m, ...classify(m, c.text, c.verdict.verdict, c.oracle) };
    }),
    ms: Date.now() - started,
  };
}
