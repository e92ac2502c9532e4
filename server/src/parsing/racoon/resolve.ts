import { directivesAnywhere, directivesStartingWith, readAsRacoon, subKeywordOf, type RacoonDirective } from '../../knowledge/racoon';
import type { RacoonStatement, RacoonToken } from './ast';

/** A word racoon's lexer reads differently from how it is written. */
export interface ReadAs {
  readonly word: RacoonToken;
  readonly reading: readonly string[];
}

/** What the catalogue makes of a statement's keyword where it stands. */
export type StatementMeaning =
  /**
   * A directive of this section; `args` are the tokens after its name. `readAs` is set when racoon's
   * lexer finds the keyword only by splitting a word or skipping letters (`pfs_group2`, `certificates`).
   */
  | { readonly kind: 'known'; readonly directive: RacoonDirective; readonly keyword: RacoonToken; readonly args: readonly RacoonToken[]; readonly readAs?: ReadAs }
  /** A racoon keyword, but one that belongs in other sections. */
  | { readonly kind: 'misplaced'; readonly keyword: RacoonToken; readonly elsewhere: readonly RacoonDirective[] }
  /** `path` followed by a word that is no path type. */
  | { readonly kind: 'unknown-subkeyword'; readonly keyword: RacoonToken; readonly sub?: RacoonToken; readonly family: readonly RacoonDirective[] }
  | { readonly kind: 'unknown'; readonly keyword: RacoonToken }
  /** The statement starts with a string, comma or bracket instead of a word. */
  | { readonly kind: 'not-a-keyword'; readonly first?: RacoonToken }
  /** Inside a block racoon does not know: nothing to check. */
  | { readonly kind: 'unchecked' };

/** Every racoon rule asks what each statement means: resolved once per parsed statement. */
const meanings = new WeakMap<RacoonStatement, StatementMeaning>();

export function meaningOf(statement: RacoonStatement): StatementMeaning {
  let meaning = meanings.get(statement);
  if (meaning === undefined) {
    meaning = resolveMeaning(statement);
    meanings.set(statement, meaning);
  }
  return meaning;
}

function resolveMeaning(statement: RacoonStatement): StatementMeaning {
  if (statement.place === 'unknown') return { kind: 'unchecked' };
  const keyword = statement.head[0];
  if (!keyword || keyword.kind !== 'word') return { kind: 'not-a-keyword', first: keyword };
  const candidates = directivesStartingWith(statement.place, keyword.text);
  if (candidates.length === 0) {
    const elsewhere = directivesAnywhere(keyword.text);
    if (elsewhere.length > 0) return { kind: 'misplaced', keyword, elsewhere };
    return readKeywordAsRacoon(statement, keyword) ?? { kind: 'unknown', keyword };
  }
  const family = candidates.filter((d) => subKeywordOf(d) !== undefined);
  if (family.length === 0) return { kind: 'known', directive: candidates[0], keyword, args: statement.head.slice(1) };
  const sub = statement.head[1];
  const directive = sub?.kind === 'word' ? family.find((d) => subKeywordOf(d) === sub.text) : undefined;
  if (directive) return { kind: 'known', directive, keyword, args: statement.head.slice(2) };
  // `path certificates`: the lexer reads `certificate` and skips the `s`.
  const reading = sub?.kind === 'word' ? readAsRacoon(sub.text) : [];
  const readDirective = reading.length === 1 && sub?.text.startsWith(reading[0]) ? family.find((d) => subKeywordOf(d) === reading[0]) : undefined;
  if (sub && readDirective) return { kind: 'known', directive: readDirective, keyword, args: statement.head.slice(2), readAs: { word: sub, reading } };
  return { kind: 'unknown-subkeyword', keyword, sub, family };
}

/** `pfs_group2` or `exchange_modemain`: a keyword of this block glued to what follows, as racoon's lexer splits it. */
function readKeywordAsRacoon(statement: RacoonStatement, keyword: RacoonToken): StatementMeaning | undefined {
  const reading = readAsRacoon(keyword.text);
  const place = statement.place;
  if (place === 'unknown' || reading.length === 0 || reading[0] === keyword.text || !keyword.text.startsWith(reading.join(''))) return undefined;
  if (directivesStartingWith(place, reading[0]).length === 0) return undefined;
  const parts: RacoonToken[] = [];
  let offset = keyword.span.start;
  for (const text of reading) {
    const start = keyword.span.start + keyword.text.indexOf(text, offset - keyword.span.start);
    parts.push({ ...keyword, text, span: { start, end: start + text.length } });
    offset = start + text.length;
  }
  const meaning = resolveMeaning({ ...statement, head: [...parts, ...statement.head.slice(1)] });
  return meaning.kind === 'known' ? { ...meaning, readAs: { word: keyword, reading } } : undefined;
}

/** `path certificate` for a two-word directive, else its keyword. */
export function statementName(statement: RacoonStatement): string {
  const meaning = meaningOf(statement);
  if (meaning.kind === 'known') return meaning.directive.name;
  return statement.head[0]?.text ?? '';
}
