import type { Fix, Severity } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import { dialectPinFixes } from './dialectPinFixes';
import { settleFixes } from './settleFixes';
import { pskFixes, type DiagnosticAt } from './pskFixes';
import { suppressionFixes } from './suppressionFixes';

/**
 * The quick fixes made when the editor asks for a diagnostic's code actions, beside those the
 * finding carries: suppression comments, pre-shared keys (which must never be in a finding), an
 * ID or address settled across the workspace (`peer-id-mismatch`, `peer-address-mismatch`), and pinning the gateway's dialect (which needs the whole workspace). `uri` is the document's URI as
 * the workspace model spells it.
 */
export function fixesOnRequest(model: WorkspaceModel, document: ParsedDocument, uri: string, diagnostic: DiagnosticAt & { readonly severity?: Severity }): Fix[] {
  return [
    ...suppressionFixes(document, diagnostic.code, diagnostic.range.start.line),
    ...pskFixes(model, document, diagnostic),
    ...settleFixes(model, document, diagnostic),
    ...(diagnostic.severity ? dialectPinFixes(model, document, uri, { code: diagnostic.code, severity: diagnostic.severity, range: diagnostic.range }) : []),
  ];
}
