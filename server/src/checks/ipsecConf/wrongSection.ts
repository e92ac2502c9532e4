import { compareVersions, DIALECT_TRAITS, lookupKeyword, type SectionKind } from '../../knowledge/ipsecConf';
import type { ParsedDocument } from '../../model/document';
import { defineRule, type Report } from '../rule';
import { keyedSettings } from './keyedSettings';
import { concreteReleases, dialectTargets, type DialectTarget } from './dialectView';

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
    'A `config setup` key (such as `protostack=`) in a `conn`, or a connection key (such as `leftid=`) in `config setup`, does nothing where it is. Libreswan 5.3 and later refuse the file; strongSwan will not start (for `config setup`) or skips the whole conn or ca section; Libreswan 4 and Openswan refuse a connection key in `config setup`. Libreswan 4 and Openswan only drop a setup key found in a conn, and 5.0 to 5.2 drop either kind with a warning: with one of those as the dialect, this is a warning. Move the line to the section the message names. Libreswan before 5.4 also refuses `also=` in `conn %default`, and then loads no conn.',
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    for (const { kind, setting } of keyedSettings(document)) {
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

/**
 * Libreswan before 5.4 reads `conn %default` without `also=` processing (confread.c: "also= is
 * not valid in section '%default'") and then loads no conn at all.
 */
function alsoInDefault(document: ParsedDocument<'ipsec'>, targets: readonly DialectTarget[]): Report[] {
  const refusing = targets.filter((t) => t.dialect === 'libreswan' && concreteReleases(t).every((r) => compareVersions(r, '5.4') < 0));
  if (refusing.length === 0) return [];
  const others = targets.filter((t) => !refusing.includes(t));
  const reports: Report[] = [];
  for (const section of document.ast.sections) {
    if (section.kind !== 'conn' || section.name?.text !== '%default') continue;
    for (const setting of section.settings) {
      if (setting.key.text.toLowerCase() !== 'also' || !setting.equals) continue;
      reports.push({
        span: setting.key.span,
        message: `${refusing.map((t) => t.label).join(', ')} take${refusing.length === 1 ? 's' : ''} no also= in conn %default and then load${refusing.length === 1 ? 's' : ''} no conn: put the also= into the conns that need it${others.length > 0 ? ` (${others.map((t) => t.label).join(', ')} accept${others.length === 1 ? 's' : ''} it)` : ''}`,
        severity: others.length > 0 ? 'info' : undefined,
      });
    }
  }
  return reports;
}
