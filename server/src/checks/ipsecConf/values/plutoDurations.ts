import { inRange, type VersionRange } from '../../../knowledge/ipsecConf/versions';
import { releasesOf, type Release, type ValueProblem } from './release';

/**
 * Conn keys Libreswan's pluto reads with its own duration reader, for conns that negotiate, by
 * base name: the DPD times from 5.0, `retransmit-interval=` from 5.3 (5.0 to 5.2's addconn reads
 * it). 5.4's reader takes what ipsec-lint's duration check takes; before, fewer forms (below).
 */
const PLUTO_READS: ReadonlyMap<string, VersionRange> = new Map([
  ['dpddelay', { from: '5.0' }],
  ['dpdtimeout', { from: '5.0' }],
  ['ikev1-dpdtimeout', { from: '5.0' }],
  ['retransmit-interval', { from: '5.3' }],
]);

/** 5.0 and 5.1: whole numbers with ms, s, m, h, d or w; 5.2 and 5.3 also fractions and us (lib/libswan ttodeltatime.c and timescale.c). */
const FORMS: readonly { readonly range: VersionRange; readonly shape: RegExp; readonly units: string }[] = [
  { range: { until: '5.2' }, shape: /^\d+(ms|s|m|h|d|w)?$/i, units: 'ms, s, m, h, d or w' },
  { range: { from: '5.2', until: '5.4' }, shape: /^(\d+(\.\d*)?|\.\d+)(us|ms|s|m|h|d|w)?$/i, units: 'us, ms, s, m, h, d or w' },
];

/** Why pluto's reader of `release` refuses the duration, or undefined when it (or every release there) takes it. */
function problemIn(value: string, release: string): string | undefined {
  const form = FORMS.find((f) => inRange(f.range, release));
  return form === undefined || form.shape.test(value) ? undefined : form.units;
}

/** Whether pluto of `release` reads this key (base name) itself. */
export function plutoReadsDuration(base: string, release: string): boolean {
  const range = PLUTO_READS.get(base);
  return range !== undefined && inRange(range, release);
}

/**
 * The duration's problem when pluto reads the key and every release the version stands for
 * refuses the value, for a Libreswan release; undefined otherwise.
 */
export function plutoDurationProblem(base: string, value: string, release: Release): ValueProblem | undefined {
  if (release.dialect !== 'libreswan') return undefined;
  const releases = releasesOf(release);
  const refusals = releases.map((r) => (plutoReadsDuration(base, r) ? problemIn(value, r) : undefined));
  const units = refusals[0];
  if (units === undefined || refusals.some((r) => r === undefined)) return undefined;
  return { message: `"${value}" is no duration this release's pluto reads here (a number with ${units}, or none for seconds)` };
}
