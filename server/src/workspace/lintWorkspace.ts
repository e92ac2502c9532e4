import path from 'node:path';
import { checkDocument } from '../checks/engine';
import type { Finding } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import { checkWorkspace } from '../checks/workspaceEngine';
import type { DialectGuess, DialectSetting } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import { kindOfText } from '../model/sniffKind';
import { CachingFileSource } from './cachingFileSource';
import type { CollectedFile } from './collectFiles';
import { DiskFileSource, OverlayFileSource, type DirectoryListing, type FileSource } from './fileSource';
import type { FileReport, LintFileOptions } from './lintFile';
import { contextOfNamedFiles, filesLoadedWith, pathOf, type NamedFile } from './namedFileContext';
import { isInside, isNodeRoot } from './nodeLayout';
import { looseFileDialect } from './fileDialect';
import { matchSegment } from './glob';
import { WorkspaceIndex } from './workspaceIndex';

interface Parsed {
  readonly filePath: string;
  readonly document?: ParsedDocument;
  readonly report?: FileReport;
}

/**
 * Checks a set of files as the server would: every gateway (an ipsec.conf and what it
 * includes) is assembled first, so that each file is judged in its gateway's dialect; then
 * each file on its own, then the gateways and their peers across files.
 */
export interface LintWorkspaceOptions extends LintFileOptions {
  readonly rootOverride?: string;
  /** Every gateway's daemon, instead of detecting it. */
  readonly dialect?: DialectSetting;
  /** Texts that stand in for files on disk (a buffer piped to --stdin). */
  readonly overlay?: ReadonlyMap<string, string>;
  /** Called with the gateway model and every finding by document URI, for views built on them (the peer matrix). */
  readonly inspect?: (model: WorkspaceModel, findings: ReadonlyMap<string, readonly Finding[]>) => void;
  /** Folder listings the walk that found the files has already read. */
  readonly listings?: ReadonlyMap<string, DirectoryListing>;
  /**
   * Judge each file the user named (`explicit`) in the gateway or racoon host it belongs to, read
   * from around it, and check with a named ipsec.conf or racoon.conf the files it loads.
   */
  readonly contextOfNamedFiles?: boolean;
  /** The folders named by the user, for `contextOfNamedFiles`: one inside a gateway is judged in it. */
  readonly namedFolders?: readonly string[];
  /** The names the walk of those folders left out: a file a gateway loads from them is not reported either. */
  readonly exclude?: readonly string[];
  /** Told of the files the checks would have read but could not (their size, permissions), other than those reported. */
  readonly onNotRead?: (files: readonly { readonly filePath: string; readonly reason: string }[]) => void;
  /** Where files are read from: the disk unless a test says otherwise. */
  readonly base?: FileSource;
}

