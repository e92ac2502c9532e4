import { inRange, type VersionRange } from '../../knowledge/ipsecConf/versions';
import type { DialectName } from '../../model/dialect';
import { releasesOf } from './values/release';

/** One dialect (and version) a document may be written for. */
export interface DialectTarget {
  readonly dialect: DialectName;
  readonly version?: string;
  readonly label: string;
  /** A release older than every modelled one that the files are pinned to; the target then stands for the modelled ones. */
  readonly olderRelease?: string;
}

/** The concrete releases a target stands for, oldest first. */
export function concreteReleases(target: DialectTarget): readonly string[] {
  return releasesOf(target);
}

/** Whether the target is that dialect and every release it stands for lies in the range. */
export function everyReleaseIn(target: DialectTarget, dialect: DialectName, range: VersionRange): boolean {
  return target.dialect === dialect && concreteReleases(target).every((release) => inRange(range, release));
}

/**
 * A lookup merged over many releases keeps one entry's sections and type; when that one says
 * no, each release is asked on its own, so that no release's acceptance is lost.
 */
export function someRelease(target: DialectTarget, accepts: (release: string | undefined) => boolean): boolean {
  return accepts(target.version) || concreteReleases(target).some((release) => accepts(release));
}
