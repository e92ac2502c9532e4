import { idKey, type SainfoHeader } from '../../knowledge/racoon/sainfoHeader';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { childStatements, headSpan, racoonStatements } from '../../parsing/racoon/walk';
import { defineRule } from '../rule';
import { sainfoHeaderOf } from './sainfoSelector';

/** What racoon compares of a sainfo when it looks for an earlier one that would answer the same query. */
interface SainfoSelection {
  readonly statement: RacoonStatement;
  readonly local: string;
  /** undefined for an anonymous remote id, which matches any. */
  readonly remote?: string;
  /** The `from` id; undefined when the sainfo has none. */
  readonly from?: string;
  readonly remoteId: string;
}

export const racoonDuplicateSainfo = defineRule({
  code: 'racoon-duplicate-sainfo',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A sainfo selects the same traffic as an earlier one',
  description:
    'racoon refuses a `sainfo` whose ids an earlier `sainfo` (with a local id other than `anonymous`) already matches. It compares the addresses, prefix lengths and protocols of the ids, not their ports; an `anonymous` remote id matches every remote id; a `from` id tells two sainfos apart only when both have one; `group` does not, and `remoteid` does. Merge the two blocks, or make their ids differ.',
  check(document, report) {
    // Only sainfos with the same local id and remoteid can clash: grouped so, a long file is not compared pairwise.
    const earlier = new Map<string, SainfoSelection[]>();
    for (const { statement, depth } of racoonStatements(document.ast)) {
      if (depth > 0 || !statement.block) continue;
      const header = sainfoHeaderOf(statement);
      const selection = header && selectionOf(statement, header);
      if (!selection) continue;
      const key = `${selection.remoteId} ${selection.local}`;
      const group = earlier.get(key) ?? [];
      const first = group.find((other) => sameSelection(other, selection));
      if (first) {
        const line = document.source.positionAt(first.statement.span.start).line + 1;
        report({
          span: headSpan(statement),
          message: `The sainfo on line ${line} already matches these ids (racoon compares addresses and protocols, not ports, and an anonymous remote id matches any): racoon refuses this one as a duplicate; merge the two or make their ids differ`,
          related: [{ uri: document.uri, range: document.source.rangeOf(first.statement.head[0].span), message: 'the earlier sainfo' }],
        });
      }
      group.push(selection);
      earlier.set(key, group);
    }
  },
});

/** undefined for sainfos racoon never compares (anonymous local id), and for `clientaddr` ones, which it treats apart. */
function selectionOf(statement: RacoonStatement, header: SainfoHeader): SainfoSelection | undefined {
  if (header.local.kind === 'anonymous' || header.remote.kind === 'clientaddr') return undefined;
  const local = idKey(header.local);
  const remote = header.remote.kind === 'anonymous' ? undefined : idKey(header.remote);
  if (local === undefined || (remote === undefined && header.remote.kind !== 'anonymous')) return undefined;
  const from = header.from ? `${header.from.type.text} ${header.from.value?.text ?? ''}` : undefined;
  const remoteIds = childStatements(statement).filter((child) => child.head[0]?.text === 'remoteid');
  const remoteId = remoteIds.length === 0 ? '0' : remoteIds[remoteIds.length - 1].head[1]?.text;
  if (remoteId === undefined || !/^\d+$/.test(remoteId)) return undefined;
  return { statement, local, remote, from, remoteId: String(Number(remoteId)) };
}

function sameSelection(first: SainfoSelection, later: SainfoSelection): boolean {
  if (first.remoteId !== later.remoteId || first.local !== later.local) return false;
  if (first.remote !== undefined && later.remote !== undefined && first.remote !== later.remote) return false;
  return first.from === undefined || later.from === undefined || first.from === later.from;
}
