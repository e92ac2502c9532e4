import type { ParsedDocument } from '../model/document';
import { outlineOf, type OutlineNode } from './outline';

export interface FoldingSpan {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: 'comment' | 'region';
}

/** Folds every outline node that spans lines, and runs of two or more whole-line comments. */
export function foldingRanges(document: ParsedDocument, outline: readonly OutlineNode[] = outlineOf(document)): FoldingSpan[] {
  const spans: FoldingSpan[] = [];
  const visit = (nodes: readonly OutlineNode[]): void => {
    for (const node of nodes) {
      if (node.range.end.line > node.range.start.line) spans.push({ startLine: node.range.start.line, endLine: node.range.end.line });
      visit(node.children);
    }
  };
  visit(outline);
  spans.push(...commentRuns(document));
  return spans;
}

function commentRuns(document: ParsedDocument): FoldingSpan[] {
  const runs: FoldingSpan[] = [];
  const { source } = document;
  let start = -1;
  for (let line = 0; line <= source.lineCount; line++) {
    const isComment = line < source.lineCount && /^[ \t]*#/.test(source.lineText(line));
    if (isComment && start < 0) start = line;
    if (!isComment && start >= 0) {
      if (line - 1 > start) runs.push({ startLine: start, endLine: line - 1, kind: 'comment' });
      start = -1;
    }
  }
  return runs;
}
