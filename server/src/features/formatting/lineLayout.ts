import type { TextEdit } from '../../checks/finding';
import { hasLookalikeBlank, isAsciiBlank } from '../../text/characters';
import type { LineInfo, SourceText, Span } from '../../text/sourceText';
import type { LineRange } from './options';

/** One token (or comment) of a line, with the layout chosen for the whitespace before it. */
export interface LinePiece {
  readonly span: Span;
  /**
   * Put the piece at the start of its own line, after `indent`. The first piece of a line always
   * is; a later one only when the formatter splits the line there. Otherwise the blanks written
   * before it are kept.
   */
  readonly newLine: boolean;
  readonly indent: string;
}

/** What the formatter does with one physical line. */
export type LinePlan =
  | { readonly kind: 'keep' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'pieces'; readonly pieces: readonly LinePiece[] };

export const KEEP_LINE: LinePlan = { kind: 'keep' };
export const BLANK_LINE: LinePlan = { kind: 'blank' };

/**
 * Turns per-line plans into edits: each changed line is replaced as a whole, trailing blanks go,
 * runs of blank lines shrink to one, and split lines reuse the file's own line terminator.
 * Only lines inside `lines` are edited.
 */
export function editsFromPlans(source: SourceText, plans: readonly LinePlan[], lines?: LineRange): TextEdit[] {
  const edits: TextEdit[] = [];
  const newline = firstTerminator(source);
  let blankRun = 0;
  for (const line of source.lines()) {
    const plan = plans[line.index] ?? KEEP_LINE;
    const inRange = !lines || (line.index >= lines.start && line.index <= lines.end);
    blankRun = plan.kind === 'blank' ? blankRun + 1 : 0;
    if (!inRange || plan.kind === 'keep') continue;
    const text = source.text.slice(line.start, line.end);
    // The last line has no terminator to remove with it: it is only emptied, below.
    if (plan.kind === 'blank' && blankRun > 1 && line.terminator !== '') {
      edits.push({ range: { start: { line: line.index, character: 0 }, end: { line: line.index + 1, character: 0 } }, newText: '' });
      continue;
    }
    const rendered = plan.kind === 'blank' ? '' : render(source, plan.pieces, line.terminator || newline);
    if (rendered !== text) edits.push(replaceLineEdit(source, line, rendered));
  }
  return edits;
}

function render(source: SourceText, pieces: readonly LinePiece[], newline: string): string {
  let out = '';
  let previousEnd = -1;
  for (const piece of pieces) {
    const text = trimTrailingBlanks(source.slice(piece.span));
    if (previousEnd < 0) out += piece.indent + text;
    else if (piece.newLine) out += newline + piece.indent + text;
    else out += source.text.slice(previousEnd, piece.span.start) + text;
    previousEnd = piece.span.end;
  }
  return out;
}

/**
 * The edit that gives a line new content. A line emptied between a lone "\r" before it and its
 * own "\n" would fuse the two into one "\r\n" and vanish, so its "\n" becomes a "\r" instead.
 */
export function replaceLineEdit(source: SourceText, line: LineInfo, newText: string): TextEdit {
  if (newText === '' && line.terminator === '\n' && line.index > 0 && source.line(line.index - 1).terminator === '\r') {
    return { range: { start: { line: line.index, character: 0 }, end: { line: line.index + 1, character: 0 } }, newText: '\r' };
  }
  return { range: { start: { line: line.index, character: 0 }, end: { line: line.index, character: line.end - line.start } }, newText };
}

/**
 * The text without its trailing spaces and tabs. A loop rather than `/[ \t]+$/`, which tries
 * every start of a long run of inner blanks again: quadratic on a line of 20,000 spaces and a word.
 */
export function trimTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && isAsciiBlank(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

function firstTerminator(source: SourceText): string {
  for (const line of source.lines()) if (line.terminator) return line.terminator;
  return '\n';
}

/** Lines any of the spans touches; the formatter leaves them as written. */
export function linesTouched(source: SourceText, spans: readonly Span[]): Set<number> {
  const touched = new Set<number>();
  for (const span of spans) {
    const from = source.positionAt(span.start).line;
    const to = source.positionAt(span.end).line;
    for (let line = from; line <= to; line++) touched.add(line);
  }
  return touched;
}

/** The plan for a line holding no piece: blank when it is only blanks, else left alone. */
export function emptyLinePlan(text: string): LinePlan {
  return text.trim() === '' && !hasLookalikeBlank(text) ? BLANK_LINE : KEEP_LINE;
}

/**
 * Trailing blanks of an ipsec.conf statement line go, except one after a one-word comment
 * (`left=192.0.2.1 #primary `): without it Openswan and Libreswan read the word as a keyword.
 */
export function trimStatementLine(text: string): string {
  const trimmed = trimTrailingBlanks(text);
  return trimmed !== text && /[ \t]#[^"= \t]*$/.test(trimmed) ? `${trimmed} ` : trimmed;
}
