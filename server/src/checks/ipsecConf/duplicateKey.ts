import { lookupKeyword } from '../../knowledge/ipsecConf';
import { OPENSWAN_BOOLEAN_CONN_KEYS, OPENSWAN_ENUM_CONN_KEYS, OPENSWAN_LOOSE_ENUM_CONN_KEYS, OPENSWAN_NUMBER_CONN_KEYS, OPENSWAN_STRING_CONN_KEYS } from '../../knowledge/ipsecConf/openswanStorage';
import type { Section, Setting } from '../../parsing/ipsecConf/ast';
import type { ParsedDocument } from '../../model/document';
import { wholeLineSpan, type SourceText } from '../../text/sourceText';
import type { Fix } from '../finding';
import { defineRule, type Reporter } from '../rule';
import { aliasRepeats, type AliasRepeatFinding } from './aliasRepeat';
import { everyTarget, isLibreswan4, isLibreswan5 } from './dialectParsers';
import { concreteReleases, dialectTargets, type DialectTarget } from './dialectView';
import { libreswanRepeatVerdict } from './libreswanRepeat';
import { withoutBraces } from './values/braceList';
import { yesNoReading } from '../../text/yesNo';

/** Keys that may legitimately appear several times in one section. */
const REPEATABLE_KEYS = new Set(['also']);

export const duplicateKey = defineRule({
  code: 'duplicate-key',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  title: 'A key is set twice in one section',
  description:
    "Libreswan 4 refuses to load a conn that sets a key twice (an error with that dialect), unless the repeat cannot change anything: the same yes/no, number or word, or the same address in `left=`/`right=`; a repeated text key such as `leftid=` or `authby=` is refused even with the same value. Openswan 2.6 refuses the conn when the two values differ (an enumeration by what it reads as: `type=pass` and `type=passthrough` agree; for `left=`/`right=` also when both are the same special word such as `%defaultroute`); in `config setup` it takes the later one. Libreswan 5 keeps the first value and ignores the repeat; strongSwan keeps the last one (also in `config setup`), and which value counts is what the checks between gateways compare. Two names of one setting count as a repeat too (`keylife=` and `salifetime=`, `esp=` and `phase2alg=` before Libreswan 5.3, `leftusername=` and `leftxauthusername=`): Libreswan refuses the conn as its release compares them (before 5.3 a text setting such as `esp=` always, a duration or yes/no when the two differ; from 5.3 text when the two texts differ; from 5.4 every alias by its text, so `1h` and `60m` differ), and strongSwan reads both as one setting. Keep one line per key; `also=` is the one key that may repeat.",
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    const libreswan4 = everyTarget(targets, isLibreswan4);
    const libreswan5 = everyTarget(targets, isLibreswan5);
    const openswan = everyTarget(targets, (t) => t.dialect === 'openswan');
    const strongswan = everyTarget(targets, (t) => t.dialect === 'strongswan');
    for (const section of document.ast.sections) {
      const seen = new Map<string, Setting>();
      for (const setting of section.settings) {
        if (!setting.equals || REPEATABLE_KEYS.has(setting.key.text)) continue;
        const earlier = seen.get(setting.key.text);
        if (earlier === undefined) {
          seen.set(setting.key.text, setting);
          continue;
        }
        const inConn = isRealConn(section);
        const refusedBy = !inConn ? undefined : libreswan4 && libreswan4Refuses(earlier, setting, targets[0]) ? 'Libreswan 4' : openswan && openswanRefuses(earlier, setting, targets[0]) ? 'Openswan' : undefined;
        const refused = refusedBy !== undefined;
        const key = setting.key.text;
        const where = `"${key}" is already set on line ${earlier.line + 1} of this section`;
        let message: string;
        if (refused) message = `${where}: ${refusedBy} refuses to load conn ${section.name?.text ?? ''}; keep only one of them`;
        else if (libreswan5 && inConn) message = `${where}: Libreswan 5 uses the first value and ignores this line; keep only one of them`;
        // In config setup Openswan's confread (load_setup) overwrites the earlier value, as strongSwan's starter does everywhere.
        else if ((openswan && section.kind === 'config') || strongswan) message = `${where}: ${openswan ? 'Openswan' : 'strongSwan'} uses this later value and ignores line ${earlier.line + 1}; keep only one of them`;
        else if (openswan) message = `${where}: Openswan loads it only while both say the same; keep only one of them`;
        else if (section.kind === 'config') message = `${where}: keep only one of them`;
        else message = `${where} (Libreswan 4 then refuses to load the conn unless the values are the same yes/no, number or word): keep only one of them`;
        report({
          span: setting.key.span,
          message,
          severity: refused ? 'error' : undefined,
          fixes: keepOneOf(document.source, earlier, setting),
          related: [
            {
              uri: document.uri,
              range: { start: { line: earlier.line, character: 0 }, end: { line: earlier.line, character: 0 } },
              message: 'first set here',
            },
          ],
        });
      }
      for (const repeat of aliasRepeats(section, targets, isRealConn(section))) reportAliasRepeat(repeat, section, document, report);
    }
  },
});

