import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../server/src/checks/registry';
import { REPO_ROOT } from '../helpers';
import { corpusFiles, expectedInvalid, KIND_FOR_MANIFEST } from './corpusFiles';

interface EslintResult {
  filePath: string;
  errorCount: number;
  fatalErrorCount: number;
  messages: Array<{ ruleId: string | null; severity: number; message: string; line: number }>;
}

function runCli(args: string[]): EslintResult[] {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'ipsec-lint.js'), '--format', 'json', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.ok(result.status === 0 || result.status === 1, `CLI exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as EslintResult[];
}

const DOCUMENT_RULES = new Set(ALL_RULES.map((rule) => rule.code));

describe('the CLI over the whole corpus', () => {
  const files = corpusFiles();
  const invalid = expectedInvalid();
  const byCorpusPath = new Map(files.map((file) => [file.absolutePath, file]));

  it('has the corpus', () => assert.ok(files.length > 4000, `only ${files.length} corpus files`));

  for (const [manifestKind, kind] of Object.entries(KIND_FOR_MANIFEST)) {
    it(`reports every ${manifestKind} file, with no crash and no error on files the daemons accept`, () => {
      const group = files.filter((f) => f.kind === manifestKind);
      assert.ok(group.length > 0);
      const results = runCli([...(kind ? ['--kind', kind] : []), ...group.map((f) => f.absolutePath)]);
      const byPath = new Map(results.map((result) => [result.filePath, result]));
      assert.deepEqual(group.filter((file) => !byPath.has(file.absolutePath)).map((file) => file.relativePath), [], 'one result per file named');
      // A named ipsec.conf brings the files it loads (its ipsec.secrets, what it includes): judged as well.
      const falseErrors: string[] = [];
      for (const result of results) {
        const file = byCorpusPath.get(result.filePath);
        assert.ok(file, `${result.filePath} is not a corpus file`);
        assert.equal(result.fatalErrorCount, 0, `${file.relativePath}: ${result.messages[0]?.message}`);
        if (invalid.has(file.relativePath)) continue;
        for (const m of result.messages) {
          // Cross-file rules need each scenario on its own: scenarios.test.ts covers them.
          if (m.severity === 2 && DOCUMENT_RULES.has(m.ruleId ?? '')) falseErrors.push(`${file.relativePath}:${m.line} ${m.ruleId} ${m.message}`);
        }
      }
      assert.deepEqual(falseErrors, []);
    });
  }

  it('flags at least some of upstream error-path tests (the checks are not silent)', () => {
    const group = files.filter((f) => f.kind === 'ipsec.conf' && invalid.has(f.relativePath));
    const results = runCli(['--kind', 'ipsec', ...group.map((f) => f.absolutePath)]);
    const flagged = results.filter((r) => r.errorCount > 0).map((r) => path.relative(path.dirname(group[0].absolutePath), r.filePath));
    assert.ok(flagged.length >= 3, `flagged: ${flagged.join(', ')}`);
  });
});
