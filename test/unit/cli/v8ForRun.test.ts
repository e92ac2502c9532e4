import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { SMALL_RUN_FILES, tuneV8For, v8FlagsFor } from '../../../server/src/cli/v8ForRun';
import { runCli } from '../../../server/src/cli/run';
import { workspace } from './cliRun';

/** The young generation's size in a child process that set these V8 options at run time and then kept 30 MB of small objects alive. */
function youngGenerationAfter(flags: readonly string[]): number {
  const script = `for (const flag of ${JSON.stringify(flags)}) require('v8').setFlagsFromString(flag);
    const kept = [];
    for (let i = 0; i < 300000; i++) kept.push({ i, text: 'x' + i });
    process.stdout.write(String(require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size));`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return Number(run.stdout);
}

describe('tuning V8 for the run', () => {
  it('keeps the young generation from growing and optimizes later in a run of a few thousand files, not in larger ones', () => {
    const short = ['--semi-space-growth-factor=1', '--interrupt-budget=540672'];
    assert.deepEqual(v8FlagsFor(960), short);
    assert.deepEqual(v8FlagsFor(SMALL_RUN_FILES), short);
    assert.deepEqual(v8FlagsFor(SMALL_RUN_FILES + 1), []);
  });

  it("asks for eight times the interrupt budget of this Node's V8", () => {
    const run = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const defaultBudget = Number(/--interrupt-budget\b[^]*?default: --interrupt-budget=(\d+)/.exec(run.stdout)?.[1]);
    assert.ok(defaultBudget > 0, 'V8 lists its default interrupt budget');
    assert.ok(v8FlagsFor(1).includes(`--interrupt-budget=${8 * defaultBudget}`));
  });

  it('takes effect when set after Node has started', () => {
    const kept = youngGenerationAfter(v8FlagsFor(960));
    const grown = youngGenerationAfter(v8FlagsFor(SMALL_RUN_FILES + 1));
    assert.ok(kept <= 2.5 * 2 ** 20, `young generation kept at ${kept} bytes`);
    assert.ok(grown > 2 * kept, `grown to ${grown} bytes without the option`);
  });

  it("leaves V8 alone in the build's run that writes the code cache", () => {
    const set: string[] = [];
    tuneV8For(960, { IPSEC_WRITE_CODE_CACHE: '1' }, (flag) => set.push(flag));
    assert.equal(set.length, 0);
    tuneV8For(960, {}, (flag) => set.push(flag));
    assert.deepEqual(set, v8FlagsFor(960));
  });

  it('is told how many files the CLI found, before it reads them', () => {
    const root = workspace({ 'ipsec.conf': 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n', 'ipsec.d/b.conf': 'conn b\n\tleft=192.0.2.1\n' });
    const told: number[] = [];
    runCli(['.'], { cwd: root, stdout: () => undefined, stderr: () => undefined, beforeLint: (count) => told.push(count) });
    assert.deepEqual(told, [2]);
    runCli(['--no-such-option'], { cwd: root, stdout: () => undefined, stderr: () => undefined, beforeLint: (count) => told.push(count) });
    assert.deepEqual(told, [2], 'not told when the arguments are refused');
  });
});
