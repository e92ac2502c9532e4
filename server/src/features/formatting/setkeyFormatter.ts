import type { TextEdit } from '../../checks/finding';
import type { ParsedDocument } from '../../model/document';
import type { SetkeyStatement } from '../../parsing/setkey/ast';
import { lexSetkey } from '../../parsing/setkey/lexer';
import { SETKEY_SYNTAX } from '../../parsing/setkey/parser';
import type { Span } from '../../text/sourceText';
import { hasLookalikeBlank } from '../../text/characters';
import { editsFromPlans, emptyLinePlan, KEEP_LINE, linesTouched, type LinePiece, type LinePlan } from './lineLayout';
import { DEFAULT_FORMAT, indentUnit, type FormatOptions, type LineRange } from './options';

interface Piece {
  readonly span: Span;
  readonly kind: 'command' | 'semicolon' | 'other';
}

/**
 * Layout-only edits for a `setkey -f` file: each statement starts a line of its own at the left
 * margin, the lines a statement continues on (an spdadd policy, the -E/-A lines of an add) are
 * indented one level, comments follow the same rule, trailing blanks go and runs of blank lines
 * shrink to one. Shell scripts that feed setkey, files with an unclosed quote, lines with syntax
 * problems and lines with look-alike blanks are left as written.
 */
export function formatSetkey(document: ParsedDocument<'setkey'>, options: FormatOptions = DEFAULT_FORMAT, lines?: LineRange): TextEdit[] {
  const { source, ast } = document;
  if (ast.shellScript || ast.problems.some((problem) => problem.code === SETKEY_SYNTAX.unterminatedString)) return [];
  const unit = indentUnit(options);
  const untouchable = linesTouched(source, ast.problems.map((problem) => problem.span));
  if (ast.shebang) untouchable.add(0);
  const piecesByLine = collectPieces(document);
  const plans: LinePlan[] = [];
  let statementIndex = 0;
  for (const line of source.lines()) {
    while (statementIndex < ast.statements.length && ast.statements[statementIndex].span.end <= line.start) statementIndex++;
    const text = source.text.slice(line.start, line.end);
    const pieces = piecesByLine.get(line.index);
    if (!pieces) plans.push(emptyLinePlan(text));
    else if (untouchable.has(line.index) || hasLookalikeBlank(text)) plans.push(KEEP_LINE);
    else plans.push({ kind: 'pieces', pieces: layOut(pieces, continues(ast.statements[statementIndex], line.start) ? unit : '') });
  }
  return editsFromPlans(source, plans, lines);
}

/** Whether a line starting at `offset` lies inside the statement rather than before it. */
function continues(statement: SetkeyStatement | undefined, offset: number): boolean {
  return statement !== undefined && statement.span.start < offset && offset < statement.span.end;
}

function layOut(pieces: readonly Piece[], lineIndent: string): LinePiece[] {
  return pieces.map((piece, i) => {
    if (i === 0) return { span: piece.span, newLine: true, indent: piece.kind === 'command' ? '' : lineIndent };
    const split = piece.kind === 'command' && pieces[i - 1].kind === 'semicolon';
    return { span: piece.span, newLine: split, indent: '' };
  });
}

/** Tokens and comments by line, in order, with statement commands marked. */
function collectPieces(document: ParsedDocument<'setkey'>): Map<number, Piece[]> {
  const { source, ast } = document;
  const commands = new Set(ast.statements.map((statement) => statement.command.span.start));
  const { tokens } = lexSetkey(source);
  const all: Piece[] = [
    ...tokens.map((token): Piece => ({ span: token.span, kind: commands.has(token.span.start) ? 'command' : token.kind === 'semicolon' ? 'semicolon' : 'other' })),
    ...ast.comments.map((span): Piece => ({ span, kind: 'other' })),
  ].sort((a, b) => a.span.start - b.span.start);
  const byLine = new Map<number, Piece[]>();
  for (const piece of all) {
    const line = source.positionAt(piece.span.start).line;
    const list = byLine.get(line);
    if (list) list.push(piece);
    else byLine.set(line, [piece]);
  }
  return byLine;
}
