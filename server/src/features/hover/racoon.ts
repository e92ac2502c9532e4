import { RETIRED_RACOON_KEYWORDS, subKeywordOf } from '../../knowledge/racoon';
import { toAtoms } from '../../knowledge/racoon/atoms';
import { expectationAt } from '../../knowledge/racoon/expectations';
import type { ParsedDocument } from '../../model/document';
import type { RacoonStatement, RacoonToken } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { racoonStatements } from '../../parsing/racoon/walk';
import type { Span } from '../../text/sourceText';
import type { HoverResult } from '../connHover';
import { describeArgument, describeDirective, sectionLabel } from '../describe/racoon';

/**
 * Hover in racoon.conf: on a statement's keyword, what the directive does, its forms, where it
 * may stand and what build it needs; on an argument word, what that value means there.
 */
export function racoonHover(document: ParsedDocument<'racoon'>, offset: number): HoverResult | undefined {
  const found = statementAt(document, offset);
  if (!found) return undefined;
  const { statement, token } = found;
  const meaning = meaningOf(statement);
  const range = (span: Span) => document.source.rangeOf(span);
  switch (meaning.kind) {
    case 'known': {
      if (token === meaning.keyword || (subKeywordOf(meaning.directive) !== undefined && token === statement.head[1])) {
        return { markdown: describeDirective(meaning.directive), range: range(token.span) };
      }
      return argumentHover(document, statement.place === 'remote', meaning, offset);
    }
    case 'misplaced':
      if (token !== meaning.keyword) return undefined;
      return {
        markdown: [`racoon does not accept \`${meaning.keyword.text}\` in ${sectionLabel(statement.place)}.`, ...meaning.elsewhere.map(describeDirective)].join('\n\n---\n\n'),
        range: range(token.span),
      };
    case 'unknown': {
      const retired = token === meaning.keyword ? RETIRED_RACOON_KEYWORDS[token.text] : undefined;
      return retired ? { markdown: `**${token.text}** (racoon.conf)\n\nNot accepted by ipsec-tools racoon: \`${token.text}\` ${retired}`, range: range(token.span) } : undefined;
    }
    default:
      return undefined;
  }
}

function argumentHover(document: ParsedDocument<'racoon'>, dropCommas: boolean, meaning: Extract<ReturnType<typeof meaningOf>, { kind: 'known' }>, offset: number): HoverResult | undefined {
  const atoms = toAtoms(meaning.args, dropCommas);
  const index = atoms.findIndex((atom) => atom.span.start <= offset && offset <= atom.span.end && atom.kind !== 'comma');
  const atom = atoms[index];
  if (!atom) return undefined;
  const expectation = expectationAt(meaning.directive.forms, atoms, index);
  const markdown = expectation && describeArgument(meaning.directive, expectation, atom.text);
  return markdown ? { markdown, range: document.source.rangeOf(atom.span) } : undefined;
}

function statementAt(document: ParsedDocument<'racoon'>, offset: number): { statement: RacoonStatement; token: RacoonToken } | undefined {
  for (const { statement } of racoonStatements(document.ast)) {
    if (offset < statement.span.start || offset > statement.span.end) continue;
    const token = statement.head.find((t) => t.span.start <= offset && offset <= t.span.end && t.kind !== 'comma');
    if (token) return { statement, token };
  }
  return undefined;
}
