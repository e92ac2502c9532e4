// Bundles the add-time oracle with esbuild and runs it:
//   npm run test:pluto-add -- --files 300
import { spawn } from 'node:child_process';
import { bundleScript } from '../../lib/bundleScript.mjs';

const cli = await bundleScript('pluto-add', 'scripts/oracle/pluto/cli.ts');
const child = spawn(process.execPath, ['--enable-source-maps', cli, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
