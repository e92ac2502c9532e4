import { checkDocument } from '../../server/src/checks/engine';
import type { Finding } from '../../server/src/checks/finding';
import { foldingRanges } from '../../server/src/features/folding';
import { formatIpsecConf } from '../../server/src/features/formatting/ipsecConfFormatter';
import { outlineOf } from '../../server/src/features/outline';
import type { FileKind } from '../../server/src/model/fileKind';
import { parseDocument } from '../../server/src/model/parse';
import type { SourceText } from '../../server/src/text/sourceText';

export interface Violation {
  readonly property: string;
  readonly detail: string;
}

function inside(source: SourceText, range: Finding['range']): boolean {
  const last = source.lineCount - 1;
  const ok = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line <= last && p.character >= 0 && p.character <= source.lineText(p.line).length + 2;
  return ok(range.start) && ok(range.end);
}

/**
 * Runs one input through the parser, every rule and every per-document feature, and returns
 * the properties it broke: exceptions, ranges outside the document, text not kept.
 */
export function checkProperties(kind: FileKind, text: string): Violation[] {
  const violations: Violation[] = [];
  try {
    const document = parseDocument('file:///fuzz', text, kind);
    if (document.source.text !== text) violations.push({ property: 'text kept', detail: 'the parsed document does not hold the input text' });
    for (const finding of checkDocument(document)) {
      if (!inside(document.source, finding.range)) violations.push({ property: 'range inside', detail: `${finding.code} ${JSON.stringify(finding.range)}` });
    }
    for (const node of outlineOf(document)) {
      if (!inside(document.source, node.range)) violations.push({ property: 'outline inside', detail: node.name.slice(0, 40) });
    }
    foldingRanges(document);
    if (document.kind === 'ipsec') formatIpsecConf(document);
  } catch (error) {
    violations.push({ property: 'no exception', detail: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error) });
  }
  return violations;
}
