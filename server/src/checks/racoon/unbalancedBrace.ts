import type { ParsedDocument } from '../../model/document';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { RACOON_SYNTAX } from '../../parsing/racoon/parser';
import { racoonStatements } from '../../parsing/racoon/walk';
import type { Span } from '../../text/sourceText';
import type { Fix } from '../finding';
import { defineRule } from '../rule';

export const racoonUnbalancedBrace = defineRule({
  code: RACOON_SYNTAX.unbalancedBrace,
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A `{` is never closed, or a `}` closes nothing',
  description:
    'Every block (`remote`, `proposal`, `sainfo`, `listen`, …) must end with `}`. racoon stops at a block left open and loads nothing; a `}` with no block to close it skips (a warning). The finding points at the `{` that was never closed, or at the `}` with no block to close: add the missing `}` after the block\'s last statement, or delete the extra one. The quick fixes do either.',
  check(document, report) {
    for (const problem of document.ast.problems) {
      if (problem.code !== RACOON_SYNTAX.unbalancedBrace) continue;
      const fix = closeBlockFix(document, problem.span) ?? removeStrayFix(document, problem.span);
      // A `}` with no block to close starts no token where it stands, and racoon's lexer skips it (`racoon -t` loads the file).
      const stray = document.source.slice(problem.span) === '}';
      report({ span: problem.span, message: stray ? `${problem.message} (racoon skips it)` : problem.message, fixes: fix ? [fix] : undefined, severity: stray ? 'warning' : undefined });
    }
  },
});

/**
 * Inserts `}` on a line of its own after the last thing the parser kept in the unclosed block,
 * indented like the statement that opened it; blocks left open inside it at that point are
 * closed first. Not preferred: where the block was meant to end is a guess.
 */
function closeBlockFix(document: ParsedDocument<'racoon'>, open: Span): Fix | undefined {
  const owner = racoonStatements(document.ast).find(({ statement }) => statement.block?.open.span.start === open.start && !statement.block.close)?.statement;
  if (!owner?.block) return undefined;
  const chain = [owner];
  for (let inner = openInnerBlock(owner); inner; inner = openInnerBlock(inner)) chain.unshift(inner);
  const end = owner.block.span.end;
  const closers = chain.map((statement) => `\n${indentOf(document, statement)}}`).join('');
  const title = chain.length > 1 ? `Close this block and the ${chain.length - 1} open inside it with \`}\`` : 'Close the block with `}`';
  return { title, edits: [{ range: document.source.rangeOf({ start: end, end }), newText: closers }] };
}

/** The last statement of the block when its own block is also left open and ends at the same place. */
function openInnerBlock(statement: RacoonStatement): RacoonStatement | undefined {
  const last = statement.block?.items[statement.block.items.length - 1];
  if (last?.type !== 'statement' || !last.block || last.block.close || last.block.span.end !== statement.block?.span.end) return undefined;
  return last;
}

function removeStrayFix(document: ParsedDocument<'racoon'>, close: Span): Fix | undefined {
  const stray = racoonStatements(document.ast)
    .flatMap(({ statement }) => statement.block?.items ?? [])
    .concat(document.ast.items)
    .find((item) => item.type === 'stray' && item.token.kind === 'close' && item.span.start === close.start);
  if (!stray) return undefined;
  return { title: 'Remove the extra `}`', edits: [{ range: document.source.rangeOf(stray.span), newText: '' }] };
}

/** The blanks before the statement on its line; none when something else stands before it. */
function indentOf(document: ParsedDocument<'racoon'>, statement: RacoonStatement): string {
  const { source } = document;
  const line = source.line(source.positionAt(statement.span.start).line);
  const before = source.text.slice(line.start, statement.span.start);
  return /^[ \t]*$/.test(before) ? before : '';
}
