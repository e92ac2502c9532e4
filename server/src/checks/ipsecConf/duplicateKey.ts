import { lookupKeyword } from '../../knowledge/ipsecConf';
import type { Setting } from '../../parsing/ipsecConf/ast';
import { defineRule } from '../rule';
import { everyTarget } from './dialectParsers';
import { dialectTargets } from './dialectView';

/**
 * Value kinds Libreswan keeps as strings (kt_string, kt_filename, kt_dirname, kt_ipaddr, kt_range,
 * kt_subnet, kt_idtype); left= and right= are loose enums there, compared by value. confread.c means to refuse a repeated key only when
 * the value changes, but for string keys it compares against the keyword table's string, which
 * is unset: a repeat refuses the conn even with the same value (addconn 4.10: "while loading").
 */
const STRING_KINDS = new Set(['string', 'filename', 'directory', 'id', 'address', 'subnet', 'subnetList', 'addressPool', 'proposals', 'protoport']);

/** Keys that may legitimately appear several times in one section. */
const REPEATABLE_KEYS = new Set(['also']);

export const duplicateKey = defineRule({
  code: 'duplicate-key',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  title: 'A key is set twice in one section',
  description:
    'Libreswan refuses to load a conn that sets the same key twice (the tunnel never comes up: an error when the gateway runs Libreswan), except a yes/no, number or word repeated with the same value; strongSwan and `config setup` quietly use one of the values. Keep one line per key; `also=` is the one key that may repeat.',
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    const libreswan = everyTarget(targets, (t) => t.dialect === 'libreswan');
    for (const section of document.ast.sections) {
      const seen = new Map<string, Setting>();
      for (const setting of section.settings) {
        if (!setting.equals || REPEATABLE_KEYS.has(setting.key.text)) continue;
        const earlier = seen.get(setting.key.text);
        if (earlier === undefined) {
          seen.set(setting.key.text, setting);
          continue;
        }
        const refused = libreswan && section.kind === 'conn' && section.name?.text !== '%default' && (!sameValue(earlier, setting) || STRING_KINDS.has(lookupKeyword(setting.key.text, targets[0].dialect, targets[0].version).type?.kind ?? ''));
        report({
          span: setting.key.span,
          message: refused
            ? `"${setting.key.text}" is already set on line ${earlier.line + 1} of this section: Libreswan refuses to load conn ${section.name?.text ?? ''}; keep only one of them`
            : `"${setting.key.text}" is already set on line ${earlier.line + 1} of this section (Libreswan then refuses to load the conn if the values differ): keep only one of them`,
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

function sameValue(a: Setting, b: Setting): boolean {
  const x = a.value?.text ?? '';
  const y = b.value?.text ?? '';
  return x === y || (/^\d+$/.test(x) && /^\d+$/.test(y) && Number(x) === Number(y));
}
