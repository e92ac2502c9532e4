import type { ParsedDocument } from '../model/document';
import { checkDocument, type CheckOptions } from './engine';
import type { Finding } from './finding';
import type { CheckContext } from './rule';

interface Remembered {
  readonly rules: CheckOptions['rules'];
  readonly context: CheckContext;
  readonly findings: Finding[];
}

const remembered = new WeakMap<ParsedDocument, Remembered>();

/**
 * A document's own findings, computed again only when the document, the rule settings or its
 * surroundings (its gateway's dialect, a racoon include) changed: the workspace re-publishes
 * closed files after every edit, and nearly all of them are as they were; an open document's own
 * pull and the workspace report ask for the same parsed version.
 */
export function cachedCheckDocument(document: ParsedDocument, rules: CheckOptions['rules'], context: CheckContext): Finding[] {
  const known = remembered.get(document);
  if (known && known.rules === rules && sameCheckContext(known.context, context)) return known.findings;
  const findings = checkDocument(document, { rules, context });
  remembered.set(document, { rules, context, findings });
  return findings;
}

/** Whether two contexts would have a file's own rules say the same. */
function sameCheckContext(a: CheckContext, b: CheckContext): boolean {
  return a.dialect === b.dialect && (a.readThroughInclude === true) === (b.readThroughInclude === true);
}
