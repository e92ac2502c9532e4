import { DIALECT_TRAITS, lookupKeyword, type KeywordLookup, type SectionKind } from '../../knowledge/ipsecConf';
import { detectDialect, type DialectGuess } from '../../model/dialect';
import type { ParsedDocument } from '../../model/document';
import type { CheckContext } from '../rule';
import type { DialectTarget } from './dialectTarget';
import { detectWithValues } from './dialectByValues';

export { concreteReleases, everyReleaseIn, someRelease, type DialectTarget } from './dialectTarget';

/** Targets per dialect guess, made once: each keyword rule of each file asks for them. */
const targetsByGuess = new Map<string, readonly DialectTarget[]>();
const MAX_REMEMBERED_GUESSES = 100;

/** The dialects to judge a document against: the chosen one, or every plausible one. Shared: callers must not change them. */
export function dialectTargets(document: ParsedDocument<'ipsec'>, context: CheckContext): readonly DialectTarget[] {
  const guess = documentDialect(document, context);
  const key = guess.choice ? `${guess.choice.dialect} ${guess.choice.version ?? ''} ${guess.choice.olderRelease ?? ''}` : guess.plausible.join(',');
  let targets = targetsByGuess.get(key);
  if (targets === undefined) {
    if (targetsByGuess.size >= MAX_REMEMBERED_GUESSES) targetsByGuess.clear();
    targets = targetsOf(guess);
    targetsByGuess.set(key, targets);
  }
  return targets;
}

/** The gateway's dialect as the checks were given it, or the document's own when it belongs to none. */
export function documentDialect(document: ParsedDocument<'ipsec'>, context: CheckContext): DialectGuess {
  return context.dialect ?? detectDialect([document], 'auto', detectWithValues);
}

function targetsOf(guess: DialectGuess): readonly DialectTarget[] {
  if (guess.choice) {
    const { dialect, version, olderRelease } = guess.choice;
    const target: DialectTarget = { dialect, version, label: `${DIALECT_TRAITS[dialect].label}${version ? ` ${version}` : ''}` };
    return [olderRelease === undefined ? target : { ...target, olderRelease }];
  }
  return guess.plausible.map((dialect) => ({ dialect, label: DIALECT_TRAITS[dialect].label }));
}

/**
 * Whether every target takes the key as a current keyword of this kind of section: then the
 * keyword rules (unknown, deprecated, misplaced) have nothing to say, as for most lines.
 */
export function currentEverywhere(key: string, section: SectionKind, targets: readonly DialectTarget[]): boolean {
  // Asked for nearly every line by several rules: an index loop makes no iterator objects.
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    const lookup = lookupKeyword(key, target.dialect, target.version);
    if (lookup.status !== 'valid' || !lookup.sections.includes(section)) return false;
  }
  return true;
}

export interface Verdict {
  readonly target: DialectTarget;
  readonly lookup: KeywordLookup;
}

export function lookupAll(key: string, targets: readonly DialectTarget[]): Verdict[] {
  return targets.map((target) => ({ target, lookup: lookupKeyword(key, target.dialect, target.version) }));
}

/** Whether the dialect's parser stops on an unknown key (rather than logging and skipping it). */
export function rejectsUnknown(target: DialectTarget): boolean {
  return DIALECT_TRAITS[target.dialect].unknownKeyword === 'error';
}
