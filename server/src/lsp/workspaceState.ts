import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cachedCheckDocument } from '../checks/documentFindingsCache';
import type { CheckContext } from '../checks/rule';
import type { CheckOptions } from '../checks/engine';
import type { Finding } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { DialectSetting } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import { detectFileKind } from '../model/fileKind';
import { MAX_CHECKED_LENGTH, MAX_WORKSPACE_TEXT, megabytes } from '../model/sizeLimits';
import { checkWorkspace } from '../checks/workspaceEngine';
import { collectFiles, describeLinksOut, type CollectOptions } from '../workspace/collectFiles';
import { CachingFileSource } from '../workspace/cachingFileSource';
import { DiskFileSource, OverlayFileSource, type DirectoryListing, type FileSource } from '../workspace/fileSource';
import { fileUri } from '../workspace/loadIpsecNode';
import { contextOfNamedFiles } from '../workspace/namedFileContext';
import { isNodeRoot } from '../workspace/nodeLayout';
import { commonDir } from '../workspace/pathOps';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { collectYoungGenerationSoon } from './youngGeneration';

/**
 * The server's view of the whole workspace: files on disk overlaid with open editor buffers,
 * the gateway nodes they form, and the cross-file findings, recomputed lazily after a change.
 */
export class WorkspaceState {
  private readonly disk: CachingFileSource;
  private readonly overlay: OverlayFileSource;
  private readonly index: WorkspaceIndex;
  private readonly roots = new Set<string>();
  private readonly secretFiles = new Set<string>();
  private readonly racoonConfs = new Set<string>();
  private readonly setkeyFiles = new Set<string>();
  /** Node roots found on disk but not yet taken into the model. */
  private readonly queued: string[] = [];
  private readonly openPaths = new Set<string>();
  private findings = new Map<string, Finding[]>();
  private current: WorkspaceModel | undefined;
  private dirty = true;
  private options: CheckOptions = {};

  /** `base` is the disk (tests may watch it). */
  constructor(rootOverride?: string, base: FileSource = new DiskFileSource()) {
    this.disk = new CachingFileSource(base);
    this.overlay = new OverlayFileSource(this.disk);
    this.index = new WorkspaceIndex(this.overlay, { rootOverride });
  }

  /**
   * Finds the IPsec files under the folders; node roots are queued and taken in by `indexNext`,
   * a few at a time, so that requests are answered between steps. Says how many files were
   * taken, whether the cap cut it, and which links out of the folders were not followed.
   */
  discover(folders: readonly string[], options: CollectOptions): { files: number; truncated: boolean; nodes: number; linksOutNote?: string } {
    const listings = new Map<string, DirectoryListing>();
    const linksOut: string[] = [];
    const { files, truncated } = collectFiles(folders, process.cwd(), { ...options, listings, linksOut });
    for (const [dirPath, listing] of listings) this.disk.seed(dirPath, listing);
    for (const file of files) {
      if (file.kind === 'ipsec' && isNodeRoot(file.filePath) && !this.roots.has(file.filePath)) this.queued.push(file.filePath);
      if (file.kind === 'ipsec-secrets' || file.kind === 'racoon-psk') this.secretFiles.add(file.filePath);
      if (file.kind === 'racoon' && path.basename(file.filePath) === 'racoon.conf') this.racoonConfs.add(file.filePath);
      if (file.kind === 'setkey') this.setkeyFiles.add(file.filePath);
    }
    this.dirty = true;
    const note = linksOut.length > 0 ? describeLinksOut(linksOut, path.dirname(commonDir(folders)), 'add the folder they lead to to the workspace to check it') : undefined;
    return { files: files.length, truncated, nodes: this.queued.length, linksOutNote: note };
  }

