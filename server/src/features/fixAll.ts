import type { Finding, Fix, TextEdit } from '../checks/finding';
import type { SourceText } from '../text/sourceText';

/**
 * The preferred fixes of every finding in one document, without overlaps: the edits of
 * "Fix all auto-fixable problems". Only fixes marked preferred (safe without looking) take part.
 */
export function collectFixAll(findings: readonly Finding[], uri: string, source: SourceText): TextEdit[] {
  const chosen: Array<{ start: number; end: number; edit: TextEdit }> = [];
  for (const finding of findings) {
    const fix = safeFix(finding, uri);
    if (!fix) continue;
    const spans = fix.edits.map((edit) => ({ start: source.offsetAt(edit.range.start), end: source.offsetAt(edit.range.end), edit }));
    const overlaps = spans.some((s) => chosen.some((c) => s.start < c.end && c.start < s.end || (s.start === c.start && s.end === c.end)));
    if (!overlaps) chosen.push(...spans);
  }
  return chosen.sort((a, b) => a.start - b.start).map((c) => c.edit);
}

/** The finding's fix that is safe without looking and edits only its own document, if it has one. */
export function safeFix(finding: Finding, uri: string): Fix | undefined {
  const fix = finding.fixes?.find((f) => f.preferred);
  return fix && !fix.creates && fix.edits.every((e) => e.uri === undefined || e.uri === uri) ? fix : undefined;
}

/** How many of the findings the chosen edits fix: those whose safe fix made it in whole. */
export function fixedFindings(findings: readonly Finding[], edits: readonly TextEdit[]): number {
  const applied = new Set(edits);
  return findings.filter((finding) => finding.fixes?.find((fix) => fix.preferred)?.edits.every((edit) => applied.has(edit))).length;
}
