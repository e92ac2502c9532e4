// Bundles the extension client, the language server and the CLI with esbuild.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['scripts/gen-rules-doc.ts'], outfile: 'dist/gen-rules-doc.js' }),
]);

// V8's code cache for the CLI, made by one run over the examples so that it holds the functions
// a run compiles; bin/ipsec-lint.js uses it when the Node version matches.
// The examples hold planted mistakes, so the run's exit status is 1 by design.
rmSync('dist/cli.js.cache', { force: true });
spawnSync(process.execPath, ['bin/ipsec-lint.js', '--format', 'json', 'examples'], {
  env: { ...process.env, IPSEC_LINT_WRITE_CODE_CACHE: 'dist/cli.js.cache' },
  stdio: 'ignore',
});
if (!existsSync('dist/cli.js.cache')) throw new Error('the CLI wrote no code cache');