  /** Which files on disk were not read, for their size or their permissions: for a message once the workspace is indexed. */
  notReadNote(): string | undefined {
    // The model reads the files: racoon hosts and setkey files are read only when it is built.
    this.model();
    const name = (files: readonly string[]): string => files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
    const tooLarge = this.disk.notReadForSize();
    const denied = this.disk.notReadForPermission();
    const notes = [
      tooLarge.length > 0 ? `${tooLarge.length} file(s) were not read, each being over ${megabytes(MAX_CHECKED_LENGTH)} or past the ${megabytes(MAX_WORKSPACE_TEXT)} of configuration text checked in one workspace: ${name(tooLarge)}.` : '',
      denied.length > 0 ? `${denied.length} file(s) could not be read, the editor's user not being allowed to: ${name(denied)}.` : '',
    ].filter((note) => note.length > 0);
    return notes.length > 0 ? `${notes.join(' ')} The checks across files leave them out.` : undefined;
  }

  /**
   * Forgets what the last search found, before a search with other exclude settings: files
   * now excluded leave the model, open ones stay.
   */
  forgetDiscovered(): void {
    const open = (filePath: string): boolean => this.openPaths.has(filePath);
    for (const found of [this.roots, this.secretFiles, this.racoonConfs, this.setkeyFiles]) {
      for (const filePath of found) if (!open(filePath)) found.delete(filePath);
    }
    for (const filePath of this.openPaths) this.takeInSurroundings(filePath);
    this.queued.length = 0;
    this.dirty = true;
  }

  /** Takes in up to `count` queued node roots, those holding open files first; the number still queued. */
  indexNext(count: number): number {
    const open = [...this.openPaths];
    const holdsOpenFile = (root: string): boolean => open.some((filePath) => filePath.startsWith(`${path.dirname(root)}${path.sep}`));
    this.queued.sort((a, b) => Number(holdsOpenFile(b)) - Number(holdsOpenFile(a)));
    for (const root of this.queued.splice(0, count)) this.roots.add(root);
    this.dirty = true;
    this.model();
    return this.queued.length;
  }

  /** Discovers and takes in everything at once (tests, and callers that can wait). */
  indexFolders(folders: readonly string[], options: CollectOptions): { files: number; truncated: boolean } {
    const found = this.discover(folders, options);
    while (this.indexNext(Number.POSITIVE_INFINITY) > 0);
    return { files: found.files, truncated: found.truncated };
  }

  setOptions(options: CheckOptions, dialect: DialectSetting = 'auto', rootDirectory = '', expiryWarningDays = 30): void {
    this.options = options;
    this.index.configure(dialect, rootDirectory.length > 0 ? rootDirectory : undefined, expiryWarningDays);
    this.dirty = true;
  }

  opened(uri: string, text: string): void {
    const filePath = toPath(uri);
    if (!filePath) return;
    const justOpened = !this.openPaths.has(filePath);
    this.overlay.set(filePath, text);
    this.openPaths.add(filePath);
    // A file written just before it was opened (the new-peer wizard) may reach us before the
    // watcher does: re-list its folder so that include globs take it in now.
    const stale = justOpened && !(this.disk.list(path.dirname(filePath)) ?? []).includes(path.basename(filePath));
    if (stale) this.disk.invalidate(filePath);
    this.index.forget(filePath, stale && this.disk.isFile(filePath));
    if (isNodeRoot(filePath)) this.roots.add(filePath);
    if (path.basename(filePath) === 'racoon.conf') this.racoonConfs.add(filePath);
    if (justOpened) this.takeInSurroundings(filePath);
    this.dirty = true;
  }

  /**
   * The gateway or racoon host an opened file belongs to, found around it, joins the model: a
   * file opened on its own (no folder, or outside the folders searched) is judged where it belongs.
   */
  private takeInSurroundings(filePath: string): void {
    const kind = detectFileKind(filePath);
    if (!kind) return;
    for (const found of contextOfNamedFiles([{ filePath, kind }], this.overlay)) {
      if (found.kind === 'ipsec') this.roots.add(found.filePath);
      else if (found.kind === 'racoon') this.racoonConfs.add(found.filePath);
      else if (found.kind === 'setkey') this.setkeyFiles.add(found.filePath);
    }
  }

