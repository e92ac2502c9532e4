import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { REPO_ROOT } from '../../helpers';
import { makeTempDir } from '../../tempDir';

const bundle = path.join(REPO_ROOT, 'dist', 'cli.js');

/** A copy of bin/ and dist/cli.js in a temporary folder, with or without a (possibly bad) cache. */
function installedCopy(cache: Buffer | undefined): string {
  const root = makeTempDir('ipsec-cache-');
  mkdirSync(path.join(root, 'bin'));
  mkdirSync(path.join(root, 'dist'));
  copyFileSync(path.join(REPO_ROOT, 'bin', 'ipsec-lint.js'), path.join(root, 'bin', 'ipsec-lint.js'));
  copyFileSync(bundle, path.join(root, 'dist', 'cli.js'));
  if (cache) writeFileSync(path.join(root, 'dist', 'cli.js.cache'), cache);
  return root;
}

function lintExamples(root: string) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'ipsec-lint.js'), '-f', 'unix', 'examples'], { cwd: REPO_ROOT, encoding: 'utf8' });
}

describe('the CLI code cache', () => {
  it('is made by the build and accepted by this Node', () => {
    const script = new vm.Script(readFileSync(bundle, 'latin1'), { filename: bundle, cachedData: readFileSync(`${bundle}.cache`) });
    assert.equal(script.cachedDataRejected, false);
  });

  it('is made for a bundle in ASCII that is one function expression, as the bin reads it', () => {
    const bytes = readFileSync(bundle);
    assert.equal(bytes.findIndex((byte) => byte > 0x7f), -1);
    const text = bytes.toString('latin1');
    // Checked as text: running it here would start the CLI in the test process if it were not wrapped.
    assert.ok(text.startsWith('(function (exports, require, module, __filename, __dirname) {\n'));
    assert.match(text, /\n\}\)\n\/\/# sourceMappingURL=cli\.js\.map\n?$/);
    assert.doesNotThrow(() => new vm.Script(text, { filename: bundle }));
  });

  it('gives the same findings with the cache, with a foreign cache and without one', () => {
    const expected = lintExamples(installedCopy(undefined));
    assert.equal(expected.status, 1);
    assert.match(expected.stdout, /error/);
    for (const cache of [readFileSync(`${bundle}.cache`), Buffer.from('not a V8 code cache')]) {
      const run = lintExamples(installedCopy(cache));
      assert.equal(run.status, expected.status);
      assert.equal(run.stdout, expected.stdout);
      assert.equal(run.stderr, '');
    }
  });
});
