import { IPSEC_CONF_KEYWORDS, lookupKeyword } from '../../knowledge/ipsecConf';
import { aliasRepeatIn, libreswanAliasKeys, libreswanAliasSlot, type AliasRepeat, type AliasSlot } from '../../knowledge/ipsecConf/libreswanAliases';
import type { Availability, KeywordInfo } from '../../knowledge/ipsecConf/types';
import type { Section, Setting } from '../../parsing/ipsecConf/ast';
import { concreteReleases, type DialectTarget } from './dialectView';
import { aliasRepeatVerdict } from './libreswanRepeat';

/** A key set again under another of its names in one section. */
export interface AliasRepeatFinding {
  readonly setting: Setting;
  readonly earlier: Setting;
  /** Every target refuses to load the conn: the label of the first, and whether equal values would do too. */
  readonly refusedBy?: { readonly label: string; readonly evenIfEqual: boolean };
  /** Some release (not all) refuses the conn. */
  readonly refusedSometimes: boolean;
}

/** Keys that some dialect reads as another name of a setting: the only ones worth a second look. */
const ALIAS_KEYS: ReadonlySet<string> = new Set([
  ...libreswanAliasKeys(),
  ...IPSEC_CONF_KEYWORDS.flatMap((entry) => {
    const names = sameAsNames(entry);
    if (names.length === 0) return [];
    return [entry.name, ...names].flatMap((name) => (entry.leftRight ? [`left${name}`, `right${name}`] : [name]));
  }),
]);

function sameAsNames(entry: KeywordInfo): string[] {
  const strongswan = entry.dialects.strongswan;
  if (strongswan === undefined) return [];
  const list: readonly Availability[] = 'status' in strongswan ? [strongswan] : strongswan;
  return list.flatMap((a) => (a.sameAs === undefined ? [] : [a.sameAs]));
}

const NONE: AliasRepeatFinding[] = [];

function isAliasKey(setting: Setting): boolean {
  return setting.equals !== undefined && ALIAS_KEYS.has(setting.key.text.toLowerCase());
}

/** Pairs of settings in the section that name one setting twice, each later one against the first. */
export function aliasRepeats(section: Section, targets: readonly DialectTarget[], inConn: boolean): readonly AliasRepeatFinding[] {
  // Run for every section of every file: nearly all have no two alias keys, and are answered without allocating.
  let count = 0;
  for (const s of section.settings) if (isAliasKey(s)) count++;
  if (count < 2) return NONE;
  const candidates = section.settings.filter(isAliasKey);
  const findings: AliasRepeatFinding[] = [];
  const reported = new Set<Setting>();
  for (let i = 0; i < candidates.length; i++) {
    const earlier = candidates[i];
    if (reported.has(earlier)) continue;
    for (const setting of candidates.slice(i + 1)) {
      if (reported.has(setting) || setting.key.text.toLowerCase() === earlier.key.text.toLowerCase()) continue;
      const finding = judge(earlier, setting, targets, inConn);
      if (finding === undefined) continue;
      findings.push(finding);
      reported.add(setting);
    }
  }
  return findings;
}

type ReleaseVerdict = 'separate' | 'refused' | 'loaded';

function judge(earlier: Setting, setting: Setting, targets: readonly DialectTarget[], inConn: boolean): AliasRepeatFinding | undefined {
  let together = false;
  let refusedEverywhere = true;
  let refusedSometimes = false;
  let evenIfEqual = true;
  for (const target of targets) {
    for (const release of target.dialect === 'libreswan' ? concreteReleases(target) : [target.version]) {
      const { verdict, repeat } = releaseVerdict(earlier, setting, target, release, inConn);
      if (verdict !== 'separate') together = true;
      if (verdict === 'refused') refusedSometimes = true;
      else refusedEverywhere = false;
      if (repeat !== 'always') evenIfEqual = false;
    }
  }
  if (!together) return undefined;
  if (refusedEverywhere) return { setting, earlier, refusedBy: { label: targets[0].label, evenIfEqual }, refusedSometimes: true };
  return { setting, earlier, refusedSometimes };
}

function releaseVerdict(earlier: Setting, setting: Setting, target: DialectTarget, release: string | undefined, inConn: boolean): { verdict: ReleaseVerdict; repeat?: AliasRepeat } {
  if (target.dialect === 'strongswan') return { verdict: sameSettingInStrongswan(earlier.key.text, setting.key.text, release) ? 'loaded' : 'separate' };
  if (target.dialect !== 'libreswan' || release === undefined) return { verdict: 'separate' };
  const slot = libreswanAliasSlot(setting.key.text);
  const first = libreswanAliasSlot(earlier.key.text);
  if (slot === undefined || first === undefined || !sameSlot(slot, first)) return { verdict: 'separate' };
  const repeat = aliasRepeatIn(slot, release);
  if (repeat === undefined || !knownIn(earlier.key.text, release) || !knownIn(setting.key.text, release)) return { verdict: 'separate' };
  // conn %default only fills defaults, which a later value may replace.
  return { verdict: inConn && aliasRepeatVerdict(repeat, earlier.value?.text ?? '', setting.value?.text ?? '') === 'refused' ? 'refused' : 'loaded', repeat };
}

function sameSlot(a: AliasSlot, b: AliasSlot): boolean {
  return a.group === b.group && a.side === b.side;
}

function knownIn(key: string, release: string): boolean {
  return lookupKeyword(key, 'libreswan', release).status !== 'unknown';
}

function sameSettingInStrongswan(a: string, b: string, version: string | undefined): boolean {
  const canonical = (key: string) => (lookupKeyword(key, 'strongswan', version).sameAs ?? key).toLowerCase();
  return canonical(a) === canonical(b);
}