export function lintWorkspace(files: readonly CollectedFile[], options: LintWorkspaceOptions = {}): FileReport[] {
  const disk = new CachingFileSource(options.base ?? new DiskFileSource());
  for (const [dirPath, listing] of options.listings ?? []) disk.seed(dirPath, listing);
  const source = withOverlay(disk, options.overlay);
  const index = new WorkspaceIndex(source, { rootOverride: options.rootOverride, dialect: options.dialect });
  const parsed = files.map((file) => parseOne(file, source, index, options));
  const documents = parsed.flatMap((p) => (p.document ? [{ filePath: p.filePath, document: p.document }] : []));
  const named = options.contextOfNamedFiles ? parsed.flatMap((p, i) => (p.document && files[i].explicit ? [{ filePath: p.filePath, kind: p.document.kind }] : [])) : [];
  const folders = options.contextOfNamedFiles && options.namedFolders ? foldersWithoutGateway(options.namedFolders, parsed) : [];
  const model = buildModel(index, [...documents, ...contextDocuments(named, folders, parsed, source, index)]);
  const dialects = new Map<string, DialectGuess>();
  for (const node of model?.nodes ?? []) for (const document of [...node.documents, ...node.secrets]) if (!dialects.has(document.uri)) dialects.set(document.uri, node.dialect);
  const included = new Set(model?.racoonHosts.flatMap((host) => host.documents.slice(1).map((document) => document.uri)));
  const byUri = model ? safeCheckWorkspace(model, options) : new Map<string, Finding[]>();
  const check = (filePath: string, document: ParsedDocument): FileReport => {
    try {
      const dialect = dialects.get(document.uri) ?? looseFileDialect(document, options.dialect);
      const context = included.has(document.uri) ? { dialect, readThroughInclude: true } : { dialect };
      const own = checkDocument(document, { rules: options.rules, only: options.only, context });
      const extra = byUri.get(document.uri) ?? [];
      return { filePath, kind: document.kind, findings: sortFindings([...own, ...extra]), text: document.source.text };
    } catch (error) {
      return { filePath, kind: document.kind, findings: [], fatal: `internal ${error instanceof Error ? error.name : 'error'} while checking this file; please report it` };
    }
  };
  const withLoaded = withFilesLoaded(parsed, model, named, walkedFiles(files, options));
  const reports = withLoaded.map((p) => p.report ?? check(p.filePath, p.document as ParsedDocument));
  if (model && options.inspect) options.inspect(model, findingsByUri(withLoaded, reports, byUri));
  if (options.onNotRead) {
    const reported = new Set(reports.map((r) => r.filePath));
    const notRead = disk.notRead().filter((file) => !reported.has(file.filePath));
    if (notRead.length > 0) options.onNotRead(notRead);
  }
  return reports;
}

/** A folder that holds a gateway is a repository, or the gateway itself: nothing above it is looked for. */
function foldersWithoutGateway(folders: readonly string[], parsed: readonly Parsed[]): string[] {
  if (folders.length === 0) return [];
  const roots = parsed.filter((p) => p.document?.kind === 'ipsec' && isNodeRoot(p.filePath)).map((p) => p.filePath);
  return folders.filter((folder) => !roots.some((root) => isInside(root, folder)));
}

/** The files read around the named ones (see `contextOfNamedFiles`) that are not among the files checked. */
function contextDocuments(named: readonly NamedFile[], folders: readonly string[], parsed: readonly Parsed[], source: FileSource, index: WorkspaceIndex): { filePath: string; document: ParsedDocument }[] {
  if (named.length === 0 && folders.length === 0) return [];
  const checked = new Set(parsed.map((p) => p.filePath));
  return contextOfNamedFiles(named, source, folders).flatMap((file) => {
    const document = checked.has(file.filePath) ? undefined : index.document(file.filePath, file.kind);
    return document ? [{ filePath: file.filePath, document }] : [];
  });
}

/**
 * The parsed files, each ipsec.conf or racoon.conf followed by the files it loads that were not
 * among them (an include of `/etc/conns/*.conf`, a racoon.conf's `racoon.d/*.conf`): all of them
 * for a named file, those inside the folders walked (and not excluded) for one the walk found.
 */
function withFilesLoaded(parsed: readonly Parsed[], model: WorkspaceModel | undefined, named: readonly NamedFile[], walked: WalkedFiles): Parsed[] {
  const isStart = (file: { filePath: string; kind?: string }): boolean => file.kind === 'racoon' || (file.kind === 'ipsec' && isNodeRoot(file.filePath));
  const namedStarts = new Set(named.filter(isStart).map((file) => file.filePath));
  const walkedStarts = parsed.filter((p) => walked.found.has(p.filePath) && !namedStarts.has(p.filePath) && p.document && isStart({ filePath: p.filePath, kind: p.document.kind })).map((p) => p.filePath);
  if (!model || namedStarts.size + walkedStarts.length === 0) return [...parsed];
  const loaded = filesLoadedWith(model, new Set([...namedStarts, ...walkedStarts]));
  const seen = new Set(parsed.map((p) => p.filePath));
  return parsed.flatMap((p) => [
    p,
    ...(loaded.get(p.filePath) ?? []).flatMap((document) => {
      const filePath = pathOf(document);
      if (seen.has(filePath) || (!namedStarts.has(p.filePath) && !walked.takes(filePath))) return [];
      seen.add(filePath);
      return [{ filePath, document }];
    }),
  ]);
}

