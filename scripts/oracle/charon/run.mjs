// Bundles the load-time oracle for strongSwan with esbuild and runs it:
//   npm run test:charon-load -- --files 100
import { spawn } from 'node:child_process';
import { bundleScript } from '../../lib/bundleScript.mjs';

const cli = await bundleScript('charon-load', 'scripts/oracle/charon/cli.ts');
const child = spawn(process.execPath, ['--enable-source-maps', cli, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
