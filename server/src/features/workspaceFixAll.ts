import type { Finding, TextEdit } from '../checks/finding';
import type { SourceText } from '../text/sourceText';
import { collectFixAll, fixedFindings } from './fixAll';

/** A file of the workspace with everything reported on it: its own findings and its peers'. */
export interface FixableFile {
  readonly uri: string;
  /** The editor's version of an open document; null for a file on disk. */
  readonly version: number | null;
  readonly source: SourceText;
  readonly findings: readonly Finding[];
}

export interface FileFixes {
  readonly uri: string;
  readonly version: number | null;
  readonly edits: readonly TextEdit[];
  /** How many findings the edits fix. */
  readonly fixed: number;
}

/**
 * "Fix all" over the whole workspace: each file's fixes that are safe without looking, as the
 * editor's per-file "Fix all" and `ipsec-lint --fix` choose them. Files with nothing to fix are left out.
 */
export function workspaceFixes(files: Iterable<FixableFile>): FileFixes[] {
  const result: FileFixes[] = [];
  for (const file of files) {
    const edits = collectFixAll(file.findings, file.uri, file.source);
    if (edits.length > 0) result.push({ uri: file.uri, version: file.version, edits, fixed: fixedFindings(file.findings, edits) });
  }
  return result;
}

/** What the fixes come to, for the message after they are applied. */
export function describeWorkspaceFixes(fixes: readonly FileFixes[]): string {
  if (fixes.length === 0) return 'Nothing to fix: no problem in the workspace has a fix that is safe without a look.';
  const fixed = fixes.reduce((n, f) => n + f.fixed, 0);
  return `Fixed ${fixed} problem(s) in ${fixes.length} file(s).`;
}
