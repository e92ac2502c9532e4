import { lookupKeyword } from '../../knowledge/ipsecConf';
import { LIBRESWAN_4_LOOSE_ENUM_CONN_KEYS, LIBRESWAN_4_STRING_CONN_KEYS } from '../../knowledge/ipsecConf/libreswan4Storage';
import { OPENSWAN_BOOLEAN_CONN_KEYS, OPENSWAN_ENUM_CONN_KEYS, OPENSWAN_LOOSE_ENUM_CONN_KEYS, OPENSWAN_NUMBER_CONN_KEYS, OPENSWAN_STRING_CONN_KEYS } from '../../knowledge/ipsecConf/openswanStorage';
import type { Section, Setting } from '../../parsing/ipsecConf/ast';
import { defineRule } from '../rule';
import { everyTarget, isLibreswan4, isLibreswan5 } from './dialectParsers';
import { dialectTargets, type DialectTarget } from './dialectView';
import { withoutBraces } from './values/braceList';

/** Keys that may legitimately appear several times in one section. */
const REPEATABLE_KEYS = new Set(['also']);

export const duplicateKey = defineRule({
  code: 'duplicate-key',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  title: 'A key is set twice in one section',
  description:
    "Libreswan 4 refuses to load a conn that sets a key twice (an error with that dialect), unless the repeat cannot change anything: the same yes/no, number or word, or the same address in `left=`/`right=`; a repeated text key such as `leftid=` or `authby=` is refused even with the same value. Openswan 2.6 refuses the conn when the two values differ (an enumeration by what it reads as: `type=pass` and `type=passthrough` agree; for `left=`/`right=` also when both are the same special word such as `%defaultroute`). Libreswan 5 keeps the first value and ignores the repeat; strongSwan and `config setup` use one of the values. Keep one line per key; `also=` is the one key that may repeat.",
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    const libreswan4 = everyTarget(targets, isLibreswan4);
    const libreswan5 = everyTarget(targets, isLibreswan5);
    const openswan = everyTarget(targets, (t) => t.dialect === 'openswan');
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
        else if (openswan) message = `${where}: Openswan loads it only while both say the same; keep only one of them`;
        else message = `${where} (Libreswan 4 then refuses to load the conn unless the values are the same yes/no, number or word): keep only one of them`;
        report({
          span: setting.key.span,
          message,
          severity: refused ? 'error' : undefined,
          related: [
            {
              uri: document.uri,
              range: { start: { line: earlier.line, character: 0 }, end: { line: earlier.line, character: 0 } },
              message: 'first set here',
            },
          ],
        });
      }
    }
  },
});

function isRealConn(section: Section): boolean {
  return section.kind === 'conn' && section.name?.text !== '%default';
}

/**
 * confread.c (4.x) translate_field: a repeated text key is always refused (it compares with the
 * keyword table's string, which text keys leave unset); a loose enum only when the two values are
 * not the same free text; anything read as a number when the numbers differ.
 */
function libreswan4Refuses(earlier: Setting, later: Setting, target: DialectTarget): boolean {
  const lookup = lookupKeyword(later.key.text, target.dialect, target.version);
  const base = lookup.entry?.name;
  if (base === undefined) return false;
  if (LIBRESWAN_4_STRING_CONN_KEYS.has(base)) return true;
  const a = earlier.value?.text ?? '';
  const b = later.value?.text ?? '';
  const listed = LIBRESWAN_4_LOOSE_ENUM_CONN_KEYS.get(base);
  if (listed !== undefined) return a !== b || listed.has(a.toLowerCase());
  return !sameReading(a, b, lookup.type?.kind === 'yesno');
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
  return YES.has(text) || NO.has(text);
}

const YES = new Set(['y', 'yes', 'true', 'on']);
const NO = new Set(['n', 'no', 'false', 'off']);

function sameReading(a: string, b: string, yesno: boolean): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (yesno) return (YES.has(x) && YES.has(y)) || (NO.has(x) && NO.has(y));
  return /^\d+$/.test(x) && /^\d+$/.test(y) && Number(x) === Number(y);
}
