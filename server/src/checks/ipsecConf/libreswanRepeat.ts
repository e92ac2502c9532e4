import { lookupKeyword } from '../../knowledge/ipsecConf';
import type { AliasRepeat } from '../../knowledge/ipsecConf/libreswanAliases';
import { LIBRESWAN_4_LOOSE_ENUM_CONN_KEYS, LIBRESWAN_4_STRING_CONN_KEYS } from '../../knowledge/ipsecConf/libreswan4Storage';
import { libreswan5AddconnReads } from '../../knowledge/ipsecConf/libreswan5Addconn';
import { compareVersions } from '../../knowledge/ipsecConf/versions';
import { yesNoReading } from '../../text/yesNo';

/**
 * What a Libreswan release's confread.c does when a conn gets a second value for a slot it has
 * filled (a key repeated, or set again by an `also=` conn): it refuses the conn or keeps going;
 * `unsure` when the values are ones it may read either way.
 */
export type RepeatVerdict = 'refused' | 'loaded' | 'unsure';

/**
 * The same key set to `a` and then `b`. 4.x and 5.0 to 5.2 refuse any repeated text key; 5.3
 * compares texts; a key addconn reads (yes/no, number, duration) is compared by what it reads;
 * 5.4 keeps every value as text and compares texts. Seen with addconn and pluto 4.10, 5.2, 5.3.2
 * and 5.4 (test/unit/workspace/daemonDifferences.test.ts).
 */
export function libreswanRepeatVerdict(key: string, a: string, b: string, release: string): RepeatVerdict {
  const lookup = lookupKeyword(key, 'libreswan', release);
  // An obsolete key fills no slot: addconn logs it and reads on.
  if (lookup.status === 'ignored') return 'loaded';
  if (compareVersions(release, '5.4') >= 0) return a === b ? 'loaded' : 'refused';
  const base = lookup.entry?.name;
  if (base === undefined) return 'unsure';
  const kind = lookup.type?.kind;
  if (compareVersions(release, '5.0') < 0) {
    if (LIBRESWAN_4_STRING_CONN_KEYS.has(base)) return 'refused';
    const listed = LIBRESWAN_4_LOOSE_ENUM_CONN_KEYS.get(base);
    if (listed !== undefined) return a !== b || listed.has(a.toLowerCase()) ? 'refused' : 'loaded';
    return byReading(kind, a, b);
  }
  const reads = libreswan5AddconnReads(release, base);
  if (reads === undefined) return 'unsure';
  if (reads) return byReading(kind, a, b);
  if (compareVersions(release, '5.3') < 0) return 'refused';
  return a === b ? 'loaded' : 'refused';
}

/** Two names of one slot (`keylife=` then `salifetime=`), as the release compares them. */
export function aliasRepeatVerdict(repeat: AliasRepeat, a: string, b: string): RepeatVerdict {
  switch (repeat) {
    case 'always':
      return 'refused';
    case 'text':
      return a === b ? 'loaded' : 'refused';
    case 'yes-no':
      return byReading('yesno', a, b);
    case 'duration':
      return byReading('duration', a, b);
    case 'unjudged':
      return 'unsure';
  }
}

function byReading(kind: string | undefined, a: string, b: string): RepeatVerdict {
  const read = kind === 'yesno' ? yesNo : kind === 'number' ? wholeNumber : kind === 'duration' ? seconds : sameWord;
  const [x, y] = [read(a), read(b)];
  if (x === undefined || y === undefined) return 'unsure';
  return x === y ? 'loaded' : 'refused';
}

function yesNo(text: string): string | undefined {
  return yesNoReading(text.toLowerCase());
}

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** A whole number of seconds, minutes, hours or days; anything else is left unjudged. */
function seconds(text: string): number | undefined {
  const match = /^(\d+)([smhd]?)$/i.exec(text.trim());
  if (match === null) return undefined;
  return Number(match[1]) * UNIT_SECONDS[match[2].toLowerCase()];
}

/** A word of a list the parser matches in any case; two other words may still be synonyms. */
function sameWord(text: string): string | undefined {
  return text.toLowerCase();
}
