import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { detectFileKind, type FileKind } from '../model/fileKind';
import { byName, listingOf, type DirectoryListing } from './fileSource';
import { matchSegment } from './glob';
import { isInside } from './nodeLayout';
import { childPath } from './pathOps';
import { readFirstLine } from './readFirstLine';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface CollectedFile {
  readonly filePath: string;
  readonly kind: FileKind | undefined;
  /** Named by the user rather than found in a folder. */
  readonly explicit: boolean;
}

/**
 * Expands the CLI's paths: files as given, folders walked for files whose name (or setkey shebang)
 * marks them as IPsec configuration. Iterative, and each real directory is visited once, so
 * symlink loops end.
 */
export interface CollectOptions {
  /** Names or globs (`*`, `?`, `[…]`) of files and folders to skip, matched against each path segment. */
  readonly exclude?: readonly string[];
  /** Stop after this many files: a safety cap for huge workspaces. */
  readonly maxFiles?: number;
  /** Receives each folder's listing as walked, for a file source to start from. */
  readonly listings?: Map<string, DirectoryListing>;
  /** Take every file found in a folder (but dotfiles), not only those named like IPsec configuration: the CLI's `--kind`. */
  readonly everyFile?: boolean;
  /** Receives each symbolic link that was not followed because it leads out of the folder walked, if it names a folder or a file of a kind we check. */
  readonly linksOut?: string[];
}

export function collectFiles(paths: readonly string[], cwd = process.cwd(), options: CollectOptions = {}): { files: CollectedFile[]; missing: string[]; truncated: boolean; folders: string[] } {
  const files: CollectedFile[] = [];
  const missing: string[] = [];
  const folders: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) {
      folders.push(absolute);
      files.push(...walk(absolute, options));
    }
    else files.push({ filePath: absolute, kind: detectFileKind(absolute), explicit: true });
  }
  const maxFiles = options.maxFiles ?? Number.POSITIVE_INFINITY;
  return { files: files.slice(0, maxFiles), missing, truncated: files.length > maxFiles, folders };
}

function walk(root: string, options: CollectOptions): CollectedFile[] {
  const excluded = (name: string): boolean => (options.exclude ?? []).some((pattern) => matchSegment(pattern, name));
  const maxFiles = options.maxFiles ?? Number.POSITIVE_INFINITY;
  const found: CollectedFile[] = [];
  const visited = new Set<string>();
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    return found;
  }
  // Each folder with where it really is: below a plain folder that is found without a syscall.
  const pending: Folder[] = [{ dir: root, real: realRoot }];
  while (pending.length > 0 && found.length <= maxFiles) {
    const { dir, real } = pending.pop() as Folder;
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort(byName);
    } catch {
      continue;
    }
    options.listings?.set(dir, listingOf(entries));
    const subdirectories: Folder[] = [];
    for (const entry of entries) {
      if (excluded(entry.name)) continue;
      const full = childPath(dir, entry.name);
      const kind = classify(full, childPath(real, entry.name), entry, subdirectories, realRoot, options.linksOut);
      if (kind === UNRECOGNISED) {
        if (options.everyFile && !entry.name.startsWith('.')) found.push({ filePath: full, kind: undefined, explicit: false });
      } else if (kind) found.push({ filePath: full, kind, explicit: false });
    }
    pending.push(...subdirectories.reverse());
  }
  return found;
}

interface Folder {
  readonly dir: string;
  readonly real: string;
}

/** A regular file whose name (or first line) marks no kind of IPsec configuration. */
const UNRECOGNISED = 'unrecognised';

function classify(full: string, realIfPlain: string, entry: Dirent, subdirectories: Folder[], realRoot: string, linksOut?: string[]): FileKind | typeof UNRECOGNISED | undefined {
  let isDirectory = entry.isDirectory();
  let isFile = entry.isFile();
  let real = realIfPlain;
  if (entry.isSymbolicLink()) {
    try {
      // A link that leads out of the folder being walked is not followed: nothing outside is read.
      real = realpathSync.native(full);
      if (!isInside(real, realRoot)) {
        if (linksOut && !SKIPPED_DIRECTORIES.has(entry.name) && (statSync(full).isDirectory() || detectFileKind(full))) linksOut.push(full);
        return undefined;
      }
      const target = statSync(full);
      isDirectory = target.isDirectory();
      isFile = target.isFile();
    } catch {
      return undefined;
    }
  }
  if (isDirectory) {
    if (!SKIPPED_DIRECTORIES.has(entry.name)) subdirectories.push({ dir: full, real });
    return undefined;
  }
  if (!isFile) return undefined;
  const byName = detectFileKind(full);
  if (byName) return byName;
  const name = entry.name;
  if (!name.includes('.') || name.endsWith('.sh') || name.endsWith('.cf')) return detectFileKind(full, readFirstLine(full)) ?? UNRECOGNISED;
  return UNRECOGNISED;
}

/** What to tell the user of the links `linksOut` received: a few of them, relative to `from`, and what to do (`advice`). */
export function describeLinksOut(links: readonly string[], from: string, advice: string): string {
  const shown = links.slice(0, 3).map((link) => path.relative(from, link) || link);
  const more = links.length > shown.length ? ` and ${links.length - shown.length} more` : '';
  return `symbolic link(s) leading out of the folder checked were not followed: ${shown.join(', ')}${more}; ${advice}`;
}
