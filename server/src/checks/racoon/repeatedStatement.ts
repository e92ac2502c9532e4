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
    'A `remote` block holds one `certificate_type`, one `ca_type`, one `peers_certfile` and one `remote_address`; racoon refuses the file at the second ("already defined"). Older sample files list one `peers_certfile` per peer in a single block: give each peer its own `remote` block instead. `remote_address` is only for a remote named by a quoted string: `remote 192.0.2.1 {`, `remote anonymous {` and a remote that `inherit`s already have their address ("remote_address already specified").',
  check(document, report) {
    for (const { statement } of racoonStatements(document.ast)) {
      const meaning = meaningOf(statement);
      if (meaning.kind === 'known' && meaning.directive.name === 'remote' && statement.block) checkRemote(document, statement, report);
    }
  },
});

function checkRemote(document: ParsedDocument<'racoon'>, remote: RacoonStatement, report: Reporter): void {
  const named = remote.head[1]?.kind === 'string' && !remote.head.some((t) => t.kind === 'word' && t.text === 'inherit');
  const seen = new Map<string, RacoonStatement>();
  for (const child of childStatements(remote)) {
    const meaning = meaningOf(child);
    if (meaning.kind !== 'known') continue;
    const name = meaning.keyword.text;
    if (!ONCE_PER_REMOTE.has(name)) continue;
    if (name === 'remote_address' && !named) {
      report({ span: meaning.keyword.span, message: 'this remote already has its address (from its header or the remote it inherits): racoon refuses a remote_address here; name the remote with a quoted string to use it' });
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
