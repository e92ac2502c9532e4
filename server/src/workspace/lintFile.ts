import { pathToFileURL } from 'node:url';
import { checkDocument, type CheckOptions } from '../checks/engine';
import type { Finding } from '../checks/finding';
import type { FileKind } from '../model/fileKind';
import { parseDocument } from '../model/parse';
import { kindOfText } from '../model/sniffKind';
import type { CollectedFile } from './collectFiles';
import { readConfigFile } from './readConfigFile';

export interface FileReport {
  readonly filePath: string;
  readonly kind?: FileKind;
  readonly findings: readonly Finding[];
  /** Set when the file could not be checked at all; the reason names no file content. */
  readonly fatal?: string;
  /** Set when the file was looked at but is not a kind we check. */
  readonly skipped?: string;
  /** The text the findings' ranges refer to, for `--fix`; never printed. */
  readonly text?: string;
}

export interface LintFileOptions extends CheckOptions {
  /** Treat every file as this kind instead of detecting it. */
  readonly forcedKind?: FileKind;
}

export function lintText(filePath: string, text: string, kind: FileKind, options: CheckOptions = {}): FileReport {
  const document = parseDocument(pathToFileURL(filePath).href, text, kind);
  return { filePath, kind, findings: checkDocument(document, options), text };
}

/** Reads, detects, parses and checks one file. Never throws. */
export function lintCollectedFile(file: CollectedFile, options: LintFileOptions = {}): FileReport {
  const read = readConfigFile(file.filePath);
  if (!read.ok) return { filePath: file.filePath, findings: [], fatal: `${file.filePath} ${read.reason}` };
  const kind = options.forcedKind ?? kindOfText(file.kind, read.text);
  if (!kind) {
    return { filePath: file.filePath, findings: [], skipped: 'not an IPsec file kind ipsec-lint recognises (use --kind to force one)' };
  }
  try {
    return lintText(file.filePath, read.text, kind, options);
  } catch (error) {
    const where = error instanceof Error ? error.name : 'error';
    return { filePath: file.filePath, kind, findings: [], fatal: `internal ${where} while checking this file; please report it` };
  }
}
