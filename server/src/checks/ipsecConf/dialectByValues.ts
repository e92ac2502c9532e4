import { DIALECT_TRAITS } from '../../knowledge/ipsecConf';
import type { DialectName, ValueFit } from '../../model/dialect';
import type { ParsedDocument } from '../../model/document';
import type { Setting } from '../../parsing/ipsecConf/ast';
import { hasLookalikeBlank } from '../../text/characters';
import { perObject } from '../../workspace/memo';
import type { DialectTarget } from './dialectTarget';
import { keyedSettings } from './keyedSettings';
import { judgeValue, writtenValue } from './valueVerdict';

/** Per document, the settings each dialect refuses the value of: one walk per document and dialect. */
const refusalsByDialect = perObject((_document: ParsedDocument<'ipsec'>) => new Map<DialectName, readonly Setting[]>());

const MAX_SHOWN_VALUE = 40;

function refusedIn(document: ParsedDocument<'ipsec'>, dialect: DialectName): readonly Setting[] {
  const byDialect = refusalsByDialect(document);
  let refused = byDialect.get(dialect);
  if (refused === undefined) {
    refused = findRefused(document, { dialect, label: DIALECT_TRAITS[dialect].label });
    byDialect.set(dialect, refused);
  }
  return refused;
}

function findRefused(document: ParsedDocument<'ipsec'>, target: DialectTarget): Setting[] {
  const refused: Setting[] = [];
  for (const { kind, setting } of keyedSettings(document)) {
    const value = setting.value;
    if (value === undefined || !value.terminated || hasLookalikeBlank(value.text)) continue;
    if (judgeValue(setting, writtenValue(setting, value.text, target), kind, target).kind === 'rejects') refused.push(setting);
  }
  return refused;
}

function shown(setting: Setting): string {
  const value = setting.value?.text ?? '';
  return `${setting.key.text}=${value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value}`;
}

/** Values of this many different keys must be refused before a dialect is ruled out: one may be a slip. */
const KEYS_TO_RULE_OUT = 2;

/**
 * Among dialects that know every key, the one that also takes every value, when each other one
 * refuses the values of two keys or more: `ike=…!` and `esp=…!` are strongSwan's (and Openswan's)
 * syntax, a `rightsourceip=` pool and a list in `leftsubnet=` are not Openswan's. One refused
 * value is not enough, since it may be the very mistake to report (`esp=aes128-sha2` on Openswan,
 * which only Libreswan reads), and a value every candidate refuses (a typo) says nothing.
 */
export const detectWithValues: ValueFit = (candidates, documents) => {
  const refused = new Map(candidates.map((dialect) => [dialect, new Set(documents.flatMap((d) => refusedIn(d, dialect)))]));
  const telling = (setting: Setting): boolean => candidates.some((dialect) => !refused.get(dialect)?.has(setting));
  const against = candidates.map((dialect) => {
    const settings = [...(refused.get(dialect) ?? [])].filter(telling);
    return { dialect, settings, keys: new Set(settings.map((s) => s.key.text.toLowerCase())).size };
  });
  const fitting = against.filter((a) => a.settings.length === 0);
  if (fitting.length !== 1 || against.some((a) => a.settings.length > 0 && a.keys < KEYS_TO_RULE_OUT)) return undefined;
  const { dialect } = fitting[0];
  const others = against.flatMap((a) => (a.settings.length > 0 ? [`${DIALECT_TRAITS[a.dialect].label} refuses ${a.settings.slice(0, 2).map(shown).join(' and ')}`] : []));
  return { dialect, reason: `only ${DIALECT_TRAITS[dialect].label} takes every keyword and value the files use (${others.join('; ')})` };
};
