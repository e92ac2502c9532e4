import path from 'node:path';
import type { FileSource } from './fileSource';
import { childPath } from './pathOps';

/** Whether a path segment contains shell glob characters. */
export function hasGlob(segment: string): boolean {
  return /[*?[]/.test(segment);
}

/** Matches one path segment against a shell glob (`*`, `?`, `[abc]`, `[!a-z]`), without regular expressions. */
export function matchSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starN = n;
      continue;
    }
    const step = p < pattern.length ? matchOne(pattern, p, name[n]) : -1;
    if (step > 0) {
      p += step;
      n++;
      continue;
    }
    if (starP < 0) return false;
    p = starP + 1;
    n = ++starN;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Length of the pattern element at p if it matches ch, else -1. */
function matchOne(pattern: string, p: number, ch: string): number {
  const c = pattern[p];
  if (c === '?') return 1;
  if (c !== '[') return c === ch ? 1 : -1;
  const close = pattern.indexOf(']', p + 2);
  if (close < 0) return c === ch ? 1 : -1;
  let i = p + 1;
  const negate = pattern[i] === '!' || pattern[i] === '^';
  if (negate) i++;
  let matched = false;
  for (; i < close; i++) {
    if (pattern[i + 1] === '-' && i + 2 < close) {
      if (ch >= pattern[i] && ch <= pattern[i + 2]) matched = true;
      i += 2;
    } else if (pattern[i] === ch) {
      matched = true;
    }
  }
  return matched !== negate ? close - p + 1 : -1;
}

/** Expands a glob over absolute paths, segment by segment; dot files match only explicit dots. */
export function expandGlob(pattern: string, files: FileSource, limit = 10000): string[] {
  const parsed = path.parse(pattern);
  const segments = pattern.slice(parsed.root.length).split(path.sep).filter((s) => s.length > 0);
  let current = [parsed.root];
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    const next: string[] = [];
    for (const base of current) {
      if (!hasGlob(segment)) {
        next.push(childPath(base, segment));
        continue;
      }
      for (const name of files.list(base) ?? []) {
        if (name.startsWith('.') && !segment.startsWith('.')) continue;
        if (matchSegment(segment, name)) next.push(childPath(base, name));
        if (next.length >= limit) break;
      }
    }
    // Only what a wildcard matched needs to be a folder to go on; a literal path is checked when
    // the next wildcard lists it (or at the end), so the folders above a gateway are never listed.
    current = last || !hasGlob(segment) ? next : next.filter((candidate) => files.list(candidate) !== undefined);
  }
  return current.filter((candidate) => files.isFile(candidate)).sort();
}
