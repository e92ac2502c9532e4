import type { TextEdit } from '../../checks/finding';
import type { ParsedDocument } from '../../model/document';
import type { RacoonFile, RacoonToken } from '../../parsing/racoon/ast';
import { RACOON_SYNTAX } from '../../parsing/racoon/parser';
import { racoonStatements } from '../../parsing/racoon/walk';
import { hasLookalikeBlank } from '../../text/characters';
import { editsFromPlans, emptyLinePlan, KEEP_LINE, linesTouched, type LinePiece, type LinePlan } from './lineLayout';
import { DEFAULT_FORMAT, indentUnit, type FormatOptions, type LineRange } from './options';

/** racoon nests three deep; anything deeper is left as written rather than pushed far right. */
const MAX_INDENT_DEPTH = 16;

/**
 * Layout-only edits for racoon.conf: one indentation level per block, continuation lines of a
 * statement one level deeper, a line of its own for each statement that shared one (a break goes
 * after `;`, after `{` and around `}`, where racoon's lexer already separates tokens), no trailing
 * blanks, no runs of blank lines. Files whose braces do not balance only lose trailing blanks;
 * lines with syntax problems or look-alike blanks are left alone.
 */
export function formatRacoon(document: ParsedDocument<'racoon'>, options: FormatOptions = DEFAULT_FORMAT, lines?: LineRange): TextEdit[] {
  const { source, ast } = document;
  const unit = indentUnit(options);
  const untouchable = linesTouched(source, ast.problems.map((problem) => problem.span));
  const levels = indentLevels(ast);
  const tokensByLine = new Map<number, RacoonToken[]>();
  for (const token of ast.tokens) {
    const line = source.positionAt(token.span.start).line;
    const list = tokensByLine.get(line);
    if (list) list.push(token);
    else tokensByLine.set(line, [token]);
  }
  const plans: LinePlan[] = [];
  for (const line of source.lines()) {
    const text = source.text.slice(line.start, line.end);
    const tokens = tokensByLine.get(line.index);
    if (!tokens) plans.push(emptyLinePlan(text));
    else if (untouchable.has(line.index) || hasLookalikeBlank(text)) plans.push(KEEP_LINE);
    else plans.push({ kind: 'pieces', pieces: piecesOf(tokens, levels, unit, text) });
  }
  return editsFromPlans(source, plans, lines);
}

function piecesOf(tokens: readonly RacoonToken[], levels: ReadonlyMap<RacoonToken, number> | undefined, unit: string, lineText: string): LinePiece[] {
  if (!levels) {
    const written = /^[ \t]*/.exec(lineText)?.[0] ?? '';
    return tokens.map((token, i) => ({ span: token.span, newLine: i === 0, indent: written }));
  }
  return tokens.map((token, i) => ({
    span: token.span,
    newLine: i === 0 || breaksBefore(tokens[i - 1], token),
    indent: unit.repeat(levels.get(token) ?? 0),
  }));
}

/** Where a line may be split without changing what racoon reads: between tokens its lexer separates anyway. */
function breaksBefore(previous: RacoonToken, token: RacoonToken): boolean {
  if (token.kind === 'comment') return false;
  if (token.kind === 'close') return true;
  return previous.kind === 'semicolon' || previous.kind === 'open' || previous.kind === 'close';
}

/**
 * The indentation level of every token, were it to start a line: its block depth, one less for a
 * closing brace, one more inside a statement that runs over several lines. Undefined when the
 * braces do not balance or nest absurdly deep, since the depth then means little.
 */
function indentLevels(file: RacoonFile): ReadonlyMap<RacoonToken, number> | undefined {
  if (file.problems.some((problem) => problem.code === RACOON_SYNTAX.unbalancedBrace)) return undefined;
  const continuation = new Set<RacoonToken>();
  for (const { statement } of racoonStatements(file)) {
    statement.head.slice(1).forEach((token) => continuation.add(token));
    statement.comments.forEach((token) => continuation.add(token));
  }
  const levels = new Map<RacoonToken, number>();
  let depth = 0;
  for (const token of file.tokens) {
    if (token.kind === 'close') depth = Math.max(0, depth - 1);
    if (depth > MAX_INDENT_DEPTH) return undefined;
    levels.set(token, continuation.has(token) ? depth + 1 : depth);
    if (token.kind === 'open') depth++;
  }
  return levels;
}
