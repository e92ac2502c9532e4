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
    const earlier = new EarlierSainfos();
    for (const { statement, depth } of racoonStatements(document.ast)) {
      if (depth > 0 || !statement.block) continue;
      const header = sainfoHeaderOf(statement);
      const selection = header && selectionOf(statement, header);
      if (!selection) continue;
      const first = earlier.firstMatching(selection);
      if (first) {
        const line = document.source.positionAt(first.statement.span.start).line + 1;
        report({
          span: headSpan(statement),
          message: `The sainfo on line ${line} already matches these ids (racoon compares addresses and protocols, not ports, and an anonymous remote id matches any): racoon refuses this one as a duplicate; merge the two or make their ids differ`,
          related: [{ uri: document.uri, range: document.source.rangeOf(first.statement.head[0].span), message: 'the earlier sainfo' }],
        });
      }
      earlier.add(selection);
    }
  },
});

/**
 * The sainfos read so far, grouped so that a later one is compared only with those that can
 * match it (same local id and remoteid; the same remote id, or an anonymous one), never with
 * every earlier sainfo of a hub's long file.
 */
class EarlierSainfos {
  private readonly byLocal = new Map<string, SainfoSelection[]>();
  private readonly byRemote = new Map<string, SainfoSelection[]>();
  private readonly anonymousRemote = new Map<string, SainfoSelection[]>();

  /** The first earlier sainfo, in file order, that matches the later one's ids. */
  firstMatching(later: SainfoSelection): SainfoSelection | undefined {
    const local = localKey(later);
    const fits = (other: SainfoSelection): boolean => fromIdsAgree(other, later);
    if (later.remote === undefined) return this.byLocal.get(local)?.find(fits);
    const sameRemote = this.byRemote.get(`${local}\n${later.remote}`)?.find(fits);
    const anonymous = this.anonymousRemote.get(local)?.find(fits);
    if (!sameRemote || !anonymous) return sameRemote ?? anonymous;
    return sameRemote.statement.span.start < anonymous.statement.span.start ? sameRemote : anonymous;
  }

  add(selection: SainfoSelection): void {
    const local = localKey(selection);
    push(this.byLocal, local, selection);
    if (selection.remote === undefined) push(this.anonymousRemote, local, selection);
    else push(this.byRemote, `${local}\n${selection.remote}`, selection);
  }
}

const localKey = (selection: SainfoSelection): string => `${selection.remoteId}\n${selection.local}`;

function push(map: Map<string, SainfoSelection[]>, key: string, selection: SainfoSelection): void {
  const list = map.get(key);
  if (list) list.push(selection);
  else map.set(key, [selection]);
}

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

/** A `from` id tells two sainfos apart only when both have one. */
function fromIdsAgree(first: SainfoSelection, later: SainfoSelection): boolean {
  return first.from === undefined || later.from === undefined || first.from === later.from;
}