  closed(uri: string): void {
    const filePath = toPath(uri);
    if (!filePath) return;
    this.overlay.delete(filePath);
    this.openPaths.delete(filePath);
    this.index.forget(filePath);
    this.dirty = true;
  }

  /** A file changed on disk, was created or deleted (from the client's file watcher). */
  fileChanged(uri: string, deleted: boolean, created = false): void {
    const filePath = toPath(uri);
    if (!filePath) return;
    this.disk.invalidate(filePath);
    this.index.forget(filePath, deleted || created);
    if (isNodeRoot(filePath)) {
      if (deleted) this.roots.delete(filePath);
      else this.roots.add(filePath);
    }
    this.dirty = true;
  }

  /** The gateway model, rebuilt only when something changed. */
  model(): WorkspaceModel {
    if (this.dirty || !this.current) {
      this.dirty = false;
      this.current = this.index.model([...this.roots].sort(), [...this.secretFiles].sort(), [...this.racoonConfs].sort(), [...this.setkeyFiles].sort());
      this.findings = checkWorkspace(this.current, this.options);
      collectYoungGenerationSoon();
    }
    return this.current;
  }

  /** Cross-file findings by document URI. */
  allFindings(): ReadonlyMap<string, Finding[]> {
    this.model();
    return this.findings;
  }

  findingsFor(uri: string): Finding[] {
    return this.allFindings().get(normalizeUri(uri)) ?? [];
  }

  /**
   * What to show on files that are not open: each file of the model with its own findings and
   * the cross-file ones, so that the Problems panel lists a closed file's column-0 key as well
   * as its peer's complaint. Only files with findings are in the map.
   */
  closedFileFindings(): ReadonlyMap<string, Finding[]> {
    const result = new Map<string, Finding[]>();
    const seen = new Set<string>();
    for (const { document, findings } of this.closedDocuments()) {
      seen.add(document.uri);
      if (findings.length > 0) result.set(document.uri, findings);
    }
    const open = new Set([...this.openPaths].map(fileUri));
    for (const [uri, findings] of this.allFindings()) if (!seen.has(uri) && !open.has(uri)) result.set(uri, findings);
    return result;
  }

  /** Each parsed file of the model that is not open, with its own findings and the cross-file ones. */
  closedDocuments(): Array<{ document: ParsedDocument; findings: Finding[] }> {
    const cross = this.allFindings();
    // Documents carry the URI fileUri gives their path: compare strings, not one conversion per file.
    const open = new Set([...this.openPaths].map(fileUri));
    const seen = new Set<string>();
    const result: Array<{ document: ParsedDocument; findings: Finding[] }> = [];
    for (const { document, context } of documentsOf(this.model())) {
      if (seen.has(document.uri) || open.has(document.uri)) continue;
      seen.add(document.uri);
      const own = cachedCheckDocument(document, this.options.rules, context);
      const extra = cross.get(document.uri) ?? [];
      result.push({ document, findings: extra.length === 0 ? own : [...own, ...extra] });
    }
    return result;
  }
}

/** Every parsed file of the model, with what its own rules are told: its gateway's dialect, a racoon include. */
function* documentsOf(model: WorkspaceModel): Iterable<{ document: ParsedDocument; context: CheckContext }> {
  for (const node of model.nodes) {
    for (const document of node.documents) yield { document, context: { dialect: node.dialect } };
    for (const document of node.secrets) yield { document, context: { dialect: node.dialect } };
  }
  for (const host of model.racoonHosts) {
    for (const document of host.documents) yield { document, context: document === host.document ? {} : { readThroughInclude: true } };
    if (host.psk) yield { document: host.psk, context: {} };
  }
  for (const document of model.setkeyFiles) yield { document, context: {} };
}

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The same file can arrive as `file:///a%20b` or `file:///a b`; compare one spelling. */
export function normalizeUri(uri: string): string {
  const filePath = toPath(uri);
  return filePath ? pathToFileURL(filePath).href : uri;
}
