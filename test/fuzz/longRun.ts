import { readFileSync } from 'node:fs';
import type { FileKind } from '../../server/src/model/fileKind';
import { corpusFiles, KIND_FOR_MANIFEST } from '../corpus/corpusFiles';
import { mutate, random } from './mutate';
import { checkProperties } from './properties';

/** `npm run fuzz -- --inputs N --seed S`: as many mutated corpus inputs as asked, every parser and rule. */
function main(): void {
  const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const inputs = arg('--inputs', 100_000);
  const seed = arg('--seed', Date.now() % 2 ** 31);
  const rand = random(seed);
  const seeds = corpusFiles()
    .filter((f) => KIND_FOR_MANIFEST[f.kind])
    .map((f) => ({ kind: KIND_FOR_MANIFEST[f.kind] as FileKind, text: readFileSync(f.absolutePath, 'utf8'), path: f.relativePath }));
  let failures = 0;
  const started = Date.now();
  for (let i = 1; i <= inputs; i++) {
    const base = seeds[Math.floor(rand() * seeds.length)];
    const { text, applied } = mutate(base.text, rand);
    for (const v of checkProperties(base.kind, text)) {
      failures++;
      process.stdout.write(`FAIL ${base.path} + ${applied.join(',')}: ${v.property}: ${v.detail.split('\n')[0]}\n`);
    }
    if (i % 10_000 === 0) process.stdout.write(`${i} inputs, ${failures} failures, ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
  process.stdout.write(`seed ${seed}: ${inputs} inputs, ${failures} failures\n`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main();
