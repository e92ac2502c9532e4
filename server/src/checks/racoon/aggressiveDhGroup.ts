import { toAtoms } from '../../knowledge/racoon/atoms';
import { dhGroupNumber } from '../../knowledge/racoon/values';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { childStatements, racoonStatements } from '../../parsing/racoon/walk';
import { defineRule } from '../rule';

export const racoonAggressiveDhGroup = defineRule({
  code: 'racoon-aggressive-dh-group',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'Proposals of an aggressive-mode remote use different DH groups',
  description:
    'In aggressive mode the initiator sends its Diffie-Hellman public value in the first message, before any proposal is chosen, so every proposal must use the same group. racoon refuses a `remote` whose `exchange_mode` includes `aggressive` when its proposals name different `dh_group`s (`modp1024` and `2` are the same group). A remote that `inherit`s another keeps the parent\'s proposals and adds its own, and keeps the parent\'s `exchange_mode` unless it writes one. Use one group in all proposals, or leave aggressive mode out.',
  check(document, report) {
    const known = new Map<RacoonStatement, Phase1Groups | undefined>();
    const remotes: RacoonStatement[] = [];
    let includedBefore = false;
    for (const { statement, depth } of racoonStatements(document.ast)) {
      if (depth > 0) continue;
      const meaning = meaningOf(statement);
      if (meaning.kind === 'known' && meaning.directive.name === 'include') includedBefore = true;
      if (meaning.kind !== 'known' || meaning.directive.name !== 'remote' || !statement.block) continue;
      const parentText = inheritedName(statement);
      const parent = parentText === undefined ? undefined : includedBefore ? undefined : findParent(remotes, parentText);
      const own = ownGroups(statement);
      const effective = parentText === undefined ? own && { groups: own.groups, aggressive: own.aggressive ?? false } : combine(parent && known.get(parent), own);
      known.set(statement, effective);
      remotes.push(statement);
      if (!effective?.aggressive) continue;
      const [first, ...rest] = effective.groups;
      const other = rest.find((group) => group.number !== first.number);
      if (!other) continue;
      // racoon stops at this remote: one that inherits from it is not judged as well.
      known.set(statement, undefined);
      const ownOther = own?.groups.find((group) => group.number !== first.number) ?? other;
      const inSelf = own?.groups.includes(ownOther) ?? false;
      const span = inSelf ? ownOther.statement.span : (own?.modeStatement ?? statement).span;
      report({
        span,
        message: inSelf
          ? `this remote allows aggressive mode, where all proposals must share one DH group: this proposal uses group ${ownOther.number} and ${parentText === undefined ? 'the first one' : 'the first of its inherited and own proposals'} group ${first.number}, so racoon refuses the remote. Use the same dh_group everywhere, or drop aggressive from exchange_mode`
          : `this remote allows aggressive mode, where all proposals must share one DH group, but the proposals it inherits use groups ${first.number} and ${other.number}, so racoon refuses the remote. Use the same dh_group everywhere, or drop aggressive from exchange_mode`,
        related: [{ uri: document.uri, range: document.source.rangeOf(first.statement.span), message: `the first proposal's group (${first.number})` }],
      });
    }
  },
});

/** What decides the check for one remote: the groups of its proposals and whether aggressive mode is on. */
interface Phase1Groups {
  readonly groups: readonly Group[];
  readonly aggressive: boolean;
}

interface OwnGroups {
  readonly groups: readonly Group[];
  /** undefined when the remote writes no exchange_mode (it keeps its parent's). */
  readonly aggressive?: boolean;
  readonly modeStatement?: RacoonStatement;
}

function ownGroups(remote: RacoonStatement): OwnGroups | undefined {
  const groups = proposalGroups(remote);
  if (!groups) return undefined;
  const modeStatement = childStatements(remote).filter((child) => {
    const meaning = meaningOf(child);
    return meaning.kind === 'known' && meaning.directive.name === 'exchange_mode';
  }).pop();
  return { groups, aggressive: modeStatement ? usesAggressiveMode(modeStatement) : undefined, modeStatement };
}

/** An inheriting remote: the parent's proposals and then its own; its own exchange_mode replaces the parent's. */
function combine(parent: Phase1Groups | undefined, own: OwnGroups | undefined): Phase1Groups | undefined {
  if (!parent || !own) return undefined;
  return { groups: [...parent.groups, ...own.groups], aggressive: own.aggressive ?? parent.aggressive };
}

/** The name or address after `inherit`, or undefined when the remote inherits nothing. */
function inheritedName(remote: RacoonStatement): string | undefined {
  const index = remote.head.findIndex((token) => token.kind === 'word' && token.text === 'inherit');
  if (index < 0) return undefined;
  return remote.head[index + 1]?.text ?? '';
}

/** The one remote above that racoon would copy: by quoted name, or by address (header or remote_address). */
function findParent(remotes: readonly RacoonStatement[], wanted: string): RacoonStatement | undefined {
  const matches = remotes.filter((remote) => {
    const name = remote.head[1];
    if (name?.kind === 'string') return name.text === wanted || childStatements(remote).some((child) => child.head[0]?.text === 'remote_address' && child.head[1]?.text === wanted);
    return name?.kind === 'word' && name.text === wanted;
  });
  return matches.length === 1 ? matches[0] : undefined;
}

function usesAggressiveMode(exchangeMode: RacoonStatement): boolean {
  const meaning = meaningOf(exchangeMode);
  return meaning.kind === 'known' && meaning.args.some((token) => token.kind === 'word' && token.text === 'aggressive');
}

interface Group {
  readonly number: number;
  /** The `dh_group` statement that sets it (the last one of its proposal). */
  readonly statement: RacoonStatement;
}

/** The DH group of each proposal, or undefined when any proposal's group is missing or unreadable (other rules say why). */
function proposalGroups(remote: RacoonStatement): Group[] | undefined {
  const groups: Group[] = [];
  for (const child of childStatements(remote)) {
    const meaning = meaningOf(child);
    if (meaning.kind !== 'known' || meaning.directive.name !== 'proposal') continue;
    let group: Group | undefined;
    for (const statement of childStatements(child)) {
      const inner = meaningOf(statement);
      if (inner.kind !== 'known' || inner.directive.name !== 'dh_group') continue;
      const atoms = toAtoms(inner.args, false);
      const number = atoms.length === 1 && atoms[0].kind === 'word' && !atoms[0].placeholder ? dhGroupNumber(atoms[0].text) : undefined;
      if (number === undefined) return undefined;
      group = { number, statement };
    }
    if (!group) return undefined;
    groups.push(group);
  }
  return groups;
}
