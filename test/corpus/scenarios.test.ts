import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { detectFileKind } from '../../server/src/model/fileKind';
import type { CollectedFile } from '../../server/src/workspace/collectFiles';
import { lintWorkspace } from '../../server/src/workspace/lintWorkspace';
import { corpusFiles, expectedInvalid, KIND_FOR_MANIFEST } from './corpusFiles';

/**
 * The corpus holds configurations only, not the certificates and keys the tests install, so
 * the rules that look for those files cannot be judged on it.
 */
const NEEDS_FILES_THE_CORPUS_LACKS = { 'cert-file-missing': 'off', 'ca-missing': 'off', 'include-missing': 'off', 'racoon-psk-missing': 'off', 'racoon-file-missing': 'off', 'private-key-missing': 'off' } as const;

/** One upstream test scenario: a Libreswan test folder, or all hosts of one strongSwan test. */
function scenarioOf(relativePath: string): string {
  const [source, folder] = relativePath.split('/');
  if (source === 'strongswan') return `${source}/${folder.replace(/__[^_]+$/, '')}`;
  if (source === 'openswan') return path.dirname(relativePath);
  return `${source}/${folder}`;
}

describe('every corpus scenario checked as its own workspace, cross-file rules included', () => {
  it('gives no error on any scenario the daemons accept', () => {
    const invalid = expectedInvalid();
    const scenarios = new Map<string, CollectedFile[]>();
    const manifestKind = new Map<string, string>();
    for (const file of corpusFiles()) {
      const kind = KIND_FOR_MANIFEST[file.kind];
      if (!kind) continue;
      manifestKind.set(file.absolutePath, file.relativePath);
      const group = scenarios.get(scenarioOf(file.relativePath)) ?? [];
      group.push({ filePath: file.absolutePath, kind: kind as CollectedFile['kind'], explicit: true });
      scenarios.set(scenarioOf(file.relativePath), group);
    }
    assert.ok(scenarios.size > 1000, `${scenarios.size} scenarios`);
    const falseErrors: string[] = [];
    for (const files of scenarios.values()) {
      if (files.some((f) => invalid.has(manifestKind.get(f.filePath) ?? ''))) continue;
      for (const report of lintWorkspace(files, { rules: NEEDS_FILES_THE_CORPUS_LACKS })) {
        assert.equal(report.fatal, undefined, report.filePath);
        for (const finding of report.findings) {
          if (finding.severity === 'error') falseErrors.push(`${manifestKind.get(report.filePath) ?? report.filePath}:${finding.range.start.line + 1} ${finding.code} ${finding.message}`);
        }
      }
    }
    assert.deepEqual(falseErrors, []);
  });

  it('the kinds the CLI detects by name agree with the manifest where a name decides', () => {
    const mismatches = corpusFiles()
      .filter((f) => KIND_FOR_MANIFEST[f.kind] && detectFileKind(f.absolutePath) !== undefined)
      .filter((f) => detectFileKind(f.absolutePath) !== KIND_FOR_MANIFEST[f.kind])
      .map((f) => f.relativePath);
    assert.deepEqual(mismatches, []);
  });
});
