import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDocument } from '../checks/engine';
import type { Finding } from '../checks/finding';
import { checkWorkspace } from '../checks/workspaceEngine';
import { sniffFileKind } from '../model/sniffKind';
import type { CollectedFile } from './collectFiles';
import { CachingFileSource } from './cachingFileSource';
import { DiskFileSource } from './fileSource';
import type { FileReport, LintFileOptions } from './lintFile';
import { isNodeRoot } from './nodeLayout';
import { WorkspaceIndex } from './workspaceIndex';

/**
 * Checks a set of files as the server would: each file on its own, then every gateway
 * (an ipsec.conf and what it includes) and every pair of gateways across files.
 */
export function lintWorkspace(files: readonly CollectedFile[], options: LintFileOptions & { rootOverride?: string } = {}): FileReport[] {
  const disk = new CachingFileSource(new DiskFileSource());
  const index = new WorkspaceIndex(disk, { rootOverride: options.rootOverride });
  const reports: FileReport[] = [];
  const confPaths: string[] = [];
  const pskFiles: string[] = [];
  const racoonConfs: string[] = [];
  const setkeyFiles: string[] = [];
  for (const file of files) {
    const read = disk.read(file.filePath);
    if (!read.ok) {
      reports.push({ filePath: file.filePath, findings: [], fatal: `${file.filePath} ${read.reason}` });
      continue;
    }
    const kind = options.forcedKind ?? file.kind ?? sniffFileKind(read.text);
    if (!kind) {
      reports.push({ filePath: file.filePath, findings: [], skipped: 'not an IPsec file kind ipsec-lint recognises (use --kind to force one)' });
      continue;
    }
    try {
      const document = index.document(file.filePath, kind);
      reports.push({ filePath: file.filePath, kind, findings: document ? checkDocument(document, options) : [] });
      if (kind === 'ipsec' && isNodeRoot(file.filePath)) confPaths.push(file.filePath);
      if (kind === 'racoon-psk' || kind === 'ipsec-secrets') pskFiles.push(file.filePath);
      if (kind === 'racoon' && path.basename(file.filePath) === 'racoon.conf') racoonConfs.push(file.filePath);
      if (kind === 'setkey') setkeyFiles.push(file.filePath);
    } catch (error) {
      const where = error instanceof Error ? error.name : 'error';
      reports.push({ filePath: file.filePath, kind, findings: [], fatal: `internal ${where} while checking this file; please report it` });
    }
  }
  return mergeWorkspaceFindings(reports, index, { confPaths, secretFiles: pskFiles, racoonConfs, setkeyFiles }, options);
}

interface WorkspaceRoots {
  readonly confPaths: string[];
  readonly secretFiles: string[];
  readonly racoonConfs: string[];
  readonly setkeyFiles: string[];
}

function mergeWorkspaceFindings(reports: FileReport[], index: WorkspaceIndex, roots: WorkspaceRoots, options: LintFileOptions): FileReport[] {
  if (roots.confPaths.length + roots.secretFiles.length + roots.racoonConfs.length + roots.setkeyFiles.length === 0) return reports;
  let byUri: Map<string, Finding[]>;
  try {
    byUri = checkWorkspace(index.model(roots.confPaths, roots.secretFiles, roots.racoonConfs, roots.setkeyFiles), options);
  } catch {
    return reports;
  }
  // Like ESLint, report only the files asked for: a folder argument asks for all of them.
  return reports.map((report) => {
    const extra = byUri.get(pathToFileURL(report.filePath).href);
    return extra ? { ...report, findings: sortFindings([...report.findings, ...extra]) } : report;
  });
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
