import { lookupKeyword } from '../../knowledge/ipsecConf';
import type { ParsedDocument } from '../../model/document';
import type { Section } from '../../parsing/ipsecConf/ast';
import type { Reporter } from '../rule';
import type { DialectTarget } from './dialectView';
import { checkValue } from './values/checkValue';

/**
 * The scanners of Openswan 2.6 (parser.l) and Libreswan 4 (parser.l, parser.lex) turn a value of
 * only digits, and the word `%forever`, into a number token. A text keyword given one is left
 * without text, and confread.c refuses the conn ("Invalid leftid value"); in `conn %default` the
 * setting is only dropped. After `conn` the grammar wants a name, so a number there stops the whole
 * file ("syntax error"). Quoted, both are text.
 */
export interface BareNumberDaemon {
  readonly label: string;
  /** Conn keys the daemon keeps as text, by base name (`id` for leftid=). */
  readonly textKeys: ReadonlySet<string>;
  /** Another check's verdict on the value, so that one report is enough. */
  readonly otherProblem?: (keyword: string, value: string) => unknown;
}

/** What the scanner reads as a number: a run of digits, or `%forever` (0). */
function scannedAsNumber(text: string): boolean {
  return /^\d+$/.test(text) || text === '%forever';
}

function isDefaultSection(section: Section): boolean {
  const name = section.name?.text;
  return name === '%default' || name === '%oedefault';
}

export function reportBareNumbers(document: ParsedDocument<'ipsec'>, target: DialectTarget, daemon: BareNumberDaemon, report: Reporter): void {
  const { source } = document;
  const textKey = (key: string): string | undefined => {
    const lookup = lookupKeyword(key, target.dialect, target.version);
    const usable = (lookup.status === 'valid' || lookup.status === 'deprecated') && lookup.sections.includes('conn');
    return usable && lookup.entry !== undefined && daemon.textKeys.has(lookup.entry.name) ? lookup.entry.name : undefined;
  };
  const alreadyWrong = (key: string, keyword: string, text: string): boolean => {
    const type = lookupKeyword(key, target.dialect, target.version).type;
    // bad-value only warns of a mark it cannot read, and the number token is what refuses the conn.
    const typed = type !== undefined && type.kind !== 'mark' && checkValue(text, type, target) !== undefined;
    return typed || daemon.otherProblem?.(keyword, text) !== undefined;
  };
  for (const section of document.ast.sections) {
    if (section.kind !== 'conn') continue;
    const name = section.name;
    if (name !== undefined && source.text.charCodeAt(name.span.start) !== 0x22 && scannedAsNumber(name.text)) {
      report({ span: name.span, message: `conn ${name.text}: ${daemon.label} reads this name as a number, finds no conn name and does not load the file; give the conn a name with a letter in it` });
      continue;
    }
    if (isDefaultSection(section)) continue;
    for (const setting of section.settings) {
      const value = setting.value;
      if (value === undefined || value.quoted || !scannedAsNumber(value.text)) continue;
      const key = setting.key.text;
      const keyword = textKey(key);
      if (keyword === undefined || alreadyWrong(key, keyword, value.text)) continue;
      const quoted = `"${value.text}"`;
      report({
        span: value.span,
        message: `${key}: ${daemon.label} reads ${value.text} as a number, which this text setting cannot hold, and refuses conn ${name?.text ?? ''}; write ${key}=${quoted}`,
        fixes: [{ title: `Quote it: ${quoted}`, preferred: false, edits: [{ range: source.rangeOf(value.span), newText: quoted }] }],
      });
    }
  }
}
