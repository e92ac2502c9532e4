import type { Fix, Severity } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import { DIALECT_TRAITS } from '../knowledge/ipsecConf';
import type { ParsedDocument } from '../model/document';
import { pinnedByUser } from '../model/dialect';
import type { Range } from '../text/sourceText';
import { keyedSettings } from '../checks/ipsecConf/keyedSettings';
import { libreswan3Took } from '../knowledge/ipsecConf/libreswan3Keywords';
import { dialectCommentEdit } from './dialectComment';
import { dialectGuessFor } from './dialectStatus';

/** Rules that only give a notice while the gateway's daemon is not known, and judge exactly once it is. */
const DIALECT_NOTICE_RULES: ReadonlySet<string> = new Set(['unknown-keyword', 'deprecated-keyword', 'wrong-section', 'bad-value', 'secret-type']);

/**
 * For a notice that is only a notice because the gateway's daemon is not known: one fix per daemon
 * it may run, writing the `# ipsec-dialect:` line (where **Set Dialect** would) so that the checks
 * judge the gateway exactly. Made when the editor asks, since it needs the whole workspace.
 */
export function dialectPinFixes(model: WorkspaceModel, document: ParsedDocument, uri: string, diagnostic: { readonly code: string; readonly severity: Severity; readonly range: Range }): Fix[] {
  const libreswan3 = libreswan3PinFix(model, document, uri, diagnostic);
  if (libreswan3.length > 0) return libreswan3;
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

/**
 * For an unknown keyword only Libreswan 3 took (`ike-frag`, `nat_traversal`), in a gateway the
 * user has not pinned: pinning it to Libreswan 3, for a gateway that still runs 3.x.
 */
function libreswan3PinFix(model: WorkspaceModel, document: ParsedDocument, uri: string, diagnostic: { readonly code: string; readonly range: Range }): Fix[] {
  if (diagnostic.code !== 'unknown-keyword' || document.kind !== 'ipsec') return [];
  const offset = document.source.offsetAt(diagnostic.range.start);
  const keyed = keyedSettings(document).find(({ setting }) => setting.key.span.start === offset);
  if (!keyed || !libreswan3Took(keyed.setting.key.text, keyed.kind)) return [];
  const guess = dialectGuessFor(model, uri, document);
  if (!guess || pinnedByUser(guess) || !(guess.choice ? guess.choice.dialect === 'libreswan' : guess.plausible.includes('libreswan'))) return [];
  const edit = dialectCommentEdit(model, uri, 'libreswan-3');
  return 'error' in edit ? [] : [{ title: 'This gateway runs Libreswan 3: write "# ipsec-dialect: libreswan-3"', edits: [edit] }];
}
