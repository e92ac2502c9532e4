import assert from 'node:assert/strict';
import { cpSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { LspTestClient } from '../lsp/lspClient';
import { REPO_ROOT } from '../helpers';
import { makeTempDir } from '../tempDir';
import { copyTrackedFiles, run } from './trackedCopy';

const GIT_IDENTITY = ['-c', 'user.name=ipsec-lint tests', '-c', 'user.email=tests@ipsec-lint.invalid'];

function git(cwd: string, ...args: string[]): string {
  const result = run('git', [...GIT_IDENTITY, ...args], { cwd });
  assert.equal(result.status, 0, result.output);
  return result.output.trim();
}

/** This repository as a clone of it at one commit, as a user's `.pre-commit-config.yaml` names it. */
function hookRepository(): { repo: string; rev: string } {
  const repo = makeTempDir('pre-commit-hook-');
  copyTrackedFiles(repo);
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'hook');
  return { repo, rev: git(repo, 'rev-parse', 'HEAD') };
}

/** A user's repository holding the given gateways of examples/ and a `.pre-commit-config.yaml` with the hook. */
function userRepository(gateways: readonly string[], hook: { repo: string; rev: string }): string {
  const repo = makeTempDir('pre-commit-user-');
  for (const gateway of gateways) cpSync(path.join(REPO_ROOT, 'examples', gateway), path.join(repo, gateway), { recursive: true });
  writeFileSync(path.join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hook.repo}\n    rev: ${hook.rev}\n    hooks:\n      - id: ipsec-lint\n`);
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  return repo;
}

/**
 * Debian's pre-commit (apt-get install pre-commit) installs the hook as it installs any hook
 * written in Node: npm install in a clone of this repository, npm pack, npm install -g of the
 * tarball into an environment of its own. So these tests also prove what `npm pack` ships.
 */
describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const home = makeTempDir('pre-commit-home-');
  const env = { ...process.env, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never' };
  const hook = hookRepository();
  const runHook = (repo: string) => run('pre-commit', ['run', '--all-files'], { cwd: repo, env });
  let broken: { status: number | null; output: string };
  before(() => {
    broken = runHook(userRepository(['de', 'fr'], hook));
  });

  it('installs, checks the whole repository (gateways against their peers) and fails the commit', () => {
    assert.match(broken.output, /^ipsec-lint\.+Failed$/m, broken.output);
    assert.equal(broken.status, 1);
    assert.match(broken.output, /9:1 +error +"auto" starts in column 0.* column-zero-key$/m);
    assert.match(broken.output, /error +this gateway presents leftid "@vpn\.fr\.example", but its peer .* peer-id-mismatch$/m);
  });

  it('lets a commit of gateways without mistakes through', () => {
    const clean = runHook(userRepository(['dk'], hook));
    assert.match(clean.output, /^ipsec-lint\.+Passed$/m, clean.output);
    assert.equal(clean.status, 0);
  });

  it('installs a language server that works as well', async () => {
    const installed = readdirSync(home)
      .filter((name) => name.startsWith('repo'))
      .map((name) => path.join(home, name, 'node_env-system', 'bin', 'ipsec-language-server'));
    assert.equal(installed.length, 1, `installed: ${installed.join(', ')}`);
    assert.ok(realpathSync(installed[0]).startsWith(realpathSync(home)), 'the installed copy, not this checkout');
    const client = new LspTestClient([], process.env, installed[0]);
    try {
      await client.initialize();
      const uri = pathToFileURL(path.join(makeTempDir('pre-commit-server-'), 'ipsec.conf')).href;
      await client.open(uri, 'ipsec', 'conn a\nleft=192.0.2.1\n');
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['column-zero-key']);
    } finally {
      await client.shutdown();
    }
  });
});

describe('npm pack', () => {
  it('ships the built CLI and language server with their code caches, and nothing of the sources or tests', () => {
    const packed = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT });
    assert.equal(packed.status, 0, packed.output);
    const files = (JSON.parse(packed.output.slice(packed.output.indexOf('['))) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
    const shape = (file: string) => file.replace(/\.cache$/, '').replace(/\.js\.\d[\w.=+-]*$/, '.js.<V8>.cache');
    assert.deepEqual([...new Set(files.map(shape))].sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'bin/ipsec-language-server.js',
      'bin/ipsec-lint.js',
      'bin/load-bundle.js',
      'dist/cli.js',
      'dist/cli.js.<V8>.cache',
      'dist/server.js',
      'dist/server.js.<V8>.cache',
      'docs/rules.md',
      'package.json',
      'schemas/ipsec-lint.schema.json',
    ]);
  });
});
