import { APPLE_ONLY_RACOON_STATEMENTS, APPLE_STILL_READS, RACOON_DIRECTIVES, RETIRED_RACOON_KEYWORDS, directivesIn, keywordOf, readAsRacoon, subKeywordOf } from '../../knowledge/racoon';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { racoonStatements } from '../../parsing/racoon/walk';
import type { SourceText } from '../../text/sourceText';
import { closestName } from '../../text/editDistance';
import type { Fix } from '../finding';
import { defineRule, type Report } from '../rule';
import { describePlace, describePlaces, quoteWord } from './placeNames';

/** Longer words are pasted text, not typos; comparing them would only cost time. */
const MAX_SUGGESTION_LENGTH = 40;

export const racoonUnknownStatement = defineRule({
  code: 'racoon-unknown-statement',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A statement racoon does not know, or one in the wrong block',
  description:
    'Each block of racoon.conf accepts its own set of statements: `dh_group` lives in `proposal`, `pfs_group` in `sainfo`, `isakmp` in `listen`, and so on. An unknown word, a misspelt keyword or a statement in the wrong block makes racoon refuse the whole file. The lexer of racoon needs no blank after a keyword and skips letters that start no word of its grammar, so `pfs_group2` reads as `pfs_group 2`, `path certificates` as `path certificate` and a lone `xyz` as nothing: those are warnings. Fix the spelling, move the statement to the block the message names, or turn stray text into a comment with `#`. Statements only Apple\'s racoon (macOS, iOS) reads, such as `auto_exit_delay`, are a notice; in a file that has one, `support_mip6` is a warning, since Apple\'s racoon still reads it as `support_proxy`.',
  check(document, report) {
    const statements = [...racoonStatements(document.ast)].map((s) => s.statement);
    const apple = statements.some(isAppleOnly);
    for (const statement of statements) {
      const found = describeProblem(statement, document.source, apple);
      if (found) report(found);
    }
  },
});

/** A statement only Apple's racoon reads: a file with one was written for macOS or iOS. */
function isAppleOnly(statement: RacoonStatement): boolean {
  const meaning = meaningOf(statement);
  return meaning.kind === 'unknown' && APPLE_ONLY_RACOON_STATEMENTS.has(meaning.keyword.text);
}

function describeProblem(statement: RacoonStatement, source: SourceText, apple: boolean): Report | undefined {
  const meaning = meaningOf(statement);
  switch (meaning.kind) {
    case 'known': {
      const readAs = meaning.readAs;
      if (!readAs) return undefined;
      const read = readAs.reading.join(' ');
      return {
        span: readAs.word.span,
        message: `racoon reads ${quoteWord(readAs.word.text)} as \`${read}\` (its lexer splits words and skips letters it has no use for): write \`${read}\``,
        severity: 'warning',
        fixes: [replaceWith(source, readAs.word.span, read)],
      };
    }
    case 'unchecked':
      return undefined;
    case 'not-a-keyword': {
      const first = meaning.first;
      if (!first) return undefined;
      const what = first.kind === 'string' ? 'a quoted string' : quoteWord(first.text);
      return { span: first.span, message: `A statement starts with a keyword, not ${what}: remove it or add the keyword in front.` };
    }
    case 'misplaced':
      return {
        span: meaning.keyword.span,
        message: `\`${meaning.keyword.text}\` does not belong ${describePlace(statement.place)}: racoon accepts it only ${describePlaces(meaning.elsewhere.flatMap((d) => d.sections))}.`,
      };
    case 'unknown-subkeyword': {
      const types = meaning.family.map((d) => subKeywordOf(d) ?? '');
      const sub = meaning.sub;
      if (!sub || sub.kind !== 'word') {
        return { span: meaning.keyword.span, message: `\`${meaning.keyword.text}\` needs a type first: ${types.map((t) => `\`${t}\``).join(', ')}.` };
      }
      const guess = suggest(sub.text, types);
      const full = guess ? `${meaning.keyword.text} ${guess}` : undefined;
      return {
        span: sub.span,
        message: `${quoteWord(sub.text)} is not a type of \`${meaning.keyword.text}\`${full ? `: did you mean \`${full}\`?` : `; use one of ${types.map((t) => `\`${t}\``).join(', ')}.`}`,
        fixes: guess ? [replaceWith(source, sub.span, guess)] : undefined,
      };
    }
    case 'unknown': {
      const keyword = meaning.keyword;
      // cftoken.l's catch-all rule skips characters that start no token: a lone `xyz` vanishes.
      if (statement.head.length === 1 && !statement.block && readAsRacoon(keyword.text).length === 0) {
        return { span: keyword.span, message: `racoon skips ${quoteWord(keyword.text)}: no word of its grammar starts in it; remove it or make it a comment with \`#\``, severity: 'warning' };
      }
      const appleBlock = APPLE_ONLY_RACOON_STATEMENTS.get(keyword.text);
      if (appleBlock) {
        return { span: keyword.span, message: `\`${keyword.text}\` (in \`${appleBlock}\`) is read only by Apple's racoon in macOS and iOS; the ipsec-tools racoon refuses the file over it`, severity: 'info' };
      }
      const appleReading = apple ? APPLE_STILL_READS.get(keyword.text) : undefined;
      if (appleReading) {
        return { span: keyword.span, message: `\`${keyword.text}\` is obsolete: Apple's racoon, which this file is written for, reads it as \`${appleReading}\` with a warning, and the ipsec-tools racoon refuses it. Write \`${appleReading}\``, severity: 'warning', fixes: [replaceWith(source, keyword.span, appleReading)] };
      }
      const retired = Object.hasOwn(RETIRED_RACOON_KEYWORDS, keyword.text) ? RETIRED_RACOON_KEYWORDS[keyword.text] : undefined;
      if (retired) return { span: keyword.span, message: `racoon does not accept \`${keyword.text}\`: it ${retired}` };
      const here = statement.place === 'unknown' ? [] : directivesIn(statement.place).flatMap((d) => [keywordOf(d), ...(d.aliases ?? [])]);
      const guessHere = suggest(keyword.text, here);
      const guess = guessHere ?? suggest(keyword.text, RACOON_DIRECTIVES.map(keywordOf));
      const hint = guess ? ` Did you mean \`${guess}\`?` : ' Check the spelling, or turn it into a comment with `#`.';
      return {
        span: keyword.span,
        message: `${quoteWord(keyword.text)} is not a racoon.conf statement.${hint}`,
        fixes: guess ? [replaceWith(source, keyword.span, guess)] : undefined,
      };
    }
  }
}

function suggest(word: string, candidates: readonly string[]): string | undefined {
  return word.length > MAX_SUGGESTION_LENGTH ? undefined : closestName(word, [...new Set(candidates)]);
}

function replaceWith(source: SourceText, span: { start: number; end: number }, text: string): Fix {
  return { title: `Change to \`${text}\``, edits: [{ range: source.rangeOf(span), newText: text }] };
}
