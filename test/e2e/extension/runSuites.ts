import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  ms?: number;
  error?: string;
}

/** Runs mocha suites (tdd) inside the extension host and writes their outcomes where test/e2e/run.mjs reads them. */
export async function runSuites(suites: ReadonlyArray<() => void>): Promise<void> {
  const resultsFile = process.env.IPSEC_E2E_RESULTS ?? path.join(__dirname, 'results.json');
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  // The suites are bundled into the entry file, so they are defined here rather than required by mocha.
  mocha.suite.emit('pre-require', globalThis, 'ipsec-e2e', mocha);
  for (const define of suites) define();
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
