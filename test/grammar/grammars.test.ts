import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';

/**
 * Runs test/grammar/run.mjs: the scope assertions in test/grammar/cases/ and the snapshots of real
 * corpus files in test/grammar/snapshots/, both with vscode-tmgrammar-test. See test/grammar/README.md.
 */
describe('TextMate grammars', () => {
  it('scope assertions and corpus snapshots hold for all five grammars', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'test', 'grammar', 'run.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    for (const id of ['ipsec', 'ipsec-secrets', 'racoon', 'racoon-psk', 'setkey']) {
      assert.match(result.stdout, new RegExp(`cases/${id}\\.test\\.\\S+ run successfuly`), `no assertion file ran for ${id}`);
      assert.match(result.stdout, new RegExp(`snapshots/${id}/\\S+ run successfully`), `no snapshot ran for ${id}`);
    }
  });
});
