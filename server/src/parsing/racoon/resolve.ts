import { directivesAnywhere, directivesStartingWith, readAsRacoon, subKeywordOf } from '../../knowledge/racoon';
import type { RacoonStatement, RacoonToken, StatementMeaning } from './ast';

export type { ReadAs, StatementMeaning } from './ast';

/**
 * Every racoon rule asks what each statement means: resolved once per parsed statement and kept on
 * it. (A WeakMap keyed by statement took about an eighth of an edit's time in a 1,000-peer racoon.conf.)
 */
export function meaningOf(statement: RacoonStatement): StatementMeaning {
  return (statement.meaning ??= resolveMeaning(statement));
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
