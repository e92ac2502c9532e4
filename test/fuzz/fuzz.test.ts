import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { FileKind } from '../../server/src/model/fileKind';
import { corpusFiles, KIND_FOR_MANIFEST } from '../corpus/corpusFiles';
import { mutate, random } from './mutate';
import { checkProperties } from './properties';

/** Bounded and seeded so `npm test` is repeatable; `npm run fuzz` runs as long as asked. */
const INPUTS_PER_KIND = 400;
const SEED = 20261122;

describe('fuzzing every parser and rule with mutated corpus files', () => {
  const byKind = new Map<FileKind, string[]>();
  for (const file of corpusFiles()) {
    const kind = KIND_FOR_MANIFEST[file.kind] as FileKind | undefined;
    if (!kind) continue;
    const list = byKind.get(kind) ?? [];
    list.push(file.absolutePath);
    byKind.set(kind, list);
  }

  for (const [kind, files] of byKind) {
    it(`${kind}: ${INPUTS_PER_KIND} mutated inputs break no property`, () => {
      const rand = random(SEED + kind.length);
      const failures: string[] = [];
      for (let i = 0; i < INPUTS_PER_KIND; i++) {
        const seedFile = files[Math.floor(rand() * files.length)];
        const { text, applied } = mutate(readFileSync(seedFile, 'utf8'), rand);
        const started = performance.now();
        const violations = checkProperties(kind, text);
        const elapsed = performance.now() - started;
        if (elapsed > 2000) violations.push({ property: 'fast', detail: `${Math.round(elapsed)} ms for ${text.length} characters` });
        for (const v of violations) failures.push(`${seedFile} + ${applied.join(',')}: ${v.property}: ${v.detail}`);
      }
      assert.deepEqual(failures.slice(0, 5), []);
    });
  }
});