function reportAliasRepeat(repeat: AliasRepeatFinding, section: Section, document: ParsedDocument<'ipsec'>, report: Reporter): void {
  const { setting, earlier, refusedBy } = repeat;
  const where = `"${setting.key.text}" is another name for "${earlier.key.text}", already set on line ${earlier.line + 1} of this section`;
  let message: string;
  if (refusedBy !== undefined) message = `${where}: ${refusedBy.label} refuses to load conn ${section.name?.text ?? ''} ${refusedBy.evenIfEqual ? 'when both are set' : 'since the two values differ'}; keep only one of them`;
  else if (repeat.refusedSometimes) message = `${where}: some releases refuse to load the conn with both; keep only one of them`;
  else message = `${where}: keep only one of them`;
  report({
    span: setting.key.span,
    message,
    severity: refusedBy !== undefined ? 'error' : undefined,
    fixes: keepOneOf(document.source, earlier, setting),
    related: [{ uri: document.uri, range: { start: { line: earlier.line, character: 0 }, end: { line: earlier.line, character: 0 } }, message: 'first set here' }],
  });
}

/** Which line to keep is the writer's choice: neither fix is applied without asking. */
function keepOneOf(source: SourceText, earlier: Setting, later: Setting): Fix[] {
  const remove = (setting: Setting) => [{ range: source.rangeOf(wholeLineSpan(source, setting.line)), newText: '' }];
  return [
    { title: `Remove this line, keep line ${earlier.line + 1}`, edits: remove(later) },
    { title: `Remove line ${earlier.line + 1}, keep this line`, edits: remove(earlier) },
  ];
}

function isRealConn(section: Section): boolean {
  return section.kind === 'conn' && section.name?.text !== '%default';
}

/** Whether every release of the target refuses the conn over the repeat (a 4.x release: 5.x drops a repeated key while parsing). */
function libreswan4Refuses(earlier: Setting, later: Setting, target: DialectTarget): boolean {
  const [a, b] = [earlier.value?.text ?? '', later.value?.text ?? ''];
  return concreteReleases(target).every((release) => libreswanRepeatVerdict(later.key.text, a, b, release) === 'refused');
}

/**
 * confread.c (2.6) translate_conn: a text key is refused only when the texts differ; a loose
 * enum also when both are the same listed word (the same free text is fine); a yes/no, a number
 * or an enum when the readings differ. Durations and percentages stay unjudged.
 */
function openswanRefuses(earlier: Setting, later: Setting, target: DialectTarget): boolean {
  const base = lookupKeyword(later.key.text, target.dialect, target.version).entry?.name;
  if (base === undefined) return false;
  const a = withoutBraces(earlier.value?.text ?? '');
  const b = withoutBraces(later.value?.text ?? '');
  if (OPENSWAN_STRING_CONN_KEYS.has(base)) return a !== b;
  const loose = OPENSWAN_LOOSE_ENUM_CONN_KEYS.get(base);
  if (loose !== undefined) {
    const word = (text: string) => (loose.argumentAfter === undefined ? text : text.split(loose.argumentAfter)[0]);
    const [x, y] = [word(a), word(b)];
    return x !== y || loose.words.has(x.toLowerCase());
  }
  if (OPENSWAN_BOOLEAN_CONN_KEYS.has(base)) return isYesNo(a) && isYesNo(b) && !sameReading(a, b, true);
  if (OPENSWAN_NUMBER_CONN_KEYS.has(base)) return /^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) !== Number(b);
  const groups = OPENSWAN_ENUM_CONN_KEYS.get(base);
  if (groups !== undefined) {
    const [x, y] = [enumReading(groups, a), enumReading(groups, b)];
    return x !== undefined && y !== undefined && x !== y;
  }
  return false;
}

/** Which group of synonyms a value reads as; undefined for several words or a word the table lacks (the parser warns and reads it otherwise). */
function enumReading(groups: readonly (readonly string[])[], value: string): number | undefined {
  const word = value.trim().toLowerCase();
  if (word === '' || /[:,\s]/.test(word)) return undefined;
  const index = groups.findIndex((group) => group.includes(word));
  return index >= 0 ? index : undefined;
}

function isYesNo(text: string): boolean {
  return yesNoReading(text) !== undefined;
}

function sameReading(a: string, b: string, yesno: boolean): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (yesno) return yesNoReading(x) !== undefined && yesNoReading(x) === yesNoReading(y);
  return /^\d+$/.test(x) && /^\d+$/.test(y) && Number(x) === Number(y);
}
