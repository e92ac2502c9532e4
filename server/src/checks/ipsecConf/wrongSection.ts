import { compareVersions, DIALECT_TRAITS, lookupKeyword, type SectionKind } from '../../knowledge/ipsecConf';
import { libreswan3Took } from '../../knowledge/ipsecConf/libreswan3Keywords';
import type { ParsedDocument } from '../../model/document';
import { defineRule, type Report } from '../rule';
import { keyedSettings } from './keyedSettings';
import { concreteReleases, currentEverywhere, dialectTargets, everyReleaseIn, type DialectTarget } from './dialectView';

const SECTION_NAMES: Readonly<Record<SectionKind, string>> = { config: 'config setup', conn: 'a conn section', ca: 'a ca section' };

type Placement = 'fits' | 'misplaced' | 'notApplicable';

function takes(status: string, target: DialectTarget): boolean {
  // strongSwan's starter files a keyword by its section even when it ignores it (charonstart):
  // outside that section it drops the conn all the same.
  return status === 'valid' || status === 'deprecated' || (status === 'ignored' && target.dialect === 'strongswan');
}

/** Only releases that take the key count; unknown, removed and ignored keys are other rules' business. */
function placement(key: string, section: SectionKind, target: DialectTarget): { placement: Placement; belongs: readonly SectionKind[] } {
  // Only strongSwan has ca sections; the others fail on the header already.
  if (!DIALECT_TRAITS[target.dialect].sections.includes(section)) return { placement: 'notApplicable', belongs: [] };
  const merged = lookupKeyword(key, target.dialect, target.version);
  if (takes(merged.status, target) && merged.sections.includes(section)) return { placement: 'fits', belongs: merged.sections };
  if (!takes(lookupKeyword(key, target.dialect).status, target)) return { placement: 'notApplicable', belongs: [] };
  let belongs: readonly SectionKind[] | undefined;
  for (const release of concreteReleases(target)) {
    const lookup = lookupKeyword(key, target.dialect, release);
    if (!takes(lookup.status, target)) continue;
    if (lookup.sections.includes(section)) return { placement: 'fits', belongs: lookup.sections };
    belongs ??= lookup.sections;
  }
  return belongs === undefined ? { placement: 'notApplicable', belongs: [] } : { placement: 'misplaced', belongs };
}

/**
 * Libreswan 5.3 and later refuse the file; 5.0 to 5.2 warn and drop the key; 4.x refuses a conn
 * key in config setup but only drops a setup key in a conn, as Openswan does (it aborts on the
 * former). strongSwan drops the whole conn or ca section, or will not start for config setup.
 */
function refuses(target: DialectTarget, section: SectionKind): boolean {
  const releases = concreteReleases(target);
  switch (target.dialect) {
    case 'strongswan':
      return true;
    case 'openswan':
      return section === 'config';
    case 'libreswan':
      return releases.some((r) => compareVersions(r, '5.3') >= 0 || (section === 'config' && compareVersions(r, '5.0') < 0));
  }
}

function consequence(target: DialectTarget, section: SectionKind): string {
  if (!refuses(target, section)) return `${target.label} ignores the line`;
  if (target.dialect !== 'strongswan') return `${target.label} refuses the file`;
  return section === 'config' ? 'strongSwan will not start' : `strongSwan skips the whole ${section} section`;
}

