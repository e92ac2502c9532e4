// Runs every compiled test file under out/test with Node's test runner, in a temporary folder of
// their own that must be empty again afterwards: a test that leaves files behind fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function collect(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...collect(full));
    else if (name.endsWith('.test.js')) found.push(full);
  }
  return found;
}

const filter = process.argv[2];
const files = collect('out/test').filter((f) => !filter || f.includes(filter)).sort();
if (files.length === 0) {
  console.error('no test files found under out/test');
  process.exit(1);
}
const scratch = mkdtempSync(path.join(tmpdir(), 'ipsec-lint-tests-'));
const summaryDir = mkdtempSync(path.join(tmpdir(), 'ipsec-lint-failures-'));
const summaryFile = path.join(summaryDir, 'failures.txt');
const reporters = ['--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter=${path.resolve('scripts/failure-summary-reporter.mjs')}`, `--test-reporter-destination=${summaryFile}`];
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', ...reporters, ...files], {
  stdio: 'inherit',
  env: { ...process.env, IPSEC_REPO_ROOT: process.cwd(), TMPDIR: scratch },
});
const failures = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '';
rmSync(summaryDir, { recursive: true, force: true });
if (failures) console.log(`\n${failures}`);
const leftBehind = readdirSync(scratch);
rmSync(scratch, { recursive: true, force: true });
if (leftBehind.length > 0) {
  console.error(`the tests left ${leftBehind.length} temporary file(s) behind: ${leftBehind.slice(0, 20).join(', ')}`);
  process.exit(result.status || 1);
}
process.exit(result.status ?? 1);
