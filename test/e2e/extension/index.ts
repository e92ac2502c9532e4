// Extension-host tests: loaded by VS Code (here code-server, through the workbench's `payload`
// URL) as extensionTestsPath, the same `run()` entry point @vscode/test-electron uses.
// test/e2e/run.mjs bundles this file with esbuild into .cache/e2e/extension-tests/index.js.
// To add tests: write a `*.e2e.ts` that exports a function defining a mocha `suite`, and list it
// in SUITES. (Not `*.test.ts`: those are node:test files that `npm test` runs outside VS Code.)
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { activationTests } from './activation.e2e';
import { commandTests } from './commands.e2e';
import { diagnosticsTests } from './diagnostics.e2e';
import { fileWatchingTests } from './fileWatching.e2e';
import { settingsTests } from './settings.e2e';
import { wizardTests } from './wizard.e2e';

export const SUITES: Array<() => void> = [activationTests, diagnosticsTests, settingsTests, commandTests, wizardTests, fileWatchingTests];

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  ms?: number;
  error?: string;
}

export async function run(): Promise<void> {
  const resultsFile = process.env.IPSEC_E2E_RESULTS ?? path.join(__dirname, 'results.json');
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  // The suites are bundled into this file, so they are defined here rather than required by mocha.
  mocha.suite.emit('pre-require', globalThis, 'ipsec-e2e', mocha);
  for (const define of SUITES) define();
  const outcomes: Outcome[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), state: 'passed', ms: test.duration }));
    runner.on('fail', (test, error: Error) => outcomes.push({ title: test.fullTitle(), state: 'failed', ms: test.duration, error: error?.stack ?? String(error) }));
  });
  const failed = outcomes.filter((o) => o.state === 'failed').length;
  writeFileSync(resultsFile, JSON.stringify({ passed: outcomes.length - failed, failed, outcomes }, null, 2));
  if (failed > 0) throw new Error(`${failed} extension-host test(s) failed`);
}
