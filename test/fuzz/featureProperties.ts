import { checkDocument } from '../../server/src/checks/engine';
import type { Finding, TextEdit } from '../../server/src/checks/finding';
import type { WorkspaceModel } from '../../server/src/checks/workspaceRule';
import { completeDocument } from '../../server/src/features/completion';
import { collectFixAll } from '../../server/src/features/fixAll';
import { formatDocument } from '../../server/src/features/formatting';
import { applyEdits } from '../../server/src/features/formatting/applyEdits';
import { hoverDocument } from '../../server/src/features/hover';
import { idLocations, renameId } from '../../server/src/features/identityReferences';
import type { ParsedDocument } from '../../server/src/model/document';
import { parseDocument } from '../../server/src/model/parse';
import { meaningOf } from './meaning';
import { leaksSecret } from './secretMarker';
import { attempt, rangeInside, type Violation } from './violation';

/** Formatting keeps what the daemon reads, stays inside the document and is idempotent. */
export function checkFormatting(document: ParsedDocument, violations: Violation[]): void {
  attempt(violations, 'format', () => {
    const edits = formatDocument(document);
    if (edits.length === 0) return;
    for (const edit of edits) if (!rangeInside(document.source, edit.range)) violations.push({ property: 'format edit inside', detail: JSON.stringify(edit.range) });
    const once = parseDocument(document.uri, applyEdits(document.source, edits), document.kind);
    if (meaningOf(once) !== meaningOf(document)) violations.push({ property: 'format keeps the meaning', detail: firstDifference(meaningOf(document) ?? '', meaningOf(once) ?? '') });
    const twice = applyEdits(once.source, formatDocument(once));
    if (twice !== once.source.text) violations.push({ property: 'format is idempotent', detail: firstDifference(once.source.text, twice) });
  });
}

/** Completion and hover at a few offsets: no exception, ranges inside, no secret shown. */
export function checkCompletionAndHover(document: ParsedDocument, model: WorkspaceModel, offsets: readonly number[], secretPlanted: boolean, violations: Violation[]): void {
  for (const offset of offsets) {
    attempt(violations, `completion at ${offset}`, () => {
      const entries = completeDocument(document, document.source.positionAt(offset), model);
      for (const entry of entries) if (!rangeInside(document.source, entry.range)) violations.push({ property: 'completion range inside', detail: `${entry.label} ${JSON.stringify(entry.range)}` });
      if (secretPlanted && leaksSecret(JSON.stringify(entries))) violations.push({ property: 'completion shows no secret', detail: `at offset ${offset}` });
    });
    attempt(violations, `references and rename at ${offset}`, () => {
      for (const location of idLocations(model, document, offset)) {
        if (location.uri === document.uri && !rangeInside(document.source, location.range)) violations.push({ property: 'reference inside', detail: JSON.stringify(location.range) });
      }
      for (const [uri, edits] of renameId(model, document, offset, '192.0.2.123') ?? []) {
        for (const edit of edits) {
          if (uri !== document.uri) continue;
          if (!rangeInside(document.source, edit.range)) violations.push({ property: 'rename edit inside', detail: JSON.stringify(edit.range) });
          const replaced = document.source.text.slice(document.source.offsetAt(edit.range.start), document.source.offsetAt(edit.range.end));
          if (secretPlanted && leaksSecret(replaced)) violations.push({ property: 'rename leaves the secret alone', detail: `at offset ${offset}` });
        }
      }
    });
    attempt(violations, `hover at ${offset}`, () => {
      const hover = hoverDocument(document, offset, model);
      if (!hover) return;
      if (!rangeInside(document.source, hover.range)) violations.push({ property: 'hover range inside', detail: JSON.stringify(hover.range) });
      if (secretPlanted && leaksSecret(hover.markdown)) violations.push({ property: 'hover shows no secret', detail: `at offset ${offset}` });
    });
  }
}

const SEVERITY_RANK: Readonly<Record<Finding['severity'], number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * Fix all: the fixed text parses, and no finding that a preferred fix addressed is found again
 * with the same code, where the fix moved its start to, and no milder severity. (A typo fixed into
 * a keyword only some dialects know may leave a notice where the error was: that is progress.)
 */
export function checkFixAll(document: ParsedDocument, findings: readonly Finding[], violations: Violation[]): void {
  attempt(violations, 'fix all', () => {
    const edits = collectFixAll(findings, document.uri, document.source);
    if (edits.length === 0) return;
    for (const edit of edits) if (!rangeInside(document.source, edit.range)) violations.push({ property: 'fix edit inside', detail: JSON.stringify(edit.range) });
    const fixed = parseDocument(document.uri, applyEdits(document.source, edits), document.kind);
    const moved = editShifts(document, edits);
    const after = new Map<string, number>();
    for (const f of checkDocument(fixed)) {
      const key = `${f.code}@${fixed.source.offsetAt(f.range.start)}`;
      after.set(key, Math.min(after.get(key) ?? Infinity, SEVERITY_RANK[f.severity]));
    }
    for (const finding of findings) {
      if (!finding.fixes?.some((fix) => fix.preferred && fix.edits.some((e) => edits.includes(e)))) continue;
      const again = after.get(`${finding.code}@${moved(document.source.offsetAt(finding.range.start))}`);
      if (again !== undefined && again <= SEVERITY_RANK[finding.severity]) violations.push({ property: 'fix all removes what it fixed', detail: `${finding.code} at line ${finding.range.start.line + 1}: ${finding.message.slice(0, 120)}` });
    }
  });
}

/** Maps an offset of the original text to the fixed text: edits before it (insertions at it too) shift it, an edit around it takes it to its start. */
function editShifts(document: ParsedDocument, edits: readonly TextEdit[]): (offset: number) => number {
  const spans = edits.map((e) => ({ start: document.source.offsetAt(e.range.start), end: document.source.offsetAt(e.range.end), length: e.newText.length })).sort((a, b) => a.start - b.start);
  return (offset) => {
    let shift = 0;
    for (const span of spans) {
      if (span.start <= offset && offset < span.end) return span.start + shift;
      if (span.end <= offset) shift += span.length - (span.end - span.start);
    }
    return offset + shift;
  };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 30), i + 30))} vs ${JSON.stringify(b.slice(Math.max(0, i - 30), i + 30))}`;
}
