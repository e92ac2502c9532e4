import { directivesAnywhere, directivesStartingWith, subKeywordOf, type RacoonDirective } from '../../knowledge/racoon';
import type { RacoonStatement, RacoonToken } from './ast';

/** What the catalogue makes of a statement's keyword where it stands. */
export type StatementMeaning =
  /** A directive of this section; `args` are the tokens after its name. */
  | { readonly kind: 'known'; readonly directive: RacoonDirective; readonly keyword: RacoonToken; readonly args: readonly RacoonToken[] }
  /** A racoon keyword, but one that belongs in other sections. */
  | { readonly kind: 'misplaced'; readonly keyword: RacoonToken; readonly elsewhere: readonly RacoonDirective[] }
  /** `path` followed by a word that is no path type. */
  | { readonly kind: 'unknown-subkeyword'; readonly keyword: RacoonToken; readonly sub?: RacoonToken; readonly family: readonly RacoonDirective[] }
  | { readonly kind: 'unknown'; readonly keyword: RacoonToken }
  /** The statement starts with a string, comma or bracket instead of a word. */
  | { readonly kind: 'not-a-keyword'; readonly first?: RacoonToken }
  /** Inside a block racoon does not know: nothing to check. */
  | { readonly kind: 'unchecked' };

export function meaningOf(statement: RacoonStatement): StatementMeaning {
  if (statement.place === 'unknown') return { kind: 'unchecked' };
  const keyword = statement.head[0];
  if (!keyword || keyword.kind !== 'word') return { kind: 'not-a-keyword', first: keyword };
  const candidates = directivesStartingWith(statement.place, keyword.text);
  if (candidates.length === 0) {
    const elsewhere = directivesAnywhere(keyword.text);
    return elsewhere.length > 0 ? { kind: 'misplaced', keyword, elsewhere } : { kind: 'unknown', keyword };
  }
  const family = candidates.filter((d) => subKeywordOf(d) !== undefined);
  if (family.length === 0) return { kind: 'known', directive: candidates[0], keyword, args: statement.head.slice(1) };
  const sub = statement.head[1];
  const directive = sub?.kind === 'word' ? family.find((d) => subKeywordOf(d) === sub.text) : undefined;
  if (!directive) return { kind: 'unknown-subkeyword', keyword, sub, family };
  return { kind: 'known', directive, keyword, args: statement.head.slice(2) };
}

/** `path certificate` for a two-word directive, else its keyword. */
export function statementName(statement: RacoonStatement): string {
  const meaning = meaningOf(statement);
  if (meaning.kind === 'known') return meaning.directive.name;
  return statement.head[0]?.text ?? '';
}
