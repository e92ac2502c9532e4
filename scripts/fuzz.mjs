// npm run fuzz -- --inputs N --seed S : bundles the fuzz runner and runs it for as long as asked.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('.cache', { recursive: true });
await build({ entryPoints: ['test/fuzz/longRun.ts'], outfile: '.cache/fuzz.js', bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error' });
const result = spawnSync(process.execPath, ['.cache/fuzz.js', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, IPSEC_REPO_ROOT: process.cwd() } });
process.exit(result.status ?? 1);
