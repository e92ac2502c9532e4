// Bundles the extension client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { writeCodeCaches } from './lib/codeCaches.mjs';

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

await writeCodeCaches();
