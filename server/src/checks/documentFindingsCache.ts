import type { DialectGuess } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import { checkDocument, type CheckOptions } from './engine';
import type { Finding } from './finding';

interface Remembered {
  readonly rules: CheckOptions['rules'];
  readonly dialect: DialectGuess | undefined;
  readonly findings: Finding[];
}

const remembered = new WeakMap<ParsedDocument, Remembered>();

/**
 * A document's own findings, computed again only when the document, the rule settings or its
 * gateway's dialect changed: the workspace re-publishes closed files after every edit, and
 * nearly all of them are as they were; an open document's own pull and the workspace report ask
 * for the same parsed version.
 */
export function cachedCheckDocument(document: ParsedDocument, rules: CheckOptions['rules'], dialect: DialectGuess | undefined): Finding[] {
  const known = remembered.get(document);
  if (known && known.rules === rules && known.dialect === dialect) return known.findings;
  const findings = checkDocument(document, { rules, context: { dialect } });
  remembered.set(document, { rules, dialect, findings });
  return findings;
}
