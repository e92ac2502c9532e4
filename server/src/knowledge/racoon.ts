import { GLOBAL_DIRECTIVES } from './racoon/directives/global';
import { REMOTE_DIRECTIVES } from './racoon/directives/remote';
import { SAINFO_DIRECTIVES } from './racoon/directives/sainfo';
import { XAUTH_DIRECTIVES } from './racoon/directives/xauth';
import { grammarWords, racoonReading } from './racoon/lexerReading';
import { RACOON_SECTIONS, type RacoonDirective, type RacoonSection } from './racoon/types';

export type { AlgorithmFamily, ArgumentSlot, RacoonDirective, RacoonFeature, RacoonSection } from './racoon/types';
export { RACOON_SECTIONS } from './racoon/types';
export { RETIRED_RACOON_KEYWORDS } from './racoon/retired';
export { APPLE_ONLY_RACOON_STATEMENTS, APPLE_ONLY_RACOON_WORDS, APPLE_STILL_READS } from './racoon/appleOnly';

/**
 * Every racoon.conf directive of ipsec-tools 0.8 (and the few the racoon-ipsec-tools fork adds),
 * with the sections it may stand in, its arguments and a short description.
 * A keyword can appear twice when its meaning differs by section (`mode_cfg`, `pfs_group`, `encryption_algorithm`).
 */
export const RACOON_DIRECTIVES: readonly RacoonDirective[] = [
  ...GLOBAL_DIRECTIVES,
  ...REMOTE_DIRECTIVES,
  ...SAINFO_DIRECTIVES,
  ...XAUTH_DIRECTIVES,
];

/** The first word of a directive's name, the one that starts its statement. */
export function keywordOf(directive: RacoonDirective): string {
  const space = directive.name.indexOf(' ');
  return space < 0 ? directive.name : directive.name.slice(0, space);
}

/** The second word of a two-word name (`certificate` in `path certificate`). */
export function subKeywordOf(directive: RacoonDirective): string | undefined {
  const space = directive.name.indexOf(' ');
  return space < 0 ? undefined : directive.name.slice(space + 1);
}

function spellings(directive: RacoonDirective): string[] {
  return [keywordOf(directive), ...(directive.aliases ?? [])];
}

const bySection = new Map<RacoonSection, Map<string, RacoonDirective[]>>();
const byKeyword = new Map<string, RacoonDirective[]>();
for (const section of RACOON_SECTIONS) bySection.set(section, new Map());
for (const directive of RACOON_DIRECTIVES) {
  for (const word of spellings(directive)) {
    byKeyword.set(word, [...(byKeyword.get(word) ?? []), directive]);
    for (const section of directive.sections) {
      const table = bySection.get(section);
      if (table) table.set(word, [...(table.get(word) ?? []), directive]);
    }
  }
}

/** The directives a section accepts, in catalogue order. */
export function directivesIn(section: RacoonSection): RacoonDirective[] {
  return RACOON_DIRECTIVES.filter((d) => d.sections.includes(section));
}

/** Directives starting with this keyword that the section accepts (several for `path`). */
export function directivesStartingWith(section: RacoonSection, keyword: string): readonly RacoonDirective[] {
  return bySection.get(section)?.get(keyword) ?? [];
}

/** Directives starting with this keyword in any section. */
export function directivesAnywhere(keyword: string): readonly RacoonDirective[] {
  return byKeyword.get(keyword) ?? [];
}

export function isStatementKeyword(section: RacoonSection, word: string): boolean {
  return bySection.get(section)?.has(word) ?? false;
}

/**
 * The directive a statement names: its keyword, plus its second word for two-word names.
 * Undefined when the section has no such directive.
 */
export function findDirective(section: RacoonSection, keyword: string, second?: string): RacoonDirective | undefined {
  const candidates = directivesStartingWith(section, keyword);
  return candidates.find((d) => subKeywordOf(d) === undefined || subKeywordOf(d) === second);
}

/** The section a block statement's braces open, wherever the statement stands; undefined for unknown or simple statements. */
export function sectionOpenedBy(section: RacoonSection | 'unknown', keyword: string): RacoonSection | undefined {
  const here = section === 'unknown' ? [] : directivesStartingWith(section, keyword);
  const opener = here.find((d) => d.opens) ?? directivesAnywhere(keyword).find((d) => d.opens);
  return opener?.opens;
}

/** Statements that only make sense at the top level; seen inside a block, they hint at a missing `}`. */
export function isTopLevelOnly(keyword: string): boolean {
  const all = directivesAnywhere(keyword);
  return all.length > 0 && all.every((d) => d.sections.length === 1 && d.sections[0] === 'top');
}

const GRAMMAR_WORDS = grammarWords(RACOON_DIRECTIVES);
const LONGEST_GRAMMAR_WORD = Math.max(...[...GRAMMAR_WORDS].map((w) => w.length));

/** The words racoon's lexer reads in a bare word (see racoonReading); the word itself when that is all. */
export function readAsRacoon(word: string): readonly string[] {
  return racoonReading(word, GRAMMAR_WORDS, LONGEST_GRAMMAR_WORD);
}
