import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileKind } from '../../server/src/model/fileKind';
import { corpusFiles, KIND_FOR_MANIFEST } from '../corpus/corpusFiles';
import { mutate, random } from './mutate';
import { checkProperties } from './properties';
import { plantSecret } from './secretMarker';
import { checkWorkspaceProperties } from './workspaceProperties';

/** One mutated two-gateway workspace after every this many documents. */
const WORKSPACE_EVERY = 50;

/**
 * `npm run fuzz -- --inputs N --seed S`: as many mutated corpus inputs as asked, with every
 * property of `npm test`'s fuzz suite on every input (formatting, fix-all, completion and hover
 * included), and a mutated workspace through the cross-file rules every WORKSPACE_EVERY inputs.
 */
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
    .map((f) => {
      const kind = KIND_FOR_MANIFEST[f.kind] as FileKind;
      return { kind, text: plantSecret(kind, readFileSync(f.absolutePath, 'utf8')), path: f.relativePath };
    });
  const seedText = (kind: FileKind): string => {
    const ofKind = seeds.filter((s) => s.kind === kind);
    return ofKind.length > 0 ? ofKind[Math.floor(rand() * ofKind.length)].text : '';
  };
  let failures = 0;
  let workspaces = 0;
  const started = Date.now();
  const report = (where: string, property: string, detail: string): void => {
    failures++;
    process.stdout.write(`FAIL ${where}: ${property}: ${detail.split('\n')[0]}\n`);
  };
  for (let i = 1; i <= inputs; i++) {
    const base = seeds[Math.floor(rand() * seeds.length)];
    const { text, applied } = mutate(base.text, rand);
    const violations = checkProperties(base.kind, text, { rand, formatAndFix: true, offsets: 2 });
    for (const v of violations) report(`${base.path} + ${applied.join(',')}`, v.property, v.detail);
    if (violations.length > 0) keepInput(i, base.kind, text);
    if (i % WORKSPACE_EVERY === 0) {
      workspaces++;
      const { violations, applied: changed } = checkWorkspaceProperties(seedText, rand);
      for (const v of violations) report(`workspace (${changed.join(' ')})`, v.property, v.detail);
    }
    if (i % 10_000 === 0) process.stdout.write(`${i} inputs, ${workspaces} workspaces, ${failures} failures, ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
  process.stdout.write(`seed ${seed}: ${inputs} inputs, ${workspaces} workspaces, ${failures} failures\n`);
  process.exitCode = failures > 0 ? 1 : 0;
}

/** With IPSEC_FUZZ_KEEP=<folder>, each input that broke a property is written there, to reproduce it. */
function keepInput(index: number, kind: FileKind, text: string): void {
  const folder = process.env.IPSEC_FUZZ_KEEP;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `input-${index}.${kind}`);
  writeFileSync(file, text);
  process.stdout.write(`  kept as ${file}\n`);
}

main();
