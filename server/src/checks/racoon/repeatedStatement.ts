import type { ParsedDocument } from '../../model/document';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { childStatements, racoonStatements } from '../../parsing/racoon/walk';
import { defineRule, type Reporter } from '../rule';

/** remote statements cfparse.y refuses a second time ("certificate_type already defined" and the like). */
const ONCE_PER_REMOTE = new Set(['certificate_type', 'ca_type', 'peers_certfile', 'remote_address']);

export const racoonRepeatedStatement = defineRule({
  code: 'racoon-repeated-statement',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A remote statement racoon takes only once is repeated, or the address is given twice',
  description:
    'A `remote` block holds one `certificate_type`, one `ca_type`, one `peers_certfile` and one `remote_address`; racoon refuses the file at the second ("already defined"). Older sample files list one `peers_certfile` per peer in a single block: give each peer its own `remote` block instead. `remote_address` is only for a remote named by a quoted string: `remote 192.0.2.1 {`, `remote anonymous {`, a remote that inherits by address, and a named remote whose parent already has an address all have theirs ("remote_address already specified"); a parent in another file is not judged.',
  check(document, report) {
    const addresses = new NamedAddresses();
    for (const { statement, depth } of racoonStatements(document.ast)) {
      const meaning = meaningOf(statement);
      if (depth > 0 || meaning.kind !== 'known' || meaning.directive.name !== 'remote' || !statement.block) continue;
      checkRemote(document, statement, addresses.inheritedBy(statement), report);
      addresses.record(statement);
    }
  },
});

/** Where a remote's address comes from before its block is read: its header, or the parent it copies. */
type AddressBefore = { readonly from: 'header' } | { readonly from: 'parent'; readonly parent: string; readonly line: RacoonStatement } | undefined;

/**
 * The named remotes of the file and the statement that gave each its address, if any: racoon
 * copies the whole parent (duprmconf_shallow), so a child inheriting by name has its parent's address.
 */
class NamedAddresses {
  private readonly byName = new Map<string, RacoonStatement | undefined>();

  /** The address a remote has before its own statements; a parent by name not in the file is taken to have none (say less). */
  inheritedBy(remote: RacoonStatement): AddressBefore {
    const [, index, inherit, parent] = remote.head;
    if (index?.kind !== 'string') return { from: 'header' };
    if (inherit?.text !== 'inherit' || parent?.kind !== 'string') return undefined;
    const line = this.byName.get(parent.text);
    return line ? { from: 'parent', parent: parent.text, line } : undefined;
  }

  record(remote: RacoonStatement): void {
    const [, index, , parent] = remote.head;
    if (index?.kind !== 'string' || this.byName.has(index.text)) return;
    const own = childStatements(remote).find((child) => child.head[0]?.text === 'remote_address');
    this.byName.set(index.text, own ?? (parent?.kind === 'string' ? this.byName.get(parent.text) : undefined));
  }
}

function checkRemote(document: ParsedDocument<'racoon'>, remote: RacoonStatement, before: AddressBefore, report: Reporter): void {
  const seen = new Map<string, RacoonStatement>();
  for (const child of childStatements(remote)) {
    const meaning = meaningOf(child);
    if (meaning.kind !== 'known') continue;
    const name = meaning.keyword.text;
    if (!ONCE_PER_REMOTE.has(name)) continue;
    if (name === 'remote_address' && before?.from === 'header') {
      report({ span: meaning.keyword.span, message: 'this remote already has its address (from its header, or the remote it inherits by address): racoon refuses a remote_address here; name the remote with a quoted string to use it' });
      continue;
    }
    if (name === 'remote_address' && before?.from === 'parent') {
      report({
        span: meaning.keyword.span,
        message: `this remote copies its address from "${before.parent}", which racoon takes with the rest of the parent, so it refuses a second remote_address ("already specified"): give the address in a parent without one, or do not inherit`,
        related: [{ uri: document.uri, range: document.source.rangeOf(before.line.head[0].span), message: "the parent's address" }],
      });
      continue;
    }
    const earlier = seen.get(name);
    if (earlier) {
      report({
        span: meaning.keyword.span,
        message: `\`${name}\` is already given in this remote block: racoon refuses a second one ("already defined"); keep one, or give each peer its own remote block`,
        related: [{ uri: document.uri, range: document.source.rangeOf(earlier.span), message: 'given here first' }],
      });
      continue;
    }
    seen.set(name, child);
  }
}
