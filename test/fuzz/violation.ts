import type { Range, SourceText } from '../../server/src/text/sourceText';

export interface Violation {
  readonly property: string;
  readonly detail: string;
}

/** A range a client can show: lines that exist, characters up to just past the line's end. */
export function rangeInside(source: SourceText, range: Range): boolean {
  const last = source.lineCount - 1;
  const ok = (p: Range['start']) => p.line >= 0 && p.line <= last && p.character >= 0 && p.character <= source.lineText(p.line).length + 2;
  return ok(range.start) && ok(range.end);
}

/** Runs one step of a property check; an exception becomes a `no exception` violation named after the step. */
export function attempt(violations: Violation[], step: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    violations.push({ property: `no exception (${step})`, detail });
  }
}
