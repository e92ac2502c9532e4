import { lookupKeyword, type SectionKind } from '../../knowledge/ipsecConf';
import { OPENSWAN_UNQUOTABLE_KEYS } from '../../knowledge/ipsecConf/openswanStorage';
import type { ParsedDocument } from '../../model/document';
import type { Setting } from '../../parsing/ipsecConf/ast';
import type { Span } from '../../text/sourceText';
import type { Report } from '../rule';
import { isLibreswan4, scannerReadsComment } from './dialectParsers';
import type { DialectTarget } from './dialectView';
import { refusesQuoted } from './quotedValue';

interface Reading {
  readonly refuses: boolean;
  /** What the daemon makes of the line, as "reads …", and what follows from it. */
  readonly how: string;
}


/**
 * How one daemon reads `key="value"#…`. The quoted string is one of the scanner's value patterns,
 * but a word without braces or blanks is another: when the quotes hold no blank, that word is the
 * longer match and runs on over the quotes and the `#` to the next blank; a word after it is read
 * as a keyword. Libreswan 4 and Openswan scan yes/no values in a state of their own, where only a
 * one-word comment after the closing quote is a keyword.
 */
function readGlued(target: DialectTarget, setting: Setting, section: SectionKind | undefined, raw: string, text: string): Reading | undefined {
  if (target.dialect === 'strongswan') return undefined;
  const value = setting.value;
  if (value === undefined) return undefined;
  const braces = raw.startsWith('{');
  const lookup = lookupKeyword(setting.key.text, target.dialect, target.version);
  // Openswan refuses any quoted yes/no or number already (bad-value says so).
  if (!braces && target.dialect === 'openswan' && OPENSWAN_UNQUOTABLE_KEYS.has(lookup.entry?.name ?? '')) return undefined;
  if (lookup.type?.kind === 'yesno' && !braces && (isLibreswan4(target) || target.dialect === 'openswan')) {
    if (target.dialect === 'openswan' || scannerReadsComment(text)) return undefined;
    return { refuses: true, how: `reads "${text}" as another keyword, so the file does not load` };
  }
  // The word pattern that runs on stops at blanks and braces after a quoted string, at blanks and quotes after a brace list.
  const stops = braces ? /[ \t"]/ : /[ \t{}]/;
  // The quoted string or brace list is then the longer match and ends the value; a one-word `#x` after it is a keyword.
  if (stops.test(braces ? raw.slice(1, -1) : value.text)) return scannerReadsComment(text) ? undefined : { refuses: true, how: `reads "${text}" as another keyword, so the file does not load` };
  const stop = text.search(stops);
  const glued = stop < 0 ? text : text.slice(0, stop);
  const rest = stop < 0 ? '' : text.slice(stop).trimStart();
  if (rest.length > 0 && !scannerReadsComment(rest)) return { refuses: true, how: `reads '${raw}${glued}' as the value and "${rest.split(/[ \t]/)[0]}" as another keyword, so the file does not load` };
  const refuses = refusesQuoted(setting, section, target, '');
  return { refuses, how: `reads '${raw}${glued}' as the value, quotes and "${glued}" included${refuses ? ', and refuses it' : ''}` };
}

/** The finding for a `#` right after a value's closing quote or brace, when any of the daemons misreads it. */
export function gluedQuoteReport(document: ParsedDocument<'ipsec'>, setting: Setting, section: SectionKind | undefined, comment: Span, targets: readonly DialectTarget[]): Report | undefined {
  const value = setting.value;
  if (value === undefined || !value.terminated || value.span.end !== comment.start) return undefined;
  const { source } = document;
  const raw = source.slice(value.span);
  if (!value.quoted && !raw.startsWith('{')) return undefined;
  const text = source.slice(comment);
  const readings = targets.map((target) => ({ target, reading: readGlued(target, setting, section, raw, text) }));
  const misreading = readings.filter((r) => r.reading !== undefined);
  if (misreading.length === 0) return undefined;
  const refusing = misreading.filter((r) => r.reading?.refuses);
  const shown = refusing[0] ?? misreading[0];
  const who = (refusing.length > 0 ? refusing : misreading).map((r) => r.target.label).join(', ');
  const plural = (refusing.length > 0 ? refusing : misreading).length === 1 ? 's' : '';
  const others = readings.filter((r) => !(refusing.length > 0 ? r.reading?.refuses : r.reading)).map((r) => r.target.label);
  const severity = refusing.length === targets.length ? undefined : refusing.length > 0 ? 'info' : 'warning';
  // A lone "#" after a blank is still refused (hash-word): it says nothing, so it goes.
  const lone = text.trim() === '#';
  const remedy = lone ? 'remove the lone "#"' : 'put a blank before "#"';
  const edit = lone ? { range: source.rangeOf(comment), newText: '' } : { range: source.rangeOf({ start: comment.start, end: comment.start }), newText: ' ' };
  return {
    span: comment,
    message: `${who} ${(shown.reading as Reading).how.replace(/^reads/, `read${plural}`).replace(/, and refuses it$/, `, and refuse${plural} it`)}: ${remedy}${others.length > 0 && refusing.length > 0 ? ` (${others.join(', ')} accept${others.length === 1 ? 's' : ''} it)` : ''}`,
    severity,
    fixes: [{ title: lone ? 'Remove the lone "#"' : 'Put a blank before "#"', preferred: true, edits: [edit] }],
  };
}
