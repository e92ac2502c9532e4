import { toAtoms } from '../../knowledge/racoon/atoms';
import { DH_GROUP_NAMES, DH_GROUP_NUMBERS } from '../../knowledge/racoon/values';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { childStatements, racoonStatements } from '../../parsing/racoon/walk';
import { defineRule } from '../rule';

/** The group numbers behind racoon's MODP names, as `dh_group` stores them. */
const GROUP_NUMBERS: Readonly<Record<(typeof DH_GROUP_NAMES)[number], number>> = {
  modp768: 1,
  modp1024: 2,
  modp1536: 5,
  modp2048: 14,
  modp3072: 15,
  modp4096: 16,
  modp6144: 17,
  modp8192: 18,
};

export const racoonAggressiveDhGroup = defineRule({
  code: 'racoon-aggressive-dh-group',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'Proposals of an aggressive-mode remote use different DH groups',
  description:
    'In aggressive mode the initiator sends its Diffie-Hellman public value in the first message, before any proposal is chosen, so every proposal must use the same group. racoon refuses a `remote` whose `exchange_mode` includes `aggressive` when its proposals name different `dh_group`s (`modp1024` and `2` are the same group). Use one group in all proposals, or leave aggressive mode out.',
  check(document, report) {
    for (const { statement } of racoonStatements(document.ast)) {
      const meaning = meaningOf(statement);
      if (meaning.kind !== 'known' || meaning.directive.name !== 'remote' || !statement.block) continue;
      // A remote that inherits may take its modes and proposals from another: not judged here.
      if (statement.head.some((token) => token.kind === 'word' && token.text === 'inherit')) continue;
      const groups = proposalGroups(statement);
      if (!groups || !usesAggressiveMode(statement)) continue;
      const [first, ...rest] = groups;
      const other = rest.find((group) => group.number !== first.number);
      if (!other) continue;
      report({
        span: other.statement.span,
        message: `this remote allows aggressive mode, where all proposals must share one DH group: this proposal uses group ${other.number} and the first one group ${first.number}, so racoon refuses the remote. Use the same dh_group everywhere, or drop aggressive from exchange_mode`,
        related: [{ uri: document.uri, range: document.source.rangeOf(first.statement.span), message: `the first proposal's group (${first.number})` }],
      });
    }
  },
});

function usesAggressiveMode(remote: RacoonStatement): boolean {
  return childStatements(remote).some((child) => {
    const meaning = meaningOf(child);
    return meaning.kind === 'known' && meaning.directive.name === 'exchange_mode' && meaning.args.some((token) => token.kind === 'word' && token.text === 'aggressive');
  });
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
      const number = atoms.length === 1 && atoms[0].kind === 'word' && !atoms[0].placeholder ? groupNumber(atoms[0].text) : undefined;
      if (number === undefined) return undefined;
      group = { number, statement };
    }
    if (!group) return undefined;
    groups.push(group);
  }
  return groups.length > 1 ? groups : undefined;
}

function groupNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return DH_GROUP_NUMBERS.includes(Number(word)) ? Number(word) : undefined;
  return (GROUP_NUMBERS as Readonly<Record<string, number>>)[word];
}
