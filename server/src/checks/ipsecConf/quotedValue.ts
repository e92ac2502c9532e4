import { lookupKeyword, type SectionKind } from '../../knowledge/ipsecConf';
import type { Setting } from '../../parsing/ipsecConf/ast';
import { confread5Refuses, isLibreswan4, readsSetupValueStrictly, scannerReadsComment } from './dialectParsers';
import type { DialectTarget } from './dialectView';

// Libreswan's scanner (4 and 5) keeps an unmatched `"` or `{` as a character of the value. What
// addconn 4.10 then refuses: words, subnets, pools, debug words ("keyword plutodebug, invalid value")
// and the addresses it reads at once ("bad value for leftnexthop=", "failed DNSSEC validation" for
// sourceip); hosts and redirect targets are read later, and it loads those. Every release refuses
// an also= naming no conn ("cannot find conn '"base'"). Libreswan 5 reads fewer values itself and
// skips or hands on the rest, depending on the release: only the also= case is certain there.
const LIBRESWAN_4_STRICT_KINDS = new Set(['enum', 'enumList', 'subnet', 'subnetList', 'protoport', 'addressPool']);
const LIBRESWAN_4_STRICT_KEYWORDS = new Set(['plutodebug', 'leftnexthop', 'rightnexthop', 'leftsourceip', 'rightsourceip']);

// Openswan 2.6's addconn keeps the quote too; it refuses the file over a number or duration
// ("bad duration value \"\"3m\""), the conn over a subnet or next hop ("bad subnet", "bad addr
// leftnexthop="), and only warns about a word.
const OPENSWAN_STRICT_KINDS = new Set(['subnet', 'number', 'duration', 'percent', 'byteCount', 'protoport']);

/**
 * The Openswan and Libreswan scanners read an unclosed `"…` only up to a blank or a brace, and an
 * unclosed `{…` up to a blank or a quote; what follows on the line, unless it is a comment, is then
 * read as a keyword, and the file does not load (addconn 2.6, 4.10, 5.0 and 5.4: "syntax error").
 */
function scannerSplitsUnclosed(raw: string): boolean {
  const stops = raw.startsWith('"') ? /[ \t{}]/ : raw.startsWith('{') ? /[ \t"]/ : undefined;
  if (stops === undefined) return false;
  const stop = raw.slice(1).search(stops);
  if (stop < 0) return false;
  const rest = raw.slice(1 + stop).trimStart();
  return rest.length > 0 && !scannerReadsComment(rest);
}

/** Whether the daemon refuses the file or conn over this setting's value read with its stray quote (`raw` as written). */
export function refusesQuoted(setting: Setting | undefined, section: SectionKind | undefined, target: DialectTarget, raw: string): boolean {
  if (target.dialect === 'strongswan') return true;
  if (setting === undefined) return false;
  if (scannerSplitsUnclosed(raw)) return true;
  const lookup = lookupKeyword(setting.key.text, target.dialect, target.version);
  const kind = lookup.type?.kind ?? '';
  if (target.dialect === 'openswan') return OPENSWAN_STRICT_KINDS.has(kind) || LIBRESWAN_4_STRICT_KEYWORDS.has(setting.key.text.toLowerCase());
  if (kind === 'connList') return true;
  // addconn 5.4: `logappend="no` is "error: invalid", and the file does not load.
  if (section === 'config' && readsSetupValueStrictly(target, setting.key.text)) return true;
  if (section === 'conn' && confread5Refuses(target, lookup.entry?.name) !== undefined) return true;
  return isLibreswan4(target) && (LIBRESWAN_4_STRICT_KINDS.has(kind) || LIBRESWAN_4_STRICT_KEYWORDS.has(setting.key.text.toLowerCase()));
}
