import { checkDocument } from '../../server/src/checks/engine';
import type { Finding } from '../../server/src/checks/finding';
import { foldingRanges } from '../../server/src/features/folding';
import { outlineOf } from '../../server/src/features/outline';
import type { ParsedDocument } from '../../server/src/model/document';
import type { FileKind } from '../../server/src/model/fileKind';
import { parseDocument } from '../../server/src/model/parse';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../unit/workspace/memoryFiles';
import { checkCompletionAndHover, checkFixAll, checkFormatting } from './featureProperties';
import { leaksSecret, secretIntact } from './secretMarker';
import { attempt, rangeInside, type Violation } from './violation';

export type { Violation } from './violation';

export interface PropertyOptions {
  readonly rand: () => number;
  /** Also format (and format again), apply fix-all and check both; the costlier half. */
  readonly formatAndFix: boolean;
  /** Completion and hover at this many random offsets. */
  readonly offsets: number;
}

/** A workspace with no gateways: completion and hover of a lone document. */
const EMPTY_MODEL = new WorkspaceIndex(new MemoryFiles()).model([]);

/**
 * Runs one input through the parser, every rule and every per-document feature, and returns
 * the properties it broke: exceptions, ranges outside the document, text not kept, formatting
 * that changes the meaning or is not idempotent, fix-all that leaves what it fixed, a planted
 * secret shown by completion, hover or a message.
 */
export function checkProperties(kind: FileKind, text: string, options: PropertyOptions): Violation[] {
  const violations: Violation[] = [];
  let document: ParsedDocument | undefined;
  attempt(violations, 'parse', () => {
    document = parseDocument('file:///fuzz', text, kind);
  });
  if (!document) return violations;
  const parsed = document;
  if (parsed.source.text !== text) violations.push({ property: 'text kept', detail: 'the parsed document does not hold the input text' });
  const secretPlanted = secretIntact(kind, text);
  let findings: Finding[] = [];
  attempt(violations, 'checks', () => {
    findings = checkDocument(parsed);
    for (const finding of findings) {
      if (!rangeInside(parsed.source, finding.range)) violations.push({ property: 'range inside', detail: `${finding.code} ${JSON.stringify(finding.range)}` });
      if (secretPlanted && leaksSecret(finding.message)) violations.push({ property: 'message shows no secret', detail: finding.code });
    }
  });
  attempt(violations, 'outline and folding', () => {
    for (const node of outlineOf(parsed)) {
      if (!rangeInside(parsed.source, node.range)) violations.push({ property: 'outline inside', detail: node.name.slice(0, 40) });
      if (secretPlanted && leaksSecret(node.name)) violations.push({ property: 'outline shows no secret', detail: '' });
    }
    foldingRanges(parsed);
  });
  const offsets = Array.from({ length: options.offsets }, () => Math.floor(options.rand() * (text.length + 1)));
  checkCompletionAndHover(parsed, EMPTY_MODEL, offsets, secretPlanted, violations);
  if (options.formatAndFix) {
    checkFormatting(parsed, violations);
    checkFixAll(parsed, findings, violations);
  }
  return violations;
}
