import { lookupKeyword, type SectionKind } from '../../knowledge/ipsecConf';
import { libreswan3RefusedWord, libreswan3TookWord } from '../../knowledge/ipsecConf/libreswan3Keywords';
import type { Setting } from '../../parsing/ipsecConf/ast';
import { isLibreswan4, valueBeforeHash } from './dialectParsers';
import { concreteReleases, someRelease, type DialectTarget } from './dialectTarget';
import { withoutBraces } from './values/braceList';
import { checkValue } from './values/checkValue';
import { confreadProblem } from './values/confread';
import { plutoDurationProblem } from './values/plutoDurations';
import { setupDurationProblem } from './values/setupDurations';
import { strongswanAuthProblem } from './values/strongswanAuth';
import { strongswanStarterProblem } from './values/strongswanStarter';
import type { Release, ValueProblem } from './values/release';

/** What a daemon (every release a target stands for) makes of one value. */
export type ValueVerdict = { readonly kind: 'accepts' } | { readonly kind: 'rejects'; readonly problem: ValueProblem } | { readonly kind: 'notApplicable' };

/** The value's problem for one release, or `notApplicable` when another rule owns the key (unknown, removed, ignored, wrong section). */
function problemIn(key: string, value: string, section: SectionKind, release: Release): ValueProblem | 'notApplicable' | undefined {
  const lookup = lookupKeyword(key, release.dialect, release.version);
  if ((lookup.status !== 'valid' && lookup.status !== 'deprecated') || lookup.type === undefined || !lookup.sections.includes(section)) return 'notApplicable';
  if (section === 'config' && lookup.entry !== undefined && lookup.type.kind === 'duration') return checkValue(value, lookup.type, release) ?? setupDurationProblem(lookup.entry.name, value, release);
  if (section !== 'conn' || lookup.entry === undefined) return checkValue(value, lookup.type, release);
  const name = lookup.entry.name;
  return checkValue(value, lookup.type, release) ?? confreadProblem(name, value, release) ?? plutoDurationProblem(name, value, release) ?? strongswanStarterProblem(name, value, release) ?? strongswanAuthProblem(name, value, release);
}

/** Verdicts already reached: a mesh of gateways repeats the same lines in every file. */
const verdicts = new Map<string, ValueVerdict>();
const MAX_REMEMBERED_VERDICTS = 20000;
const MAX_REMEMBERED_VALUE_LENGTH = 256;

/** Whether the target refuses `value` for the setting's key; a release that takes it is enough for `accepts`. */
export function judgeValue(setting: Setting, value: string, section: SectionKind, target: DialectTarget): ValueVerdict {
  const key = setting.key.text;
  if (value.length + key.length > MAX_REMEMBERED_VALUE_LENGTH) return judgeAfresh(key, value, section, target);
  const memo = `${target.dialect}\0${target.version ?? ''}\0${target.olderRelease ?? ''}\0${section}\0${key}\0${value}`;
  let verdict = verdicts.get(memo);
  if (verdict === undefined) {
    if (verdicts.size >= MAX_REMEMBERED_VERDICTS) verdicts.clear();
    verdict = judgeAfresh(key, value, section, target);
    verdicts.set(memo, verdict);
  }
  return verdict;
}

function judgeAfresh(key: string, value: string, section: SectionKind, target: DialectTarget): ValueVerdict {
  const inAnyRelease = lookupKeyword(key, target.dialect).status;
  if (inAnyRelease !== 'valid' && inAnyRelease !== 'deprecated') return { kind: 'notApplicable' };
  const first = problemIn(key, value, section, target);
  if (first === undefined) return libreswan3Verdict(key, value, target);
  if (target.dialect === 'libreswan' && target.olderRelease !== undefined && libreswan3TookWord(key, value)) return { kind: 'accepts' };
  const releaseOf = (version: string | undefined): Release => ({ dialect: target.dialect, version, olderRelease: target.olderRelease });
  const takenBySome = someRelease(target, (version) => problemIn(key, value, section, releaseOf(version)) === undefined);
  if (takenBySome) return { kind: 'accepts' };
  if (first !== 'notApplicable') return { kind: 'rejects', problem: first };
  for (const version of concreteReleases(target)) {
    const problem = problemIn(key, value, section, releaseOf(version));
    if (problem !== undefined && problem !== 'notApplicable') return { kind: 'rejects', problem };
  }
  return { kind: 'notApplicable' };
}

/** A word only 4.0 and later take, in a file pinned to Libreswan 3 (`auto=keep`, `keyexchange=ikev2`). */
function libreswan3Verdict(key: string, value: string, target: DialectTarget): ValueVerdict {
  const refused = target.dialect === 'libreswan' && target.olderRelease !== undefined ? libreswan3RefusedWord(key, value) : undefined;
  if (!refused) return { kind: 'accepts' };
  return { kind: 'rejects', problem: { message: `"${refused.word}" is not a word Libreswan 3 took here (${refused.took.join(', ')}); 4.0 and later added it` } };
}

export function typeKind(key: string, target: DialectTarget): string | undefined {
  return lookupKeyword(key, target.dialect, target.version).type?.kind;
}

/** The value as the target's scanner hands it over: Openswan's and Libreswan's drop the braces of a {…} value, except where Libreswan 4 and Openswan scan a yes/no. */
export function writtenValue(setting: Setting, text: string, target: DialectTarget): string {
  const keepsBraces = target.dialect === 'strongswan' || ((isLibreswan4(target) || target.dialect === 'openswan') && typeKind(setting.key.text, target) === 'yesno');
  return valueBeforeHash(setting, target) ?? (keepsBraces ? text : withoutBraces(text));
}
