import { DIALECT_TRAITS } from './dialects';
import type { Dialect, Versioned } from './types';

function parts(version: string): number[] {
  return version.split('.').map((p) => {
    const n = Number.parseInt(p, 10);
    return Number.isNaN(n) ? 0 : n;
  });
}

/** Compares dotted versions numerically: `4.9` < `4.10`, `2.6.01` = `2.6.1`. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface VersionRange {
  readonly from?: string;
  readonly until?: string;
}

export function inRange(range: VersionRange, version: string): boolean {
  if (range.from !== undefined && compareVersions(version, range.from) < 0) return false;
  if (range.until !== undefined && compareVersions(version, range.until) >= 0) return false;
  return true;
}

/**
 * The concrete versions a version string stands for. An exact release or an unknown full
 * version stands for itself; a prefix such as `4` or `5.3` that releases start with stands
 * for all of them (`5.3` is both a release and the prefix of 5.3.1 and 5.3.2).
 * Undefined means every release.
 */
export function expandVersion(dialect: Dialect, version: string | undefined): readonly string[] | undefined {
  if (version === undefined || version === '') return undefined;
  const matching = DIALECT_TRAITS[dialect].releases.filter((release) => isReleaseOf(release, version));
  return matching.length > 0 ? matching : [version];
}

/** Whether the version is a release we know, or the prefix of some (`5` of 5.0 to 5.4, `5.3` of 5.3, 5.3.1 and 5.3.2). */
export function isKnownRelease(dialect: Dialect, version: string): boolean {
  return DIALECT_TRAITS[dialect].releases.some((release) => isReleaseOf(release, version));
}

/** The release is the version, or one of the releases the version's prefix stands for. */
function isReleaseOf(release: string, version: string): boolean {
  return release === version || release.startsWith(`${version}.`);
}

/** Does the range hold for at least one of the versions (any version when undefined)? */
export function rangeMatches(range: VersionRange, versions: readonly string[] | undefined): boolean {
  return versions === undefined || versions.some((v) => inRange(range, v));
}

/** All values of a versioned trait that hold for the versions, oldest first. */
export function traitValues<T>(entries: readonly Versioned<T>[], versions: readonly string[] | undefined): T[] {
  return entries.filter((e) => rangeMatches(e, versions)).map((e) => e.value);
}
