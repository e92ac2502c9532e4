// Extension-host tests: loaded by VS Code (here code-server, through the workbench's `payload`
// URL) as extensionTestsPath, the same `run()` entry point @vscode/test-electron uses.
// test/e2e/run.mjs bundles this file with esbuild into .cache/e2e/extension-tests/index.js.
// To add tests: write a `*.e2e.ts` that exports a function defining a mocha `suite`, and list it
// in SUITES. (Not `*.test.ts`: those are node:test files that `npm test` runs outside VS Code.)
import { activationTests } from './activation.e2e';
import { commandTests } from './commands.e2e';
import { diagnosticsTests } from './diagnostics.e2e';
import { fileWatchingTests } from './fileWatching.e2e';
import { navigationTests } from './navigation.e2e';
import { runSuites } from './runSuites';
import { settingsTests } from './settings.e2e';
import { wizardTests } from './wizard.e2e';

export const SUITES: Array<() => void> = [activationTests, diagnosticsTests, settingsTests, commandTests, wizardTests, navigationTests, fileWatchingTests];

export async function run(): Promise<void> {
  await runSuites(SUITES);
}
