import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDocument } from '../../../server/src/checks/engine';
import { checkValue } from '../../../server/src/checks/ipsecConf/values/checkValue';
import type { Release } from '../../../server/src/checks/ipsecConf/values/release';
import { completeDocument } from '../../../server/src/features/completion';
import { formatDocument } from '../../../server/src/features/formatting';
import { hoverDocument } from '../../../server/src/features/hover';
import { IPSEC_CONF_KEYWORDS, type ValueType } from '../../../server/src/knowledge/ipsecConf';
import { DIALECTS } from '../../../server/src/knowledge/ipsecConf/types';
import type { FileKind } from '../../../server/src/model/fileKind';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { parse } from '../../helpers';
import { MemoryFiles } from '../workspace/memoryFiles';

/**
 * Regular expressions that backtrack take time that grows with the square (or worse) of a run
 * of the characters they are unsure about: 30,000 of them cost seconds, while a linear pass costs
 * well under a millisecond. Each case must finish within LIMIT_MS, a bound 50 times what a linear
 * pass needs on a loaded machine and several times below what a quadratic one needs.
 */
const RUN = 30_000;
const LIMIT_MS = 300;

/** Characters the expressions repeat (blanks, brackets, separators, digits, letters) and pairs of them. */
const FILLERS = [' ', '\t', '[', '{', ',', ':', '.', '-', '/', '0', 'a', '%', '"', '=', '@', '1.', '[1', ' :', 'a ', ', ', '0x', '\\'];
/** What ends the run so that a pattern anchored at the end fails only after trying it all. */
const TAILS = ['#', ']', ' x'];

function adversarial(prefix = ''): string[] {
  return FILLERS.flatMap((filler) => TAILS.map((tail) => `${prefix}${filler.repeat(Math.ceil(RUN / filler.length))}${tail}`));
}

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/**
 * Runs every case and returns the slow ones, named, so one failure lists them all. A slow case
 * runs twice more and keeps its best time: a busy machine or a garbage collection slows one run,
 * a backtracking expression slows every run.
 */
function slowCases(cases: Iterable<readonly [string, () => unknown]>): string[] {
  const slow: string[] = [];
  for (const [name, run] of cases) {
    let best = timed(run);
    for (let retry = 0; retry < 2 && best > LIMIT_MS; retry++) best = Math.min(best, timed(run));
    if (best > LIMIT_MS) slow.push(`${name}: ${Math.round(best)} ms`);
  }
  return slow;
}

const show = (text: string): string => JSON.stringify(text.length > 24 ? `${text.slice(0, 12)}…${text.slice(-8)}` : text);

/** One value type of each kind the ipsec.conf knowledge gives a keyword, in any dialect or release. */
function valueTypes(): ValueType[] {
  const byKind = new Map<string, ValueType>();
  const add = (type: ValueType | undefined): void => {
    if (type && !byKind.has(type.kind)) byKind.set(type.kind, type);
  };
  for (const keyword of IPSEC_CONF_KEYWORDS) {
    add(keyword.type);
    for (const availability of Object.values(keyword.dialects)) {
      for (const entry of Array.isArray(availability) ? availability : [availability]) add((entry as { type?: ValueType }).type);
    }
  }
  return [...byKind.values()];
}

describe('regular expressions against adversarial strings', () => {
  it('ipsec.conf value checks (bad-value) of every value type and dialect', () => {
    const types = valueTypes();
    assert.ok(types.length >= 10, `only ${types.length} value types found`);
    // A dialect without a version stands for all its releases, old grammars included.
    const releases: Release[] = DIALECTS.map((dialect) => ({ dialect }));
    const values = adversarial();
    const cases = function* (): Generator<readonly [string, () => unknown]> {
      for (const type of types) {
        for (const release of releases) {
          for (const value of values) yield [`${type.kind} ${release.dialect}${release.version ?? ''} ${show(value)}`, () => checkValue(value, type, release)];
        }
      }
    };
    assert.deepEqual(slowCases(cases()), []);
  });

  it('suppression comments', () => {
    const comments = ['# ipsec-lint-disable', '#ipsec-lint-disable-next-line', '# ipsec-lint-disable-next-line unknown-keyword'].flatMap((directive) => adversarial(directive));
    assert.deepEqual(slowCases(comments.map((comment) => [`${show(comment)}`, () => checkDocument(parse('ipsec', `${comment}\nconn a\n\tleft=192.0.2.1\n`))] as const)), []);
  });

  /** Line starts that bring each kind's completion, hover and formatting to the expressions they use (comments: the formatter trims them). */
  const LINE_STARTS: Readonly<Record<FileKind, readonly string[]>> = {
    ipsec: ['conn a\n\tleft=', 'conn a\n\t# ', ''],
    'ipsec-secrets': ['@a @b : PSK ', ''],
    racoon: ['remote anonymous {\n\t', 'remote anonymous {\n\t# ', ''],
    'racoon-psk': [''],
    setkey: ['add 1 2 esp 1\n\t-E aes-cbc ', 'spdflush;\n  # ', ''],
  };
  const model = new WorkspaceIndex(new MemoryFiles()).model([]);

  for (const [kind, starts] of Object.entries(LINE_STARTS) as Array<[FileKind, readonly string[]]>) {
    it(`${kind}: formatting, completion at the end of a long line, and hover at its start, middle and end`, () => {
      const cases = function* (): Generator<readonly [string, () => unknown]> {
        for (const start of starts) {
          for (const line of adversarial(start)) {
            const document = parse(kind, `${line}\n`);
            yield [`format ${show(line)}`, () => formatDocument(document)];
            yield [`complete ${show(line)} at the end`, () => completeDocument(document, document.source.positionAt(line.length), model)];
            for (const offset of [start.length, start.length + RUN / 2, line.length]) yield [`hover ${show(line)} at ${offset}`, () => hoverDocument(document, offset, model)];
          }
        }
      };
      assert.deepEqual(slowCases(cases()), []);
    });
  }

  it('completion at the end of a statement of 100,000 words reads it once', () => {
    const words = 'a '.repeat(100_000);
    const lines: Readonly<Record<FileKind, string>> = {
      ipsec: `conn a\n\tleft=${words}`,
      'ipsec-secrets': `@a @b : PSK ${words}`,
      racoon: `remote anonymous {\n\tproposal_check ${words}`,
      'racoon-psk': `192.0.2.1 ${words}`,
      setkey: `add 1 2 esp 1 -E aes-cbc ${words}`,
    };
    const slow = slowCases(
      Object.entries(lines).map(([kind, line]) => {
        const document = parse(kind as FileKind, line);
        return [kind, () => completeDocument(document, document.source.positionAt(line.length), model)] as const;
      }),
    );
    assert.deepEqual(slow, []);
  });
});
