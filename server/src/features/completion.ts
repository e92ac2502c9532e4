import { keywordsFor, type SectionKind, type ValueType } from '../knowledge/ipsecConf';
import { dialectTargets } from '../checks/ipsecConf/dialectView';
import type { DialectGuess } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import type { Section } from '../parsing/ipsecConf/ast';
import type { Range } from '../text/sourceText';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'keyword' | 'value' | 'reference';
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText: string;
  readonly range: Range;
  readonly deprecated?: boolean;
}

function sectionAt(document: ParsedDocument<'ipsec'>, line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of document.ast.sections) if (section.kind !== 'none' && section.headerLine < line) found = section;
  return found;
}

function valuesOf(type: ValueType): readonly string[] {
  if (type.kind === 'yesno') return ['yes', 'no'];
  if (type.kind === 'enum' || type.kind === 'enumList') return type.values;
  return [];
}

/**
 * Completion in ipsec.conf: keys the section accepts in the gateway's dialect (with `=`),
 * values of enumerated keys, and conn names after `also=`.
 */
export function completeIpsecConf(document: ParsedDocument<'ipsec'>, position: { line: number; character: number }, connNames: readonly string[], dialect?: DialectGuess): CompletionEntry[] {
  if (position.line >= document.source.lineCount) return [];
  const lineText = document.source.lineText(position.line).slice(0, position.character);
  const section = sectionAt(document, position.line);
  if (!section || !/^[ \t]/.test(lineText)) return [];
  const kind = section.kind as SectionKind;
  const targets = dialectTargets(document, { dialect });
  const valueMatch = /^[ \t]+([A-Za-z0-9_.-]+)[ \t]*=[ \t]*([^ \t#]*)$/.exec(lineText);
  if (valueMatch) {
    const [, key, typed] = valueMatch;
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    if (key === 'also') return connNames.map((name) => ({ label: name, kind: 'reference', insertText: name, range }));
    const candidate = targets.flatMap((t) => keywordsFor(kind, t.dialect, t.version)).find((c) => c.name === key);
    if (!candidate) return [];
    return valuesOf(candidate.entry.type).map((value) => ({ label: value, kind: 'value', insertText: value, range, detail: candidate.entry.default === value ? 'default' : undefined }));
  }
  const keyMatch = /^[ \t]+([A-Za-z0-9_.-]*)$/.exec(lineText);
  if (!keyMatch) return [];
  const typed = keyMatch[1];
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const seen = new Map<string, CompletionEntry>();
  for (const target of targets) {
    for (const candidate of keywordsFor(kind, target.dialect, target.version)) {
      if (seen.has(candidate.name)) continue;
      seen.set(candidate.name, {
        label: candidate.name,
        kind: 'keyword',
        detail: candidate.entry.default !== undefined ? `default ${candidate.entry.default}` : undefined,
        documentation: candidate.entry.doc,
        insertText: `${candidate.name}=`,
        range,
        deprecated: candidate.status === 'deprecated',
      });
    }
  }
  return [...seen.values()];
}
