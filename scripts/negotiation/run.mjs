// Bundles the negotiation harness with esbuild and runs it:
//   npm run test:negotiation -- --pairs 500 --seed 7
import { spawn } from 'node:child_process';
import { bundleScript } from '../lib/bundleScript.mjs';

const cli = await bundleScript('negotiation', 'scripts/negotiation/cli.ts');
const child = spawn(process.execPath, ['--enable-source-maps', cli, ...process.argv.slice(2)], { stdio: 'inherit' });
// The harness tears down its namespaces and daemons on these signals: pass them on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
