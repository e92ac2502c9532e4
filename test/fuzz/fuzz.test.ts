import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { FileKind } from '../../server/src/model/fileKind';
import { corpusFiles, KIND_FOR_MANIFEST } from '../corpus/corpusFiles';
import { mutate, random } from './mutate';
import { checkProperties } from './properties';
import { plantSecret } from './secretMarker';
import { checkWorkspaceProperties } from './workspaceProperties';

/** Bounded and seeded so `npm test` is repeatable; `npm run fuzz` runs as long as asked. */
const INPUTS_PER_KIND = 400;
/**
 * The features are sampled to keep `npm test` fast (`npm run fuzz` runs all of them on every
 * input): formatting twice and fix-all on one input in four, completion and hover at one offset
 * of another input in four, and a small number of mutated workspaces.
 */
const FORMAT_AND_FIX_EVERY = 4;
const COMPLETION_EVERY = 4;
const WORKSPACES = 20;
const SEED = 20261122;

function corpusByKind(): Map<FileKind, string[]> {
  const byKind = new Map<FileKind, string[]>();
  for (const file of corpusFiles()) {
    const kind = KIND_FOR_MANIFEST[file.kind] as FileKind | undefined;
    if (!kind) continue;
    const list = byKind.get(kind) ?? [];
    list.push(file.absolutePath);
    byKind.set(kind, list);
  }
  return byKind;
}

describe('fuzzing every parser, rule and feature with mutated corpus files', () => {
  const byKind = corpusByKind();

  for (const [kind, files] of byKind) {
    it(`${kind}: ${INPUTS_PER_KIND} mutated inputs break no property`, () => {
      const rand = random(SEED + kind.length);
      const failures: string[] = [];
      for (let i = 0; i < INPUTS_PER_KIND; i++) {
        const seedFile = files[Math.floor(rand() * files.length)];
        const { text, applied } = mutate(plantSecret(kind, readFileSync(seedFile, 'utf8')), rand);
        const started = performance.now();
        const violations = checkProperties(kind, text, { rand, formatAndFix: i % FORMAT_AND_FIX_EVERY === 0, offsets: i % COMPLETION_EVERY === 1 ? 1 : 0 });
        const elapsed = performance.now() - started;
        if (elapsed > 2000) violations.push({ property: 'fast', detail: `${Math.round(elapsed)} ms for ${text.length} characters` });
        for (const v of violations) failures.push(`${seedFile} + ${applied.join(',')}: ${v.property}: ${v.detail}`);
      }
      assert.deepEqual(failures.slice(0, 5), []);
    });
  }

  it(`${WORKSPACES} mutated two-gateway workspaces break no cross-file rule`, () => {
    const rand = random(SEED);
    const seedText = (kind: FileKind): string => {
      const files = byKind.get(kind) ?? [];
      return files.length > 0 ? readFileSync(files[Math.floor(rand() * files.length)], 'utf8') : '';
    };
    const failures: string[] = [];
    for (let i = 0; i < WORKSPACES; i++) {
      const started = performance.now();
      const { violations, applied } = checkWorkspaceProperties(seedText, rand);
      const elapsed = performance.now() - started;
      if (elapsed > 5000) violations.push({ property: 'fast', detail: `${Math.round(elapsed)} ms` });
      for (const v of violations) failures.push(`workspace ${i} (${applied.join(' ')}): ${v.property}: ${v.detail}`);
    }
    assert.deepEqual(failures.slice(0, 5), []);
  });
});
