// Bundles the parser-oracle campaign with esbuild and runs it:
//   npm run test:oracle -- --files 2000 --seed 7 [--report]
import { spawnSync } from 'node:child_process';
import { bundleScript } from '../lib/bundleScript.mjs';

const cli = await bundleScript('oracle', 'scripts/oracle/cli.ts');
const result = spawnSync(process.execPath, ['--enable-source-maps', cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
