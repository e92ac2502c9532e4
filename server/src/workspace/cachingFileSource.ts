import path from 'node:path';
import { MAX_WORKSPACE_TEXT, megabytes } from '../model/sizeLimits';
import type { DirectoryListing, FileSource } from './fileSource';
import { childPath } from './pathOps';
import type { ReadResult } from './readConfigFile';

/**
 * Remembers what the disk said until told that a path changed: the server hears of changes
 * from the editor's file watcher, so a keystroke never re-reads a whole mesh of gateways.
 */
export class CachingFileSource implements FileSource {
  private readonly reads = new Map<string, ReadResult>();
  private readonly bytes = new Map<string, Buffer | undefined>();
  private readonly listings = new Map<string, string[] | undefined>();
  private readonly files = new Map<string, boolean>();
  private readonly realpaths = new Map<string, string>();
  private readonly modes = new Map<string, number | undefined>();
  /** Paths a folder listing showed as regular files or folders, not symbolic links. */
  private readonly plainFiles = new Set<string>();
  private readonly plainFolders = new Set<string>();

  /** How much text the reads it keeps hold, against `textBudget`. */
  private heldText = 0;
  /** Files refused, until they change: for their size or the budget, or because this user may not read them. */
  private readonly refused = new Map<string, 'size' | 'permission'>();

  constructor(
    private readonly base: FileSource,
    private readonly textBudget = MAX_WORKSPACE_TEXT,
  ) {}

  read(filePath: string): ReadResult {
    return remember(this.reads, filePath, () => {
      const read = this.withinBudget(this.base.read(filePath, this.plainFiles.has(filePath)));
      if (!read.ok && (read.tooLarge || read.denied)) this.refused.set(filePath, read.tooLarge ? 'size' : 'permission');
      return read;
    });
  }

  /** The files not read for their size, or because those read before them held the whole budget. */
  notReadForSize(): readonly string[] {
    return this.refusedFor('size');
  }

  /** The files not read because this user may not read them. */
  notReadForPermission(): readonly string[] {
    return this.refusedFor('permission');
  }

  private refusedFor(cause: 'size' | 'permission'): string[] {
    return [...this.refused].filter(([, why]) => why === cause).map(([filePath]) => filePath).sort();
  }

  /** Every file a read was refused, with why: for a caller to name those it did not report itself. */
  notRead(): readonly { readonly filePath: string; readonly reason: string }[] {
    return [...this.refused.keys()].sort().map((filePath) => {
      const read = this.reads.get(filePath);
      return { filePath, reason: read && !read.ok ? read.reason : 'was not read' };
    });
  }

  /** A text that would take the texts kept past the budget is refused: every file checked costs heap in proportion. */
  private withinBudget(read: ReadResult): ReadResult {
    if (!read.ok) return read;
    if (this.heldText + read.text.length > this.textBudget) {
      return { ok: false, reason: `was not read: the files read before it already hold ${megabytes(this.heldText)} of text, and at most ${megabytes(this.textBudget)} are checked at once (exclude what is not configuration)`, tooLarge: true };
    }
    this.heldText += read.text.length;
    return read;
  }

  readBytes(filePath: string): Buffer | undefined {
    return remember(this.bytes, filePath, () => this.base.readBytes?.(filePath, this.plainFiles.has(filePath)));
  }

  /** Certificates are read past the cache: the certificate store keeps what it derives from each one (forgotten with the file), so their bytes would be a second copy. */
  readBytesUncached(filePath: string): Buffer | undefined {
    return this.bytes.has(filePath) ? this.bytes.get(filePath) : this.base.readBytes?.(filePath, this.plainFiles.has(filePath));
  }

  mode(filePath: string): number | undefined {
    return remember(this.modes, filePath, () => this.base.mode?.(filePath));
  }

  list(dirPath: string): string[] | undefined {
    return remember(this.listings, dirPath, () => {
      if (!this.base.listWithFiles) return this.base.list(dirPath);
      const listing = this.base.listWithFiles(dirPath);
      if (listing) this.learn(dirPath, listing);
      return listing?.names;
    });
  }

  /** Takes a listing someone else just read (the walk that found the workspace's files), as if listed here. */
  seed(dirPath: string, listing: DirectoryListing): void {
    if (this.listings.has(dirPath)) return;
    this.learn(dirPath, listing);
    this.listings.set(dirPath, listing.names);
  }

  /** A listing also tells which entries are regular files and folders: no stat or realpath per entry afterwards. */
  private learn(dirPath: string, listing: DirectoryListing): void {
    for (const name of listing.regularFiles) {
      const filePath = childPath(dirPath, name);
      if (!this.files.has(filePath)) this.files.set(filePath, true);
      this.plainFiles.add(filePath);
    }
    for (const name of listing.plainFolders) this.plainFolders.add(childPath(dirPath, name));
  }

  isFile(filePath: string): boolean {
    return remember(this.files, filePath, () => this.answerFromListing(filePath) ?? this.base.isFile(filePath));
  }

  /**
   * A folder's listing answers for all its files at once (a gateway's certs/ holds dozens):
   * absent names are no files, regular ones are. Links and the like still get a stat.
   */
  private answerFromListing(filePath: string): boolean | undefined {
    if (!this.base.listWithFiles) return undefined;
    const names = this.list(path.dirname(filePath));
    if (names === undefined) return undefined;
    const known = this.files.get(filePath);
    if (known !== undefined) return known;
    return nameSet(names).has(path.basename(filePath)) ? undefined : false;
  }

  realpath(filePath: string): string {
    return remember(this.realpaths, filePath, () => this.realpathViaFolder(filePath));
  }

  /**
   * A file or folder that is no link lies where its folder really is: with the folder listed,
   * one lookup per gateway rather than one per file (each lookup stats every path component).
   */
  private realpathViaFolder(filePath: string): string {
    const folder = path.dirname(filePath);
    const plain = this.plainFiles.has(filePath) || this.plainFolders.has(filePath);
    if (folder !== filePath && plain) return childPath(this.realpath(folder), path.basename(filePath));
    return this.base.realpath(filePath);
  }

  /** A file was changed, created or deleted: forget it and its folder's listing. */
  invalidate(filePath: string): void {
    const read = this.reads.get(filePath);
    if (read?.ok) this.heldText -= read.text.length;
    this.refused.delete(filePath);
    for (const map of [this.reads, this.bytes, this.files, this.realpaths, this.modes, this.listings]) map.delete(filePath);
    this.plainFiles.delete(filePath);
    this.plainFolders.delete(filePath);
    this.listings.delete(path.dirname(filePath));
  }
}

const nameSets = new WeakMap<readonly string[], Set<string>>();

function nameSet(names: readonly string[]): Set<string> {
  let set = nameSets.get(names);
  if (!set) {
    set = new Set(names);
    nameSets.set(names, set);
  }
  return set;
}

function remember<V>(map: Map<string, V>, key: string, compute: () => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = compute();
  map.set(key, value);
  return value;
}
