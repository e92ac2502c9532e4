import type { Fix, Severity } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import { DIALECT_TRAITS } from '../knowledge/ipsecConf';
import type { ParsedDocument } from '../model/document';
import { dialectCommentEdit } from './dialectComment';
import { dialectGuessFor } from './dialectStatus';

/** Rules that only give a notice while the gateway's daemon is not known, and judge exactly once it is. */
const DIALECT_NOTICE_RULES: ReadonlySet<string> = new Set(['unknown-keyword', 'deprecated-keyword', 'wrong-section', 'bad-value', 'secret-type']);

/**
 * For a notice that is only a notice because the gateway's daemon is not known: one fix per daemon
 * it may run, writing the `# ipsec-dialect:` line (where **Set Dialect** would) so that the checks
 * judge the gateway exactly. Made when the editor asks, since it needs the whole workspace.
 */
export function dialectPinFixes(model: WorkspaceModel, document: ParsedDocument, uri: string, diagnostic: { readonly code: string; readonly severity: Severity }): Fix[] {
  if (diagnostic.severity !== 'info' || !DIALECT_NOTICE_RULES.has(diagnostic.code)) return [];
  const guess = dialectGuessFor(model, uri, document);
  if (!guess || guess.choice) return [];
  const fixes: Fix[] = [];
  for (const dialect of guess.plausible) {
    const edit = dialectCommentEdit(model, uri, dialect);
    if ('error' in edit) return [];
    fixes.push({ title: `This gateway runs ${DIALECT_TRAITS[dialect].label}: write "# ipsec-dialect: ${dialect}"`, edits: [edit] });
  }
  return fixes;
}
