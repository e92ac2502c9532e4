import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isTooLargeToCheck } from '../model/sizeLimits';
import { childPath } from './pathOps';
import { readConfigBytes, readConfigFile, tooLargeToRead, type ReadResult } from './readConfigFile';

/**
 * How the workspace model sees files: the disk, overlaid by the editor's unsaved buffers.
 * Tests use an in-memory one. Paths are absolute, with forward slashes on POSIX.
 */
export interface FileSource {
  /** `knownRegular`: a folder listing has just shown a regular file here (a hint; sources may ignore it). */
  read(filePath: string, knownRegular?: boolean): ReadResult;
  /** Raw bytes of a small binary file such as a certificate; undefined when unreadable. */
  readBytes?(filePath: string, knownRegular?: boolean): Buffer | undefined;
  /** Like `readBytes`, for a caller that keeps what it derives from the bytes (the certificate store): a caching source does not keep them. */
  readBytesUncached?(filePath: string): Buffer | undefined;
  /** Permission bits of a file (e.g. 0o600), when the source knows them. */
  mode?(filePath: string): number | undefined;
  /** Names in a directory, or undefined when it is not a readable directory. */
  list(dirPath: string): string[] | undefined;
  /** Like `list`, telling which entries are regular files and folders (symbolic links are neither). */
  listWithFiles?(dirPath: string): DirectoryListing | undefined;
  isFile(filePath: string): boolean;
  /** The canonical path, to detect symlink loops; the path itself when it cannot be resolved. */
  realpath(filePath: string): string;
}

/** A folder's entries, sorted, and which of them are plainly files or folders rather than links. */
export interface DirectoryListing {
  readonly names: string[];
  readonly regularFiles: ReadonlySet<string>;
  readonly plainFolders: ReadonlySet<string>;
}

/** A listing from `readdir` entries; `entries` sorted by name. */
export function listingOf(entries: readonly Dirent[]): DirectoryListing {
  const regularFiles = new Set<string>();
  const plainFolders = new Set<string>();
  for (const entry of entries) {
    if (entry.isFile()) regularFiles.add(entry.name);
    else if (entry.isDirectory()) plainFolders.add(entry.name);
  }
  return { names: entries.map((entry) => entry.name), regularFiles, plainFolders };
}

export function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Certificates and keys are small; anything bigger is not one. */
const MAX_BINARY_BYTES = 1024 * 1024;

export class DiskFileSource implements FileSource {
  read(filePath: string, knownRegular = false): ReadResult {
    return readConfigFile(filePath, knownRegular);
  }

  mode(filePath: string): number | undefined {
    try {
      return statSync(filePath).mode & 0o777;
    } catch {
      return undefined;
    }
  }

  readBytes(filePath: string, knownRegular = false): Buffer | undefined {
    return readConfigBytes(filePath, MAX_BINARY_BYTES, knownRegular);
  }

  list(dirPath: string): string[] | undefined {
    return this.listWithFiles(dirPath)?.names;
  }

  listWithFiles(dirPath: string): DirectoryListing | undefined {
    try {
      return listingOf(readdirSync(dirPath, { withFileTypes: true }).sort(byName));
    } catch {
      return undefined;
    }
  }

  isFile(filePath: string): boolean {
    try {
      return statSync(filePath).isFile();
    } catch {
      return false;
    }
  }

  realpath(filePath: string): string {
    try {
      return realpathSync.native(filePath);
    } catch {
      return filePath;
    }
  }
}

/** Serves open editor buffers first, then falls back to another source. */
export class OverlayFileSource implements FileSource {
  private readonly overlay = new Map<string, string>();

  constructor(private readonly base: FileSource) {}

  set(filePath: string, text: string): void {
    this.overlay.set(filePath, text);
  }

  delete(filePath: string): void {
    this.overlay.delete(filePath);
  }

  read(filePath: string): ReadResult {
    const text = this.overlay.get(filePath);
    if (text === undefined) return this.base.read(filePath);
    // An editor's buffer may have grown past what a file on disk may be: it is left out as such a file would be.
    if (isTooLargeToCheck(text)) return tooLargeToRead(text.length);
    return { ok: true, text };
  }

  readBytes(filePath: string): Buffer | undefined {
    return this.base.readBytes?.(filePath);
  }

  readBytesUncached(filePath: string): Buffer | undefined {
    return this.base.readBytesUncached ? this.base.readBytesUncached(filePath) : this.base.readBytes?.(filePath);
  }

  mode(filePath: string): number | undefined {
    return this.base.mode?.(filePath);
  }

  list(dirPath: string): string[] | undefined {
    return this.base.list(dirPath);
  }

  isFile(filePath: string): boolean {
    return this.overlay.has(filePath) || this.base.isFile(filePath);
  }

  /**
   * An open buffer not yet saved lies where its folder really is: a workspace reached through a
   * symbolic link must give the same real path for an open file as for the closed ones beside it.
   */
  realpath(filePath: string): string {
    if (!this.overlay.has(filePath) || this.base.isFile(filePath)) return this.base.realpath(filePath);
    const folder = path.dirname(filePath);
    return folder === filePath ? filePath : childPath(this.base.realpath(folder), path.basename(filePath));
  }
}
