import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';

/** Runs vscode-tmgrammar-test's scope assertions (test/grammar/cases/*) against every grammar. */
describe('TextMate grammars', () => {
  it('every scope assertion in test/grammar holds', () => {
    const grammars = readdirSync(path.join(REPO_ROOT, 'syntaxes')).flatMap((name) => ['-g', path.join('syntaxes', name)]);
    const cli = path.join(REPO_ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
    const result = spawnSync(process.execPath, [cli, ...grammars, 'test/grammar/cases/*'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /ipsec\.test\.conf run successfuly/);
  });
});