interface WalkedFiles {
  /** The files the walk of the named folders found. */
  readonly found: ReadonlySet<string>;
  /** Whether the walk would have reported a file a gateway loads: inside a folder walked, under no excluded name. */
  readonly takes: (filePath: string) => boolean;
}

function walkedFiles(files: readonly CollectedFile[], options: LintWorkspaceOptions): WalkedFiles {
  const folders = options.namedFolders ?? [];
  const exclude = options.exclude ?? [];
  return {
    found: new Set(files.filter((file) => !file.explicit).map((file) => file.filePath)),
    takes: (filePath) =>
      folders.some((folder) => {
        if (!isInside(filePath, folder)) return false;
        const segments = path.relative(folder, filePath).split(path.sep);
        return !segments.some((segment) => exclude.some((pattern) => matchSegment(pattern, segment)));
      }),
  };
}

/** Each document's findings, its own and the cross-file ones, by URI; files that got no document keep only cross-file ones. */
function findingsByUri(parsed: readonly Parsed[], reports: readonly FileReport[], crossFile: ReadonlyMap<string, readonly Finding[]>): Map<string, readonly Finding[]> {
  const all = new Map<string, readonly Finding[]>(crossFile);
  parsed.forEach((p, i) => {
    if (p.document) all.set(p.document.uri, reports[i].findings);
  });
  return all;
}

function withOverlay(disk: FileSource, overlay: ReadonlyMap<string, string> | undefined): FileSource {
  if (!overlay || overlay.size === 0) return disk;
  const source = new OverlayFileSource(disk);
  for (const [filePath, text] of overlay) source.set(filePath, text);
  return source;
}

function parseOne(file: CollectedFile, disk: FileSource, index: WorkspaceIndex, options: LintFileOptions): Parsed {
  const read = disk.read(file.filePath);
  if (!read.ok) return { filePath: file.filePath, report: { filePath: file.filePath, findings: [], fatal: `${file.filePath} ${read.reason}` } };
  const kind = options.forcedKind ?? kindOfText(file.kind, read.text);
  if (!kind) return { filePath: file.filePath, report: { filePath: file.filePath, findings: [], skipped: 'not an IPsec file kind ipsec-lint recognises (use --kind to force one)' } };
  try {
    return { filePath: file.filePath, document: index.document(file.filePath, kind) };
  } catch (error) {
    return { filePath: file.filePath, report: { filePath: file.filePath, kind, findings: [], fatal: `internal ${error instanceof Error ? error.name : 'error'} while reading this file; please report it` } };
  }
}

/** The gateways, racoon hosts and setkey files among the documents, or nothing to model. */
function buildModel(index: WorkspaceIndex, documents: readonly { filePath: string; document: ParsedDocument }[]): WorkspaceModel | undefined {
  const of = (test: (d: { filePath: string; document: ParsedDocument }) => boolean) => documents.filter(test).map((d) => d.filePath);
  const confPaths = of((d) => d.document.kind === 'ipsec' && isNodeRoot(d.filePath));
  const secretFiles = of((d) => d.document.kind === 'racoon-psk' || d.document.kind === 'ipsec-secrets');
  const racoonConfs = of((d) => d.document.kind === 'racoon' && path.basename(d.filePath) === 'racoon.conf');
  const setkeyFiles = of((d) => d.document.kind === 'setkey');
  if (confPaths.length + secretFiles.length + racoonConfs.length + setkeyFiles.length === 0) return undefined;
  try {
    return index.model(confPaths, secretFiles, racoonConfs, setkeyFiles);
  } catch {
    return undefined;
  }
}

function safeCheckWorkspace(model: WorkspaceModel, options: LintFileOptions): Map<string, Finding[]> {
  try {
    return checkWorkspace(model, options);
  } catch {
    return new Map();
  }
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