export const wrongSection = defineRule({
  code: 'wrong-section',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A keyword in a section it does not belong to',
  description:
    'A `config setup` key (such as `protostack=`) in a `conn`, or a connection key (such as `leftid=`) in `config setup`, does nothing where it is. Libreswan 5.3 and later refuse the file; strongSwan will not start (for `config setup`) or skips the whole conn or ca section; Libreswan 4 and Openswan refuse a connection key in `config setup`. Libreswan 4 and Openswan only drop a setup key found in a conn, and 5.0 to 5.2 drop either kind with a warning: with one of those as the dialect, this is a warning. Move the line to the section the message names. `also=` in `conn %default` is never taken by Libreswan or Openswan: Libreswan 4 then loads no conn and 5.3 and later refuse the file (Openswan and Libreswan 5.0 to 5.2 only drop the line, a warning).',
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    for (const { kind, setting } of keyedSettings(document)) {
      if (currentEverywhere(setting.key.text, kind, targets)) continue;
      const verdicts = targets.map((target) => ({ target, ...placement(setting.key.text, kind, target) }));
      const misplaced = verdicts.filter((v) => v.placement === 'misplaced');
      if (misplaced.length === 0) continue;
      const belongs = misplaced[0].belongs.map((s) => SECTION_NAMES[s]).join(' or ');
      const who = misplaced.map((v) => v.target.label).join(', ');
      const fitting = verdicts.filter((v) => v.placement === 'fits').map((v) => v.target.label);
      if (fitting.length > 0) {
        report({ span: setting.key.span, message: `${who} only take${misplaced.length === 1 ? 's' : ''} "${setting.key.text}" in ${belongs}; ${fitting.join(', ')} also allow${fitting.length === 1 ? 's' : ''} it here`, severity: 'info' });
        continue;
      }
      const older = misplaced.find((v) => v.target.dialect === 'libreswan' && v.target.olderRelease !== undefined)?.target.olderRelease;
      if (older !== undefined && libreswan3Took(setting.key.text, kind)) {
        report({ span: setting.key.span, message: `Libreswan 4.0 and later take "${setting.key.text}" only in ${belongs}, but Libreswan 3 took it here; the files are pinned to Libreswan ${older}, so it is left as it is: move it when you upgrade`, severity: 'info' });
        continue;
      }
      const strictTarget = misplaced.find((v) => refuses(v.target, kind))?.target;
      const strict = strictTarget !== undefined;
      report({
        span: setting.key.span,
        message: `"${setting.key.text}" belongs in ${belongs}, not in ${SECTION_NAMES[kind]} (${consequence(strictTarget ?? misplaced[0].target, kind)})`,
        severity: strict ? undefined : 'warning',
      });
    }
    for (const found of alsoInDefault(document, targets)) report(found);
  },
});

type AlsoInDefault = 'loads-no-conn' | 'refuses-file' | 'ignores' | 'depends' | 'accepts';

/**
 * Libreswan never takes `also=` in `conn %default`: 4.x then loads no conn at all (confread.c: "also=
 * is not valid in section '%default'"), 5.0 to 5.2 drop the line ("invalid 'conn %default' keyword
 * ignored"), 5.3 and 5.4 refuse the file ("unrecognized 'conn %default' keyword 'also'").
 */
function alsoInDefaultVerdict(target: DialectTarget): AlsoInDefault {
  // Openswan 2.6.52.3's addconn logs "also= is not valid in section '%default'" and loads the conns anyway.
  if (target.dialect === 'openswan') return 'ignores';
  if (target.dialect !== 'libreswan') return 'accepts';
  if (everyReleaseIn(target, 'libreswan', { until: '5.0' })) return 'loads-no-conn';
  if (everyReleaseIn(target, 'libreswan', { from: '5.3' })) return 'refuses-file';
  if (everyReleaseIn(target, 'libreswan', { from: '5.0', until: '5.3' })) return 'ignores';
  return 'depends';
}

const ALSO_IN_DEFAULT_EFFECT: Readonly<Record<Exclude<AlsoInDefault, 'accepts'>, string>> = {
  'loads-no-conn': 'then loads no conn at all',
  'refuses-file': 'refuses the file',
  ignores: 'ignores the line',
  depends: 'loads no conn (4.x), ignores the line (5.0 to 5.2) or refuses the file (5.3 and later)',
};

function alsoInDefault(document: ParsedDocument<'ipsec'>, targets: readonly DialectTarget[]): Report[] {
  const verdicts = targets.map((target) => ({ target, verdict: alsoInDefaultVerdict(target) }));
  const objecting = verdicts.filter((v) => v.verdict !== 'accepts');
  if (objecting.length === 0) return [];
  const accepting = verdicts.filter((v) => v.verdict === 'accepts').map((v) => v.target.label);
  const effects = objecting.map((v) => `${v.target.label} ${ALSO_IN_DEFAULT_EFFECT[v.verdict as Exclude<AlsoInDefault, 'accepts'>]}`).join('; ');
  const certain = objecting.length === verdicts.length && objecting.every((v) => v.verdict === 'loads-no-conn' || v.verdict === 'refuses-file');
  const reports: Report[] = [];
  for (const section of document.ast.sections) {
    if (section.kind !== 'conn' || section.name?.text !== '%default') continue;
    for (const setting of section.settings) {
      if (setting.key.text.toLowerCase() !== 'also' || !setting.equals) continue;
      reports.push({
        span: setting.key.span,
        message: `also= in conn %default: ${effects}; put the also= into the conns that need it${accepting.length > 0 ? ` (${accepting.join(', ')} accept${accepting.length === 1 ? 's' : ''} it)` : ''}`,
        severity: accepting.length > 0 ? 'info' : certain ? undefined : 'warning',
      });
    }
  }
  return reports;
}
