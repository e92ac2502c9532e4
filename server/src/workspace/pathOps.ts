import path from 'node:path';

/**
 * Path operations on the hot path of a workspace walk. Node's `path` normalizes every argument
 * each call; the paths here are already absolute and normal, so plain string work gives the
 * same answer far more cheaply, with Node's functions as the fallback for anything else.
 */

/** An absolute POSIX path with no `.`/`..` segments, empty segments or trailing slash. */
const NORMAL_ABSOLUTE = /^(?:\/|(?:\/(?!\.\.?(?:\/|$))[^/]+)+)$/;

/** Folders already found normal: a walk asks about the same few folders for each of their entries. */
const knownNormal = new Set<string>();
const MAX_KNOWN_NORMAL = 10000;

export function isNormalAbsolute(p: string): boolean {
  if (knownNormal.has(p)) return true;
  if (path.sep !== '/' || !NORMAL_ABSOLUTE.test(p)) return false;
  if (knownNormal.size >= MAX_KNOWN_NORMAL) knownNormal.clear();
  knownNormal.add(p);
  return true;
}

/** `path.join(folder, name)` for a name that is a single entry of that folder. */
export function childPath(folder: string, name: string): string {
  if (name.length > 0 && name !== '.' && name !== '..' && !name.includes('/') && !name.includes(path.sep) && isNormalAbsolute(folder)) {
    return folder === '/' ? `/${name}` : `${folder}/${name}`;
  }
  return path.join(folder, name);
}

/** Whether a path is the folder itself or lies below it (lexically: `..` resolved, links not). */
export function isInside(candidate: string, folder: string): boolean {
  if (candidate === folder) return true;
  if (isNormalAbsolute(candidate) && isNormalAbsolute(folder)) return folder === '/' || candidate.startsWith(`${folder}/`);
  const relative = path.relative(folder, candidate);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** The deepest folder that holds every one of the paths. */
export function commonDir(paths: readonly string[]): string {
  const split = paths.map((p) => p.split(path.sep));
  const first = split[0] ?? [];
  let length = 0;
  while (length < first.length && split.every((parts) => parts[length] === first[length])) length++;
  return first.slice(0, length).join(path.sep) || path.sep;
}
