// Runs one or more test files quickly, without type-checking the whole project:
//   node scripts/test-one.mjs test/unit/foo.test.ts [more files]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/test-one.mjs TEST_FILE...');
  process.exit(2);
}
// Inside the repository so that external packages resolve from node_modules.
mkdirSync('.cache', { recursive: true });
const outdir = mkdtempSync(path.join('.cache', 'test-one-'));
await build({
  entryPoints: files,
  outdir,
  outbase: '.',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'error',
  packages: 'external',
});
const outputs = files.map((f) => path.join(outdir, f.replace(/\.ts$/, '.js')));
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', ...outputs], {
  stdio: 'inherit',
  env: { ...process.env, IPSEC_REPO_ROOT: process.cwd() },
});
rmSync(outdir, { recursive: true, force: true });
process.exit(result.status ?? 1);
