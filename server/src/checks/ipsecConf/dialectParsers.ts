import { lookupKeyword, type SectionKind } from '../../knowledge/ipsecConf';
import { libreswan5AddconnReads } from '../../knowledge/ipsecConf/libreswan5Addconn';
import type { VersionRange } from '../../knowledge/ipsecConf/versions';
import type { Setting } from '../../parsing/ipsecConf/ast';
import { concreteReleases, everyReleaseIn, type DialectTarget } from './dialectTarget';

const BOOLEAN_WORD = /^(y|yes|true|on|n|no|false|off)#/;

/** Libreswan 4.x, whose bison parser reads typed values (checked against v4.0, v4.5 and v4.10). */
export function isLibreswan4(target: DialectTarget): boolean {
  return target.dialect === 'libreswan' && (target.version === '4' || (target.version?.startsWith('4.') ?? false));
}

/**
 * Whether every release of the target is a Libreswan 5 whose addconn reads this keyword itself and
 * skips a value it cannot read ("keyword ignored"): conn values up to 5.3 (5.4 hands them to
 * pluto, which refuses the conn), `config setup` values up to 5.2 (5.3 reads them later and refuses
 * the file). `keyword` is the knowledge's base name (`auth` for leftauth=).
 */
export function skipsUnreadableValue(target: DialectTarget, section: SectionKind, keyword: string): boolean {
  return everyReleaseIn(target, 'libreswan', { from: '5.0', until: section === 'config' ? '5.3' : '5.4' }) && concreteReleases(target).every((r) => libreswan5AddconnReads(r, keyword) === true);
}

/** Libreswan 5.3 and later, which read `config setup` values after parsing and refuse the file over one they cannot read. */
export function readsSetupStrictly(target: DialectTarget): boolean {
  return everyReleaseIn(target, 'libreswan', { from: '5.3' });
}

/** Setup words Libreswan 5's addconn keeps as text for pluto, which logs one it does not know and goes on. */
export const SETUP_WORDS_FOR_PLUTO: ReadonlySet<string> = new Set(['dns-resolver']);

/** Whether addconn (5.3 and later) itself reads this `config setup` key's word or number and refuses the file over a bad one. */
export function readsSetupValueStrictly(target: DialectTarget, key: string): boolean {
  if (!readsSetupStrictly(target) || SETUP_WORDS_FOR_PLUTO.has(key)) return false;
  return WORD_OR_NUMBER_KINDS.has(lookupKeyword(key, target.dialect, target.version).type?.kind ?? '');
}

/**
 * Conn keys the confread.c of early Libreswan 5 releases reads itself and refuses the conn over
 * (5.3 hands them all to pluto): a next hop must be %defaultroute or a numeric address ("bad value
 * for leftnexthop="), every authby= word must be known, vti= and interface-ip= must be an address
 * with a mask ("bad addr"), and a protocol/port pair must parse ("bad leftprotoport="). By base name,
 * with the releases that do so.
 */
const CONFREAD_5_CONN_KEYS: ReadonlyMap<string, { readonly range: VersionRange; readonly releases: string }> = new Map([
  ['nexthop', { range: { from: '5.0', until: '5.3' }, releases: 'Libreswan 5.0 to 5.2' }],
  ['authby', { range: { from: '5.0', until: '5.3' }, releases: 'Libreswan 5.0 to 5.2' }],
  ['vti', { range: { from: '5.0', until: '5.3' }, releases: 'Libreswan 5.0 to 5.2' }],
  ['protoport', { range: { from: '5.0', until: '5.2' }, releases: 'Libreswan 5.0 and 5.1' }],
  ['interface-ip', { range: { from: '5.0', until: '5.1' }, releases: 'Libreswan 5.0' }],
]);

/** The releases that refuse the conn, when every release of the target reads this key in confread.c. */
export function confread5Refuses(target: DialectTarget, keyword: string | undefined): string | undefined {
  const found = keyword === undefined ? undefined : CONFREAD_5_CONN_KEYS.get(keyword);
  return found !== undefined && everyReleaseIn(target, 'libreswan', found.range) ? found.releases : undefined;
}

/** Value kinds read as words or numbers, which an empty value or a stray quote cannot be. */
export const WORD_OR_NUMBER_KINDS: ReadonlySet<string> = new Set(['yesno', 'enum', 'enumList', 'number', 'duration', 'percent', 'byteCount']);

/** Libreswan 5, whose scanner, like 4's, keeps an unmatched quote as part of the value. */
export function isLibreswan5(target: DialectTarget): boolean {
  return everyReleaseIn(target, 'libreswan', { from: '5.0' });
}

export function everyTarget(targets: readonly DialectTarget[], test: (t: DialectTarget) => boolean): boolean {
  return targets.length > 0 && targets.every(test);
}

/**
 * The value as the daemon's lexer reads it when a `#` inside the word starts a comment:
 * strongSwan's lexer ends every unquoted word at `#` (except a leading `@#`), and Libreswan 4's
 * reads a yes/no word, then takes `#` as a comment (so does Openswan's). Undefined when the value stays whole.
 */
export function valueBeforeHash(setting: Setting, target: DialectTarget): string | undefined {
  const value = setting.value;
  // Nearly every value has no "#": answered before any keyword look-up.
  if (value === undefined || !value.text.includes('#')) return undefined;
  const text = value.text;
  // Libreswan 4 scans a yes/no key's value word by word, quotes or not: in `"no # old"` the `#` opens a comment.
  if (value.quoted) return isLibreswan4(target) && lookupKeyword(setting.key.text, target.dialect, target.version).type?.kind === 'yesno' ? /^(\S+)[ \t]+#/.exec(text)?.[1] : undefined;
  if (target.dialect === 'strongswan') {
    const at = text.indexOf('#', text.startsWith('@#') ? 2 : 0);
    return at > 0 ? text.slice(0, at) : undefined;
  }
  // Openswan 2.6's lexer, which Libreswan 4's grew from, does the same (addconn 2.6.52.3 loads `nat_traversal=yes# old`).
  if ((isLibreswan4(target) || target.dialect === 'openswan') && lookupKeyword(setting.key.text, target.dialect, target.version).type?.kind === 'yesno') return BOOLEAN_WORD.exec(text)?.[1];
  return undefined;
}

/**
 * Whether the rest of a line read by the Openswan/Libreswan scanners is a comment: `#` begins one only
 * where the comment pattern is longer than the word pattern, which stops at a blank, `"` or `=` (`# old`, not `#old`).
 */
export function scannerReadsComment(rest: string): boolean {
  return rest.startsWith('#') && /[ \t"=]/.test(rest);
}


/** Values strongSwan reads to their end, where no blank can stand: a protocol/port selector (names hold none), a mark, a DSCP. */
const NO_BLANK_KINDS: ReadonlySet<string> = new Set(['protoport', 'mark']);

/** Whether strongSwan reads this key's value as one word, number or section name (`also=`), which joined words cannot be. */
export function strongswanReadsOneWord(setting: Setting, target: DialectTarget): boolean {
  if (setting.key.text === 'also' || setting.key.text === 'ikedscp') return true;
  const type = lookupKeyword(setting.key.text, target.dialect, target.version).type;
  if (type === undefined || type.kind === 'enumList') return false;
  return NO_BLANK_KINDS.has(type.kind) || (WORD_OR_NUMBER_KINDS.has(type.kind) && !(type.kind === 'enum' && type.open === true));
}
