import { directivesIn, directivesStartingWith, findDirective, subKeywordOf, type RacoonDirective, type RacoonSection } from '../../knowledge/racoon';
import { toAtoms } from '../../knowledge/racoon/atoms';
import { expectationsAfter, type Expectation } from '../../knowledge/racoon/expectations';
import { ALGORITHM_DOCS, DH_GROUPS, keywordValueDoc, SAINFO_PROTOCOL_DOCS, UNIT_DOCS } from '../../knowledge/racoon/valueDocs';
import { ALGORITHMS, BYTE_UNITS, DH_GROUP_NAMES, DH_GROUP_NUMBERS, SAINFO_PROTOCOLS, SWITCH_VALUES, TIME_UNITS, type AlgorithmInfo } from '../../knowledge/racoon/values';
import type { ParsedDocument } from '../../model/document';
import type { RacoonToken } from '../../parsing/racoon/ast';
import type { Position, Range } from '../../text/sourceText';
import { describeAlgorithm, describeDirective, describeKeyLengths, renderForm } from '../describe/racoon';
import { rangeBack, type CompletionEntry } from './entry';
import { racoonCursorAt } from './racoonCursor';

/**
 * Completion in racoon.conf: the statements of the block the cursor is in, the second word of
 * `path`, and the words an argument may be at the cursor (exchange modes, identifier types,
 * algorithms with their key lengths, DH groups, units, on/off, …), all from the directive catalogue.
 */
export function completeRacoon(document: ParsedDocument<'racoon'>, position: Position): CompletionEntry[] {
  const offset = document.source.offsetAt(position);
  const cursor = racoonCursorAt(document.ast, document.source.text, offset);
  if (!cursor || cursor.place === 'unknown') return [];
  const range = rangeBack(position, cursor.typed.length);
  const section = cursor.place;
  const [keyword, ...rest] = cursor.statement;
  if (!keyword) return statementEntries(section, range);
  const argumentEntries = keyword.kind === 'word' ? argumentsFor(section, keyword.text, rest, range) : { entries: [], mayEnd: true };
  const startsStatement = cursor.atLineStart && argumentEntries.mayEnd;
  return startsStatement ? [...statementEntries(section, range), ...argumentEntries.entries] : argumentEntries.entries;
}

function statementEntries(section: RacoonSection, range: Range): CompletionEntry[] {
  return directivesIn(section).map((directive) => {
    const takesArguments = directive.forms.some((form) => form.length > 0);
    return {
      label: directive.name,
      kind: 'keyword',
      detail: renderForm(directive, directive.forms[0] ?? []),
      documentation: describeDirective(directive),
      insertText: takesArguments ? `${directive.name} ` : directive.opens ? directive.name : `${directive.name};`,
      range,
      deprecated: directive.deprecated !== undefined,
      suggestNext: takesArguments,
    };
  });
}

/** Entries for the argument at the cursor, and whether the statement could also end there. */
function argumentsFor(section: RacoonSection, keyword: string, rest: readonly RacoonToken[], range: Range): { entries: CompletionEntry[]; mayEnd: boolean } {
  const family = directivesStartingWith(section, keyword).filter((d) => subKeywordOf(d) !== undefined);
  if (family.length > 0 && rest.length === 0) return { entries: family.map((d) => subKeywordEntry(d, range)), mayEnd: false };
  const directive = findDirective(section, keyword, rest[0]?.text);
  if (!directive) return { entries: [], mayEnd: true };
  const args = subKeywordOf(directive) === undefined ? rest : rest.slice(1);
  const expectations = expectationsAfter(directive.forms, toAtoms(args, section === 'remote'));
  return {
    entries: dedupe(expectations.flatMap((expectation) => entriesFor(directive, expectation, range))),
    mayEnd: expectations.some((expectation) => expectation.kind === 'end'),
  };
}

function subKeywordEntry(directive: RacoonDirective, range: Range): CompletionEntry {
  const sub = subKeywordOf(directive) ?? directive.name;
  return { label: sub, kind: 'keyword', detail: directive.syntax, documentation: describeDirective(directive), insertText: `${sub} `, range };
}

function value(label: string, range: Range, documentation?: string, detail?: string): CompletionEntry {
  return { label, kind: 'value', insertText: label, range, documentation, detail };
}

function entriesFor(directive: RacoonDirective, expectation: Expectation, range: Range): CompletionEntry[] {
  switch (expectation.kind) {
    case 'algorithm':
      return ALGORITHMS[expectation.family].filter((info) => !info.buildOption).map((info) => algorithmEntry(info, range));
    case 'keyLength':
      return keyLengths(expectation.algorithm).map((bits) => value(String(bits), range, undefined, `${expectation.algorithm.name} key length`));
    case 'atom':
      break;
    default:
      return [];
  }
  const slot = expectation.slot;
  switch (slot.kind) {
    case 'keyword':
      return slot.values.map((word) => value(word, range, keywordValueDoc(directive.name, word)));
    case 'switch':
      return SWITCH_VALUES.map((word) => value(word, range, keywordValueDoc(directive.name, word)));
    case 'timeUnit':
      return TIME_UNITS.map((unit) => value(unit, range, undefined, UNIT_DOCS[unit]));
    case 'byteUnit':
      return BYTE_UNITS.map((unit) => value(unit, range, undefined, UNIT_DOCS[unit]));
    case 'dhGroup':
      return dhGroupEntries(range);
    case 'protocol':
      return SAINFO_PROTOCOLS.map((protocol) => value(protocol, range, SAINFO_PROTOCOL_DOCS[protocol]));
    case 'port':
      return [...(directive.name === 'isakmp_natt' ? ['[4500]'] : ['[500]', '[4500]']), ...(slot.any ? ['[any]'] : [])].map((port) => value(port, range));
    default:
      return [];
  }
}

function algorithmEntry(info: AlgorithmInfo, range: Range): CompletionEntry {
  return {
    label: info.name,
    kind: 'value',
    detail: info.keyLength ? describeKeyLengths(info) : ALGORITHM_DOCS[info.name],
    documentation: describeAlgorithm(info),
    insertText: info.name,
    range,
    suggestNext: info.keyLength !== undefined,
  };
}

/** The lengths worth offering: all of a short list, else the ends of the range and the usual AES sizes inside it. */
function keyLengths(info: AlgorithmInfo): number[] {
  const range = info.keyLength;
  if (!range) return [];
  if (range.only) return [...range.only];
  return [...new Set([range.min, ...[128, 192, 256].filter((bits) => bits > range.min && bits < range.max), range.max])];
}

function dhGroupEntries(range: Range): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  for (const group of DH_GROUPS) {
    if (group.name && (DH_GROUP_NAMES as readonly string[]).includes(group.name)) entries.push(value(group.name, range, group.doc, `group ${group.number}`));
    if (DH_GROUP_NUMBERS.includes(group.number)) entries.push(value(String(group.number), range, group.doc, group.name ?? 'EC2N'));
  }
  return entries;
}

function dedupe(entries: readonly CompletionEntry[]): CompletionEntry[] {
  const seen = new Map<string, CompletionEntry>();
  for (const entry of entries) if (!seen.has(entry.label)) seen.set(entry.label, entry);
  return [...seen.values()];
}
