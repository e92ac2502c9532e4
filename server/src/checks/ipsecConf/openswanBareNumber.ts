import { lookupKeyword } from '../../knowledge/ipsecConf';
import { OPENSWAN_STRING_CONN_KEYS } from '../../knowledge/ipsecConf/openswanStorage';
import type { Section } from '../../parsing/ipsecConf/ast';
import { defineRule } from '../rule';
import { everyTarget } from './dialectParsers';
import { dialectTargets, type DialectTarget } from './dialectView';
import { checkValue } from './values/checkValue';
import { openswanConfreadProblem } from './values/openswanConfread';

/**
 * Openswan 2.6's scanner (parser.l) turns a value of only digits, and the word `%forever`, into a
 * number token. A text keyword given one is left without text, and confread.c refuses the conn
 * ("Invalid leftid value"); in `conn %default` the setting is only dropped. After `conn` the grammar
 * wants a name, so a number there stops the whole file ("syntax error"). Quoted, both are text.
 * Checked against addconn 2.6.52.3.
 */

/** What the scanner reads as a number: a run of digits, or `%forever` (0). */
function scannedAsNumber(text: string): boolean {
  return /^\d+$/.test(text) || text === '%forever';
}

function isDefaultSection(section: Section): boolean {
  const name = section.name?.text;
  return name === '%default' || name === '%oedefault';
}

/** Whether another check already calls the value wrong for this target, so one report is enough. */
function alreadyWrong(key: string, text: string, target: DialectTarget): boolean {
  const lookup = lookupKeyword(key, target.dialect, target.version);
  if (lookup.type !== undefined && checkValue(text, lookup.type, target) !== undefined) return true;
  return lookup.entry !== undefined && openswanConfreadProblem(lookup.entry.name, text) !== undefined;
}

/** Whether the key is one Openswan keeps as text in a conn (leftid=, ike=, leftprotoport=…). */
function textKey(key: string, target: DialectTarget): boolean {
  const lookup = lookupKeyword(key, target.dialect, target.version);
  if (lookup.status !== 'valid' && lookup.status !== 'deprecated') return false;
  return lookup.entry !== undefined && lookup.sections.includes('conn') && OPENSWAN_STRING_CONN_KEYS.has(lookup.entry.name);
}

export const openswanBareNumber = defineRule({
  code: 'openswan-bare-number',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'Openswan reads a bare number where it needs text',
  description:
    "Openswan 2.6's scanner takes a value of only digits (and `%forever`) as a number, not as text. A text setting of a conn given one (`leftid=5`, `leftprotoport=17`, `ike=3`) is left without a value and Openswan refuses the conn; a conn named only by digits (`conn 5`) stops the whole file. Quote the value (`leftprotoport=\"17\"`) or give the conn a name with a letter in it. Only reported when the gateway is written for Openswan; in `conn %default` the setting is only dropped, so it is not reported there.",
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    if (!everyTarget(targets, (t) => t.dialect === 'openswan')) return;
    const target = targets[0];
    const { source } = document;
    for (const section of document.ast.sections) {
      if (section.kind !== 'conn') continue;
      const name = section.name;
      if (name !== undefined && source.text.charCodeAt(name.span.start) !== 0x22 && scannedAsNumber(name.text)) {
        report({
          span: name.span,
          message: `conn ${name.text}: Openswan reads this name as a number, finds no conn name and does not load the file; give the conn a name with a letter in it`,
        });
        continue;
      }
      if (isDefaultSection(section)) continue;
      for (const setting of section.settings) {
        const value = setting.value;
        if (value === undefined || value.quoted || !scannedAsNumber(value.text)) continue;
        const key = setting.key.text;
        if (!textKey(key, target) || alreadyWrong(key, value.text, target)) continue;
        const quoted = `"${value.text}"`;
        report({
          span: value.span,
          message: `${key}: Openswan reads ${value.text} as a number, which this text setting cannot hold, and refuses conn ${name?.text ?? ''}; write ${key}=${quoted}`,
          fixes: [{ title: `Quote it: ${quoted}`, preferred: false, edits: [{ range: source.rangeOf(value.span), newText: quoted }] }],
        });
      }
    }
  },
});
