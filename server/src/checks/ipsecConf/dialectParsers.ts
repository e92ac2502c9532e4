import { lookupKeyword } from '../../knowledge/ipsecConf';
import type { Setting } from '../../parsing/ipsecConf/ast';
import type { DialectTarget } from './dialectView';

const BOOLEAN_WORD = /^(y|yes|true|on|n|no|false|off)#/;

/** Libreswan 4.x, whose bison parser reads typed values (checked against v4.0, v4.5 and v4.10). */
export function isLibreswan4(target: DialectTarget): boolean {
  return target.dialect === 'libreswan' && (target.version === '4' || (target.version?.startsWith('4.') ?? false));
}

export function everyTarget(targets: readonly DialectTarget[], test: (t: DialectTarget) => boolean): boolean {
  return targets.length > 0 && targets.every(test);
}

/**
 * The value as the daemon's lexer reads it when a `#` inside the word starts a comment:
 * strongSwan's lexer ends every unquoted word at `#` (except a leading `@#`), and Libreswan 4's
 * reads a yes/no word, then takes `#` as a comment. Undefined when the value stays whole.
 */
export function valueBeforeHash(setting: Setting, target: DialectTarget): string | undefined {
  const value = setting.value;
  // Nearly every value has no "#": answered before any keyword look-up.
  if (value === undefined || value.quoted || !value.text.includes('#')) return undefined;
  const text = value.text;
  if (target.dialect === 'strongswan') {
    const at = text.indexOf('#', text.startsWith('@#') ? 2 : 0);
    return at > 0 ? text.slice(0, at) : undefined;
  }
  if (isLibreswan4(target) && lookupKeyword(setting.key.text, target.dialect, target.version).type?.kind === 'yesno') return BOOLEAN_WORD.exec(text)?.[1];
  return undefined;
}
