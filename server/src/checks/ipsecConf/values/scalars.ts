import { DIALECT_TRAITS, editDistance } from '../../../knowledge/ipsecConf';
import { anyRelease, usesLegacyGrammar, yesNoSpellings, type Release, type ValueProblem } from './release';

const DIGITS = /^\d+$/;
const MAX_SUGGESTIBLE = 40;

/** The allowed word closest to what was written, if it is close enough to be a slip. */
export function closestWord(written: string, allowed: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  const exactCase = allowed.find((a) => a.toLowerCase() === lower);
  if (exactCase !== undefined) return exactCase;
  // No allowed word is long; comparing against a pasted blob would only cost time.
  if (lower.length > MAX_SUGGESTIBLE) return undefined;
  const limit = lower.length <= 3 ? 1 : lower.length <= 6 ? 2 : 3;
  let best: { word: string; distance: number } | undefined;
  for (const word of allowed) {
    const distance = editDistance(lower, word.toLowerCase(), limit);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}

function listed(words: readonly string[]): string {
  return words.length <= 8 ? words.join(', ') : `${words.slice(0, 8).join(', ')} …`;
}

/** A bare number or `%forever` is read as a number for any key by Libreswan 4 and Openswan. */
function legacyNumber(value: string, release: Release): boolean {
  return usesLegacyGrammar(release) && (DIGITS.test(value) || value === '%forever');
}

export function checkYesNo(value: string, release: Release): ValueProblem | undefined {
  const spellings = yesNoSpellings(release);
  const anyCase = anyRelease(release, (t) => t.yesNoAnyCase);
  if (spellings.includes(anyCase ? value.toLowerCase() : value)) return undefined;
  const lower = value.toLowerCase();
  if (spellings.includes(lower)) return { message: `"${value}" must be written in lower case`, suggestion: lower };
  return { message: `"${value}" is not a yes/no value (write ${listed(spellings)})`, suggestion: closestWord(value, ['yes', 'no']) };
}

export function checkEnum(value: string, allowed: readonly string[], release: Release): ValueProblem | undefined {
  if (legacyNumber(value, release)) return undefined;
  const pieces = usesLegacyGrammar(release) ? value.split(/[:, \t]+/).filter((p) => p.length > 0) : [value];
  if (pieces.length === 0) return undefined;
  if (pieces.length > 1) return { message: `takes one value, not "${value}"` };
  const piece = pieces[0];
  const anyCase = DIALECT_TRAITS[release.dialect].caseInsensitiveValues;
  const match = allowed.find((a) => (anyCase ? a.toLowerCase() === piece.toLowerCase() : a === piece));
  if (match !== undefined) return undefined;
  return { message: `"${piece}" is not one of ${listed(allowed)}`, suggestion: closestWord(piece, allowed) };
}

export function checkEnumList(value: string, allowed: readonly string[], release: Release): ValueProblem | undefined {
  const anyCase = DIALECT_TRAITS[release.dialect].caseInsensitiveValues;
  for (const piece of value.split(/[:,\s]+/).filter((p) => p.length > 0)) {
    if (allowed.some((a) => (anyCase ? a.toLowerCase() === piece.toLowerCase() : a === piece))) continue;
    const near = closestWord(piece, allowed);
    return { message: `"${piece}" is not one of ${listed(allowed)}`, suggestion: near === undefined ? undefined : value.replace(piece, near) };
  }
  return undefined;
}

export function checkNumber(value: string, min: number | undefined, max: number | undefined, specials: readonly string[], release: Release): ValueProblem | undefined {
  if (legacyNumber(value, release)) return undefined;
  const anyCase = DIALECT_TRAITS[release.dialect].caseInsensitiveValues;
  if (specials.some((s) => (anyCase ? s.toLowerCase() === value.toLowerCase() : s === value))) return undefined;
  if (!/^-?\d+$/.test(value) || (value.startsWith('-') && (min === undefined || min >= 0))) {
    const also = specials.length > 0 ? ` or ${specials.join(', ')}` : '';
    return { message: `"${value}" is not a whole number${also}` };
  }
  const n = Number(value);
  if (min !== undefined && n < min) return { message: `${value} is below the smallest allowed value, ${min}` };
  if (max !== undefined && n > max) return { message: `${value} is above the largest allowed value, ${max}` };
  return undefined;
}

export function checkDuration(value: string, release: Release): ValueProblem | undefined {
  if (legacyNumber(value, release)) return undefined;
  const traits = DIALECT_TRAITS[release.dialect];
  const fractions = anyRelease(release, (t) => t.durationFractions);
  const shape = fractions ? /^(\d+(?:\.\d*)?|\.\d+) *([A-Za-z]*)$/ : /^(\d+)([A-Za-z]*)$/;
  const match = shape.exec(value);
  const unit = match?.[2] ?? '';
  const known = traits.durationUnitsAnyCase ? traits.durationUnits.includes(unit.toLowerCase()) : traits.durationUnits.includes(unit);
  if (match !== null && (unit === '' || known)) return undefined;
  const units = traits.durationUnits.filter((u) => u.length <= 2).join(', ');
  if (match !== null) {
    const near = closestWord(unit, traits.durationUnits);
    return { message: `"${unit}" is not a time unit (use ${units}, or none for seconds)`, suggestion: near === undefined ? undefined : `${match[1]}${near}` };
  }
  return { message: `"${value}" is not a duration: write a number of seconds, optionally followed by ${units}` };
}

export function checkPercent(value: string): ValueProblem | undefined {
  if (/^\d+%$/.test(value)) return undefined;
  if (DIGITS.test(value)) return { message: `"${value}" needs a % sign`, suggestion: `${value}%` };
  return { message: `"${value}" is not a percentage such as 100%` };
}

export function checkByteCount(value: string): ValueProblem | undefined {
  return /^\d/.test(value) ? undefined : { message: `"${value}" is not a count (a number, optionally with a suffix such as Ki, Mi or Gi)` };
}
