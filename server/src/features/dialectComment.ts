import type { WorkspaceModel } from '../checks/workspaceRule';
import { DIALECT_COMMENT } from '../model/dialect';
import type { Range } from '../text/sourceText';
import { gatewayOf } from './dialectStatus';

/** What `# ipsec-dialect:` may say: a daemon, optionally with its major version or release. */
const DIALECT_VALUE = /^(openswan|libreswan|strongswan)(-\d+(\.\d+){0,2})?$/;

export interface DialectCommentEdit {
  readonly uri: string;
  readonly range: Range;
  readonly newText: string;
}

/**
 * The edit that makes a gateway's dialect explicit: the `# ipsec-dialect:` line of its files
 * rewritten, or a new first line in its ipsec.conf. The caller applies it.
 */
export function dialectCommentEdit(model: WorkspaceModel, uri: string, value: string): DialectCommentEdit | { error: string } {
  const dialect = value.trim().toLowerCase();
  if (!DIALECT_VALUE.test(dialect)) return { error: `"${value}" is not a dialect: write openswan, libreswan, strongswan, optionally with a version (libreswan-5, libreswan-5.2)` };
  const node = gatewayOf(model, uri);
  if (!node || node.documents.length === 0) return { error: 'This file belongs to no gateway with an ipsec.conf.' };
  const line = `# ipsec-dialect: ${dialect}`;
  for (const document of node.documents) {
    const found = DIALECT_COMMENT.exec(document.source.text.slice(0, 4096));
    if (found) return { uri: document.uri, range: document.source.rangeOf({ start: found.index, end: found.index + found[0].length }), newText: line };
  }
  const conf = node.documents[0];
  return { uri: conf.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${line}\n` };
}
