import { lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { collectFixAll, fixedFindings } from '../features/fixAll';
import { applyEdits } from '../features/formatting/applyEdits';
import { SourceText } from '../text/sourceText';
import type { FileReport } from '../workspace/lintFile';
import { fileUri } from '../workspace/loadIpsecNode';
import { describeFsError } from '../workspace/readConfigFile';

/** What `--fix` did to one file: how many findings its edits fixed, or why it left the file alone. */
export interface FixOutcome {
  readonly filePath: string;
  readonly fixed: number;
  readonly notWritten?: string;
}

/**
 * Writes into each file the fixes that are safe without looking (those "Fix all" applies in the
 * editor). A file is written only if it is still, byte for byte, the text that was checked, and
 * never through a symbolic link.
 */
export function fixFiles(reports: readonly FileReport[]): FixOutcome[] {
  const outcomes: FixOutcome[] = [];
  for (const report of reports) {
    if (report.text === undefined) continue;
    const source = new SourceText(report.text);
    const edits = collectFixAll(report.findings, fileUri(report.filePath), source);
    if (edits.length === 0) continue;
    const fixed = fixedFindings(report.findings, edits);
    const notWritten = writeIfUnchanged(report.filePath, report.text, applyEdits(source, edits));
    outcomes.push({ filePath: report.filePath, fixed: notWritten === undefined ? fixed : 0, notWritten });
  }
  return outcomes;
}

function writeIfUnchanged(filePath: string, checked: string, fixedText: string): string | undefined {
  try {
    const stat = lstatSync(filePath);
    if (stat.isSymbolicLink()) return 'it is a symbolic link';
    if (!stat.isFile()) return 'it is not a regular file';
    // Text with invalid UTF-8 was read with replacement characters: writing it back would lose bytes.
    if (!readFileSync(filePath).equals(Buffer.from(checked, 'utf8'))) return 'it changed while it was checked, or is not valid UTF-8';
    writeFileSync(filePath, fixedText);
    return undefined;
  } catch (error) {
    return describeFsError(error);
  }
}
