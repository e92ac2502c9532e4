/** Zero-based line and UTF-16 column, the same convention as LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A half-open span of UTF-16 offsets into a document's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One physical line: where its content starts and ends, and which terminator follows it. */
export interface LineInfo {
  readonly index: number;
  readonly start: number;
  /** Offset just past the content, before the terminator. */
  readonly end: number;
  readonly terminator: '' | '\n' | '\r\n' | '\r';
}

/**
 * Immutable text of one document with fast offset/position conversion.
 * Parsers work on offsets; everything that leaves the core works on ranges.
 */
export class SourceText {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = computeLineStarts(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  line(index: number): LineInfo {
    const start = this.lineStarts[index];
    const next = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1] : this.text.length;
    let end = next;
    let terminator: LineInfo['terminator'] = '';
    if (end > start && this.text.charCodeAt(end - 1) === 10) {
      end--;
      terminator = '\n';
      if (end > start && this.text.charCodeAt(end - 1) === 13) {
        end--;
        terminator = '\r\n';
      }
    } else if (end > start && this.text.charCodeAt(end - 1) === 13) {
      end--;
      terminator = '\r';
    }
    return { index, start, end, terminator };
  }

  lineText(index: number): string {
    const info = this.line(index);
    return this.text.slice(info.start, info.end);
  }

  *lines(): IterableIterator<LineInfo> {
    for (let i = 0; i < this.lineStarts.length; i++) yield this.line(i);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const info = this.line(position.line);
    return Math.min(info.start + Math.max(0, position.character), info.end);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function rangeContains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** What deleting a line removes: the line and its terminator, or for a last line without one, the terminator before it. */
export function wholeLineSpan(source: SourceText, index: number): Span {
  const info = source.line(index);
  if (info.terminator !== '' || index === 0) return span(info.start, info.end + info.terminator.length);
  return span(source.line(index - 1).end, info.end);
}
