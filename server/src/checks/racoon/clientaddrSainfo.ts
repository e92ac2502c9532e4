import { idKey, type SainfoId } from '../../knowledge/racoon/sainfoHeader';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { childStatements, headSpan, racoonStatements } from '../../parsing/racoon/walk';
import { defineRule } from '../rule';
import { sainfoHeaderOf } from './sainfoSelector';

/** A sainfo as racoon keeps it in its list: what its duplicate check compares, and its place in the list. */
interface Listed {
  readonly statement: RacoonStatement;
  /** undefined for `anonymous`, which matches any local id. */
  readonly local?: string;
  /** `anonymous`, `clientaddr`, or a real remote id. */
  readonly remote: 'anonymous' | 'clientaddr' | 'id';
  /** The real remote id, compared as racoon's duplicate check does. */
  readonly remoteKey?: string;
  readonly from?: string;
  readonly remoteId: number;
  readonly priority: number;
}

export const racoonClientaddrSainfo = defineRule({
  code: 'racoon-clientaddr-sainfo',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'racoon refuses, or crashes on, a clientaddr sainfo',
  description:
    "When racoon reads a `sainfo … clientaddr`, its duplicate check walks the sainfos it already holds (ordered by how specific they are, then as written). The first one with the same `remoteid`, a compatible `from` id and a local id that matches (`anonymous` matches any) decides: if that one's remote id is `anonymous`, the new sainfo is a duplicate and refused unless one of the two local ids is `anonymous`; if it has a real remote id, racoon crashes (a segmentation fault in ipsec-tools 0.8.2 and its fork) and never starts. Give the clientaddr sainfo a local id no earlier sainfo matches, or put it before the others.",
  check(document, report) {
    const blocks = [...racoonStatements(document.ast)].filter(({ statement, depth }) => depth === 0 && statement.block).map(({ statement }) => statement);
    // Only a clientaddr sainfo is reported: racoon's list (which it walks for every sainfo) is followed only up to the last one.
    let lastClientaddr = blocks.length - 1;
    while (lastClientaddr >= 0 && sainfoHeaderOf(blocks[lastClientaddr])?.remote.kind !== 'clientaddr') lastClientaddr--;
    const list: Listed[] = [];
    for (const statement of blocks.slice(0, lastClientaddr + 1)) {
      const header = sainfoHeaderOf(statement);
      if (!header) {
        // A sainfo racoon reads some way we cannot: the list order is no longer known.
        if (statement.head[0]?.text === 'sainfo') return;
        continue;
      }
      const listed = read(statement, header.local, header.remote, header.from);
      if (!listed) return;
      // racoon stops at the first sainfo it refuses (racoon-duplicate-sainfo): nothing after it is read.
      if (listed.remote !== 'clientaddr' && refusedAsDuplicate(list, listed)) return;
      if (listed.remote === 'clientaddr') {
        const decider = list.find((s) => decides(s, listed));
        if (decider && decider.remote === 'id') {
          report({
            span: headSpan(statement),
            message: `racoon crashes reading this sainfo: its duplicate check meets the sainfo on line ${lineOf(document.source, decider)} first, whose local id matches and whose remote id is not anonymous, and compares that id with clientaddr; put this sainfo before that one or give it a local id that one does not match`,
            related: [{ uri: document.uri, range: document.source.rangeOf(headSpan(decider.statement)), message: 'the sainfo racoon compares it with' }],
          });
        } else if (decider && decider.local !== undefined && listed.local !== undefined) {
          report({
            span: headSpan(statement),
            message: `The sainfo on line ${lineOf(document.source, decider)} already matches this local id with an anonymous remote id: racoon refuses this clientaddr sainfo as a duplicate; merge the two or make their local ids differ`,
            related: [{ uri: document.uri, range: document.source.rangeOf(headSpan(decider.statement)), message: 'the earlier sainfo' }],
          });
        }
      }
      insert(list, listed);
    }
  },
});

function read(statement: RacoonStatement, local: SainfoId, remote: SainfoId, from: { readonly type: { text: string }; readonly value?: { text: string } } | undefined): Listed | undefined {
  const localKey = local.kind === 'anonymous' ? undefined : idKey(local);
  if (local.kind !== 'anonymous' && localKey === undefined) return undefined;
  const remoteKind = remote.kind === 'anonymous' || remote.kind === 'clientaddr' ? remote.kind : 'id';
  const remoteKey = remoteKind === 'id' ? idKey(remote) : undefined;
  if (remoteKind === 'id' && remoteKey === undefined) return undefined;
  const remoteIds = childStatements(statement).filter((child) => child.head[0]?.text === 'remoteid');
  const written = remoteIds.length === 0 ? '0' : remoteIds[remoteIds.length - 1].head[1]?.text;
  if (written === undefined || !/^\d+$/.test(written)) return undefined;
  const remoteId = Number(written);
  const fromKey = from ? `${from.type.text} ${from.value?.text ?? ''}` : undefined;
  const priority = (remoteId !== 0 ? 3 : 0) + (fromKey !== undefined ? 3 : 0) + (localKey !== undefined ? 1 : 0) + (remoteKind !== 'anonymous' ? 1 : 0);
  return { statement, local: localKey, remote: remoteKind, remoteKey, from: fromKey, remoteId, priority };
}

/**
 * Whether racoon's duplicate check (sainfo.c getsainfo, given no client address) can stop at `s`
 * for the new sainfo by its local side: same remoteid, `from` ids that agree, local ids that match.
 */
function decides(s: Listed, added: Listed): boolean {
  if (s.remoteId !== added.remoteId) return false;
  if (s.from !== undefined && added.from !== undefined && s.from !== added.from) return false;
  // A clientaddr sainfo in the list wants a client address, which the check does not give.
  if (s.remote === 'clientaddr') return false;
  return s.local === undefined || added.local === undefined || s.local === added.local;
}

/** The duplicate check for an ordinary sainfo: the first one that matches both ids decides, and refuses it unless a local id is anonymous. */
function refusedAsDuplicate(list: readonly Listed[], added: Listed): boolean {
  const decider = list.find((s) => decides(s, added) && (s.remoteKey === undefined || added.remoteKey === undefined || s.remoteKey === added.remoteKey));
  return decider !== undefined && decider.local !== undefined && added.local !== undefined;
}

/** racoon keeps its sainfos ordered by priority, highest first, and in file order within one priority. */
function insert(list: Listed[], added: Listed): void {
  const at = list.findIndex((s) => added.priority > s.priority);
  if (at < 0) list.push(added);
  else list.splice(at, 0, added);
}

function lineOf(source: { positionAt(offset: number): { line: number } }, listed: Listed): number {
  return source.positionAt(listed.statement.span.start).line + 1;
}
