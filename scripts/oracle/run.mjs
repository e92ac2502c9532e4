// Bundles the parser-oracle campaign with esbuild and runs it:
//   npm run test:oracle -- --files 2000 --seed 7 [--report]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const outdir = path.join('.cache', 'oracle', 'bundle');
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ['scripts/oracle/cli.ts'],
  outfile: path.join(outdir, 'cli.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'error',
});
const result = spawnSync(process.execPath, ['--enable-source-maps', path.join(outdir, 'cli.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
