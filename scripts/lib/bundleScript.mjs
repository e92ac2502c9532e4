// Bundles a TypeScript script with esbuild into .cache/<name>/bundle/cli.js and returns that path.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export async function bundleScript(name, entryPoint) {
  const outdir = path.join('.cache', name, 'bundle');
  mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, 'cli.js');
  await build({ entryPoints: [entryPoint], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'error' });
  return outfile;
}
