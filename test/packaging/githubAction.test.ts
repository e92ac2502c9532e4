import assert from 'node:assert/strict';
import { accessSync, constants, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';
import { makeTempDir } from '../tempDir';
import { copyTrackedFiles, run } from './trackedCopy';

interface ActionStep {
  name: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
}
interface ActionManifest {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default: string }>;
  runs: { using: string; steps: ActionStep[] };
}

/** The system's Python, which has PyYAML wherever Debian's pre-commit (python3-yaml) is installed. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** action.yml as GitHub reads it: YAML, parsed here by PyYAML. */
function readActionManifest(): ActionManifest {
  const script = 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)';
  const parsed = run(PYTHON, ['-c', script], { cwd: REPO_ROOT, env: process.env, input: readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8') });
  assert.equal(parsed.status, 0, `parsing action.yml needs python3 with PyYAML (Debian: apt-get install python3-yaml): ${parsed.output}`);
  return JSON.parse(parsed.output) as ActionManifest;
}

/** A repository holding two gateways from examples/, Germany's with its planted mistakes. */
function exampleRepository(): string {
  const repo = makeTempDir('action-repo-');
  for (const gateway of ['de', 'fr']) cpSync(path.join(REPO_ROOT, 'examples', gateway), path.join(repo, gateway), { recursive: true });
  return repo;
}

describe('the GitHub Action (action.yml)', () => {
  const manifest = readActionManifest();
  const lintStep = manifest.runs.steps.find((step) => step.run.includes('lint.sh'));

  it('is a composite action whose steps run scripts of this repository', () => {
    assert.equal(manifest.runs.using, 'composite');
    assert.deepEqual(
      manifest.runs.steps.map((step) => step.run),
      ['"$GITHUB_ACTION_PATH/scripts/action/install.sh"', '"$GITHUB_ACTION_PATH/scripts/action/lint.sh"'],
    );
    for (const step of manifest.runs.steps) {
      assert.equal(step.shell, 'bash');
      const script = step.run.replace(/^"\$GITHUB_ACTION_PATH\/(.*)"$/, '$1');
      accessSync(path.join(REPO_ROOT, script), constants.X_OK);
    }
  });

  it('hands every input, and only inputs, to the check', () => {
    assert.ok(lintStep);
    const passed = Object.values(lintStep.env ?? {}).map((value) => value.replace(/^\$\{\{ inputs\.(.*) \}\}$/, '$1'));
    assert.deepEqual(passed.sort(), Object.keys(manifest.inputs).sort());
    for (const [name, input] of Object.entries(manifest.inputs)) assert.ok(input.description.length > 10 && typeof input.default === 'string', name);
  });

  describe('built and run as a runner would, from a copy of the repository', () => {
    const actionPath = makeTempDir('action-path-');
    let built: { status: number | null; output: string };
    before(() => {
      copyTrackedFiles(actionPath);
      built = run(path.join(actionPath, 'scripts/action/install.sh'), [], { cwd: actionPath, env: { ...process.env, GITHUB_ACTION_PATH: actionPath } });
    });

    function lint(repo: string, inputs: Record<string, string>): { status: number | null; output: string; summary: string } {
      const summaryFile = path.join(makeTempDir('action-summary-'), 'summary.md');
      writeFileSync(summaryFile, '');
      const env = { ...process.env, GITHUB_ACTION_PATH: actionPath, GITHUB_STEP_SUMMARY: summaryFile, ...inputs };
      const result = run(path.join(actionPath, 'scripts/action/lint.sh'), [], { cwd: repo, env });
      return { ...result, summary: readFileSync(summaryFile, 'utf8') };
    }

    it('builds', () => assert.equal(built.status, 0, built.output));

    it('annotates each finding on its line, fails the job, and writes every finding and the peer matrix into the summary', () => {
      const result = lint(exampleRepository(), { IPSEC_LINT_PATHS: '.', IPSEC_LINT_ARGS: '', IPSEC_LINT_SUMMARY: 'true' });
      assert.equal(result.status, 1, result.output);
      assert.match(result.output, /^::error file=de\/etc\/ipsec\.d\/fr\.conf,line=9,col=1,.*title=ipsec-lint column-zero-key::/m);
      assert.match(result.output, /^::error file=fr\/etc\/ipsec\.d\/server\.conf,line=17,.*peer-id-mismatch::/m);
      assert.deepEqual(result.summary.match(/^### .*$/gm), ['### ipsec-lint: 5 error(s), 2 warning(s), 0 info', '### IPsec tunnels']);
      assert.match(result.summary, /^\| error \| de\/etc\/ipsec\.d\/fr\.conf \| 9 \| \[column-zero-key\]\(.*\) \| "auto" starts in column 0/m);
      assert.match(result.summary, /^\| de \| conn fr \| fr \| conn de \| ✗ broken \|$/m);
    });

    it('passes options through, and leaves the summary alone when asked to', () => {
      const args = '--rule column-zero-key=off --rule ca-missing=off --rule cert-id-mismatch=off --rule peer-id-mismatch=off --quiet';
      const result = lint(exampleRepository(), { IPSEC_LINT_PATHS: 'de fr', IPSEC_LINT_ARGS: args, IPSEC_LINT_SUMMARY: 'false' });
      assert.equal(result.status, 0, result.output);
      assert.doesNotMatch(result.output, /::error/);
      assert.equal(result.summary, '');
    });

    it('keeps the summary within GitHub\'s limit, cut at a line and saying so', () => {
      const budget = 1500;
      const full = lint(exampleRepository(), { IPSEC_LINT_PATHS: '.', IPSEC_LINT_ARGS: '', IPSEC_LINT_SUMMARY: 'true' });
      const cut = lint(exampleRepository(), { IPSEC_LINT_PATHS: '.', IPSEC_LINT_ARGS: '', IPSEC_LINT_SUMMARY: 'true', IPSEC_LINT_SUMMARY_BYTES: String(budget) });
      assert.ok(Buffer.byteLength(full.summary) > budget, 'the example needs more room than the test gives');
      assert.ok(Buffer.byteLength(cut.summary) <= budget, `${Buffer.byteLength(cut.summary)} bytes`);
      assert.match(cut.summary, /did not fit in the job summary: see the log of this step/);
      const kept = cut.summary.split('\n').filter((line) => line.startsWith('|'));
      assert.ok(kept.length >= 3, cut.summary);
      for (const line of kept) assert.ok(full.summary.includes(`${line}\n`), `a whole line of the full summary: ${line}`);
      assert.equal(cut.status, 1);
    });

    it('leaves the peer matrix out of the summary for options that make none (--quiet), and still checks', () => {
      const result = lint(exampleRepository(), { IPSEC_LINT_PATHS: '.', IPSEC_LINT_ARGS: '--quiet', IPSEC_LINT_SUMMARY: 'true' });
      assert.equal(result.status, 1, result.output);
      assert.match(result.output, /column-zero-key/);
      assert.deepEqual(result.summary.match(/^### .*$/gm), ['### ipsec-lint: 5 error(s), 0 warning(s), 0 info']);
    });
  });
});
