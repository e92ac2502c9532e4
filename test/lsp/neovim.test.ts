import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';
import { makeTempDir } from '../tempDir';

/** Neovim is a second, independent LSP client; its probe lives in test/e2e/nvim/probe.lua. */
describe('language server in Neovim (headless, --clean)', () => {
  it('shows the column-zero-key diagnostic and the conn symbol', () => {
    // Looked up on PATH rather than run: even `nvim --version` writes ~/.cache/nvim/log.
    const nvim = (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir || '.', 'nvim')));
    assert.ok(
      nvim,
      'nvim is not on PATH. This test needs Neovim 0.7 or newer: as root, apt-get install -y neovim (or scripts/e2e/setup.sh --apt-only)',
    );
    const scratch = makeTempDir('ipsec-nvim-test-');
    try {
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'e2e', 'nvim.mjs'), '--json', '--out', path.join(scratch, 'result.json')], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 90_000,
      });
      assert.equal(run.error, undefined, String(run.error));
      const result = JSON.parse(run.stdout) as { ok: boolean; stderr: string; report: { failures: string[]; symbols: string[] } | null };
      assert.ok(result.report, `the probe wrote no report: ${result.stderr}`);
      assert.deepEqual(result.report.failures, [], result.stderr);
      assert.ok(result.report.symbols.some((name) => name.startsWith('conn ')), `symbols: ${result.report.symbols.join(', ')}`);
      assert.equal(result.ok, true);
      assert.equal(run.status, 0);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
