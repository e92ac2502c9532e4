// Bundles the negotiation harness with esbuild and runs it:
//   npm run test:negotiation -- --pairs 500 --seed 7
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const outdir = path.join('.cache', 'negotiation', 'bundle');
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ['scripts/negotiation/cli.ts'],
  outfile: path.join(outdir, 'cli.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'error',
});
const child = spawn(process.execPath, ['--enable-source-maps', path.join(outdir, 'cli.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
// The harness tears down its namespaces and daemons on these signals: pass them on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
