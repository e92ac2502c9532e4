import type { LineInfo, SourceText, Span } from '../text/sourceText';

// No `[ \t]*` before the codes: it and `[^#]*` would share blanks and backtrack quadratically
// on a long run of them before a `#`; the codes are split on blanks anyway.
const DIRECTIVE = /^[ \t]*#[ \t]*ipsec-lint-(disable-next-line|disable)\b([^#]*)$/;
const CODE = /[^\s,]+/g;

/** A `# ipsec-lint-disable[-next-line] CODE, CODE` comment; no codes silences every rule. */
export interface SuppressionDirective {
  readonly line: number;
  readonly scope: 'file' | 'next-line';
  readonly codes: readonly { readonly text: string; readonly span: Span }[];
}

/** Which codes are silenced where. */
export interface Suppressions {
  isSuppressed(code: string, line: number): boolean;
}

const NONE: Suppressions = { isSuppressed: () => false };

export function suppressionDirectives(source: SourceText): SuppressionDirective[] {
  if (!source.text.includes('ipsec-lint-')) return [];
  const directives: SuppressionDirective[] = [];
  for (const line of source.lines()) {
    const directive = directiveOn(source, line);
    if (directive) directives.push(directive);
  }
  return directives;
}

/** The directive on one line, if it holds one. */
export function suppressionDirectiveAt(source: SourceText, lineIndex: number): SuppressionDirective | undefined {
  return lineIndex < source.lineCount ? directiveOn(source, source.line(lineIndex)) : undefined;
}

function directiveOn(source: SourceText, line: LineInfo): SuppressionDirective | undefined {
  const text = source.text.slice(line.start, line.end);
  if (!text.includes('ipsec-lint-')) return undefined;
  const match = DIRECTIVE.exec(text);
  if (!match) return undefined;
  const codesStart = line.start + text.length - match[2].length;
  const codes = [...match[2].matchAll(CODE)].map((m) => ({ text: m[0], span: { start: codesStart + (m.index ?? 0), end: codesStart + (m.index ?? 0) + m[0].length } }));
  return { line: line.index, scope: match[1] === 'disable' ? 'file' : 'next-line', codes };
}

export function readSuppressions(source: SourceText): Suppressions {
  const directives = suppressionDirectives(source);
  if (directives.length === 0) return NONE;
  const wholeFile = new Set<string>();
  const perLine = new Map<number, Set<string>>();
  for (const directive of directives) {
    const target = directive.scope === 'file' ? wholeFile : getOrCreate(perLine, directive.line + 1);
    if (directive.codes.length === 0) target.add('*');
    for (const code of directive.codes) target.add(code.text);
  }
  return {
    isSuppressed(code, line) {
      if (wholeFile.has('*') || wholeFile.has(code)) return true;
      const codes = perLine.get(line);
      return codes !== undefined && (codes.has('*') || codes.has(code));
    },
  };
}

function getOrCreate(map: Map<number, Set<string>>, key: number): Set<string> {
  let value = map.get(key);
  if (!value) {
    value = new Set();
    map.set(key, value);
  }
  return value;
}
