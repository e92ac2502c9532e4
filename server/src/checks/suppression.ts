import type { SourceText } from '../text/sourceText';

// No `[ \t]*` before the codes: it and `[^#]*` would share blanks and backtrack quadratically
// on a long run of them before a `#`; the codes are split on blanks anyway.
const DIRECTIVE = /^[ \t]*#[ \t]*ipsec-lint-(disable-next-line|disable)\b([^#]*)$/;

/** Which codes are silenced where, from `# ipsec-lint-disable[-next-line] CODE, CODE` comments. */
export interface Suppressions {
  isSuppressed(code: string, line: number): boolean;
}

const NONE: Suppressions = { isSuppressed: () => false };

export function readSuppressions(source: SourceText): Suppressions {
  if (!source.text.includes('ipsec-lint-')) return NONE;
  const wholeFile = new Set<string>();
  const perLine = new Map<number, Set<string>>();
  for (const line of source.lines()) {
    const text = source.text.slice(line.start, line.end);
    if (!text.includes('ipsec-lint-')) continue;
    const match = DIRECTIVE.exec(text);
    if (!match) continue;
    const codes = match[2].split(/[\s,]+/).filter((c) => c.length > 0);
    const target = match[1] === 'disable' ? wholeFile : getOrCreate(perLine, line.index + 1);
    if (codes.length === 0) target.add('*');
    for (const code of codes) target.add(code);
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
