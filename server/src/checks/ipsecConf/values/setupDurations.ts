import { inRange, type VersionRange } from '../../../knowledge/ipsecConf/versions';
import { durationSeconds, hasSpelledOutUnit } from '../../../text/durationSeconds';
import { releasesOf, type Release, type ValueProblem } from './release';

/**
 * `config setup` times pluto checks at start, and exits over one out of range (programs/pluto
 * plutomain.c and kernel.c, 5.1 to 5.4 (5.0 takes any); seen with 5.1, 5.2, 5.3.2 and 5.4: "crl-timeout invalid: too big", and 5.3.2 and 5.4
 * dying on expire-shunt-interval=2h). Whole seconds, bounds included; by base name.
 */
const RANGES: ReadonlyMap<string, { readonly releases: VersionRange; readonly min: number; readonly max?: number }> = new Map([
  ['crl-timeout', { releases: { from: '5.1' }, min: 1, max: 1000 }],
  ['curl-timeout', { releases: { from: '5.1' }, min: 1, max: 1000 }],
  ['ocsp-timeout', { releases: { from: '5.1' }, min: 1, max: 1000 }],
  ['ocsp-cache-min-age', { releases: { from: '5.1' }, min: 1 }],
  ['expire-shunt-interval', { releases: { from: '5.3' }, min: 0, max: 1000 }],
]);

/** 5.3's addconn reads `config setup` times itself and knows units only by their letters (`2minutes` stops the file; 5.4 takes it). */
const SPELLED_OUT: VersionRange = { from: '5.3', until: '5.4' };

function problemIn(base: string, value: string, release: string): string | undefined {
  if (inRange(SPELLED_OUT, release) && hasSpelledOutUnit(value)) return `"${value}": this release knows time units only as us, ms, s, m, h, d and w here`;
  // Before 5.3 addconn skips a time with its unit spelt out ("keyword ignored"), and pluto gets the default.
  // (5.0 and 5.1 know no us either.)
  if (inRange({ until: '5.3' }, release) && hasSpelledOutUnit(value)) return undefined;
  if (inRange({ until: '5.2' }, release) && /us$/i.test(value)) return undefined;
  const range = RANGES.get(base);
  const seconds = durationSeconds(value);
  if (range === undefined || seconds === undefined || !inRange(range.releases, release)) return undefined;
  const whole = Math.floor(seconds);
  if (whole >= range.min && (range.max === undefined || whole <= range.max)) return undefined;
  return `${value} is ${whole < range.min ? 'below' : 'above'} the ${range.max === undefined ? `least of ${range.min} second` : `${range.min} to ${range.max} seconds`} pluto takes, and it does not start`;
}

/** A `config setup` time every release the version stands for refuses at start; undefined otherwise. */
export function setupDurationProblem(base: string, value: string, release: Release): ValueProblem | undefined {
  if (release.dialect !== 'libreswan') return undefined;
  const releases = releasesOf(release);
  const problems = releases.map((r) => problemIn(base, value, r));
  return problems.every((p) => p !== undefined) ? { message: problems[0] ?? '' } : undefined;
}
