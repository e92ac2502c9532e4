import { DIALECT_TRAITS, expandVersion, type Dialect, type Versioned } from '../../../knowledge/ipsecConf';
import { traitValues } from '../../../knowledge/ipsecConf/versions';

/** One daemon, and optionally the releases a version string stands for (`4`, `5.2`). */
export interface Release {
  readonly dialect: Dialect;
  readonly version?: string;
  /** A Libreswan 3.x release the files are pinned to, judged as the modelled ones but with what 3.x also read. */
  readonly olderRelease?: string;
}

/** What a value is wrong about, in words; never more than the value itself. */
export interface ValueProblem {
  readonly message: string;
  /** The whole value to write instead, when one correction is clearly meant. */
  readonly suggestion?: string;
  /** The suggestion picks another thing (an algorithm of similar spelling), not the same one spelt right: never applied without the user. */
  readonly suggestionChangesMeaning?: boolean;
}

/** The releases the version stands for (every known one without a version). */
export function releasesOf(release: Release): readonly string[] {
  return expandVersion(release.dialect, release.version) ?? DIALECT_TRAITS[release.dialect].releases;
}

/** Whether some release the version stands for has the trait set. */
export function anyRelease(release: Release, trait: (d: typeof DIALECT_TRAITS.libreswan) => readonly Versioned<boolean>[]): boolean {
  return traitValues(trait(DIALECT_TRAITS[release.dialect]), expandVersion(release.dialect, release.version)).includes(true);
}

/** Whether every release the version stands for has the trait set (for traits that make a check stricter). */
export function everyRelease(release: Release, trait: (d: typeof DIALECT_TRAITS.libreswan) => readonly Versioned<boolean>[]): boolean {
  const values = traitValues(trait(DIALECT_TRAITS[release.dialect]), expandVersion(release.dialect, release.version));
  return values.length > 0 && values.every((v) => v);
}

export function yesNoSpellings(release: Release): readonly string[] {
  return perRelease(spellingsByRelease, release, () => [...new Set(traitValues(DIALECT_TRAITS[release.dialect].yesNo, expandVersion(release.dialect, release.version)).flat())]);
}

/** Libreswan 4 and Openswan parse values with their old bison grammar. */
export function usesLegacyGrammar(release: Release): boolean {
  return perRelease(legacyByRelease, release, () => anyRelease(release, (t) => t.legacyValueGrammar));
}

// Asked for every value of every file; a handful of releases exist, so the answers are kept.
const spellingsByRelease = new Map<string, readonly string[]>();
const legacyByRelease = new Map<string, boolean>();

function perRelease<T>(cache: Map<string, T>, release: Release, compute: () => T): T {
  const key = `${release.dialect}@${release.version ?? ''}`;
  let known = cache.get(key);
  if (known === undefined) {
    known = compute();
    cache.set(key, known);
  }
  return known;
}
