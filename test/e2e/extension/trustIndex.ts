// Extension-host entry of the workspace-trust runs (test/e2e/run.mjs, `--only trust` or the
// default run): the same `run()` entry point as index.ts, with only the trust suite.
import { runSuites } from './runSuites';
import { workspaceTrustTests } from './workspaceTrust.e2e';

export async function run(): Promise<void> {
  await runSuites([workspaceTrustTests]);
}
