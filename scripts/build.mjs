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

// The CLI bundle is one function expression that bin/ipsec-lint.js compiles as it is: wrapping
// the text at run time made V8 copy the whole bundle once more before compiling it. Blanks and
// comments go too; names stay, for readable stack traces. ASCII only, so it can be read as Latin-1.
const cliBundle = {
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '})' },
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, ...cliBundle, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
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
