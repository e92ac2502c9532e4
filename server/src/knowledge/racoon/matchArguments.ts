import type { ArgumentAtom } from './atoms';
import { checkAtom, describeFamily, describeSlot, isDecimal } from './slotChecks';
import type { ArgumentSlot } from './types';
import { ALL_ALGORITHM_WORDS, findAlgorithm, isKeyLengthAllowed } from './values';

export interface ArgumentMismatch {
  /** Index of the atom that does not fit; equal to the atom count when something is missing at the end. */
  readonly index: number;
  /** Short phrases for what would have fitted there. */
  readonly expected: readonly string[];
  /** A precise explanation when one is known (key length out of range, unquoted name, …). */
  readonly reason?: string;
}

type Continue = (position: number) => boolean;

/**
 * Checks arguments against a directive's forms. Backtracks only over the (small, fixed) forms;
 * lists are consumed in a loop, so long argument lists cost linear time and no stack.
 * Returns undefined when some form fits, else where the best attempt went wrong.
 */
export function matchArguments(forms: readonly (readonly ArgumentSlot[])[], atoms: readonly ArgumentAtom[]): ArgumentMismatch | undefined {
  const matcher = new FormMatcher(atoms);
  for (const form of forms) {
    const fits = matcher.sequence(form, 0, 0, (end) => {
      if (end === atoms.length) return true;
      matcher.fail(end, 'the end of the statement (`;`)');
      return false;
    });
    if (fits) return undefined;
  }
  return matcher.mismatch();
}

class FormMatcher {
  private furthest = -1;
  private expected = new Set<string>();
  private reason: string | undefined;
  private weakReason = false;

  constructor(private readonly atoms: readonly ArgumentAtom[]) {}

  mismatch(): ArgumentMismatch {
    return { index: Math.max(0, this.furthest), expected: [...this.expected], reason: this.reason };
  }

  fail(index: number, expected: string, reason?: string, weak = false): void {
    if (index > this.furthest) {
      this.furthest = index;
      this.expected = new Set();
      this.reason = undefined;
    }
    if (index === this.furthest) {
      this.expected.add(expected);
      if (reason !== undefined && (this.reason === undefined || (this.weakReason && !weak))) {
        this.reason = reason;
        this.weakReason = weak;
      }
    }
  }

  sequence(slots: readonly ArgumentSlot[], index: number, position: number, next: Continue): boolean {
    if (index === slots.length) return next(position);
    return this.slot(slots[index], position, (after) => this.sequence(slots, index + 1, after, next));
  }

  private slot(slot: ArgumentSlot, position: number, next: Continue): boolean {
    switch (slot.kind) {
      case 'optional':
        return this.sequence(slot.slots, 0, position, next) || next(position);
      case 'choice':
        return slot.options.some((option) => this.sequence(option, 0, position, next));
      case 'list':
        return this.list(slot, position, next);
      case 'algorithm':
        return this.algorithm(slot, position, next);
      default: {
        const atom = this.atoms[position];
        const verdict = atom ? checkAtom(slot, atom) : undefined;
        if (verdict?.ok) return next(position + 1);
        const failed = verdict && !verdict.ok ? verdict : undefined;
        this.fail(position, describeSlot(slot), failed?.reason, failed?.weak);
        return false;
      }
    }
  }

  private list(slot: Extract<ArgumentSlot, { kind: 'list' }>, start: number, next: Continue): boolean {
    let position = start;
    let count = 0;
    for (;;) {
      let itemStart = position;
      const comma = this.atoms[position]?.kind === 'comma';
      if (count > 0) {
        if (comma) itemStart = position + 1;
        else if (slot.separator === 'comma') {
          this.fail(position, '`,` between items');
          break;
        }
      }
      const end = this.firstEnd(slot.item, itemStart);
      if (end === undefined) {
        if (count > 0 && comma) return false;
        break;
      }
      position = end;
      count++;
    }
    return count >= slot.min && next(position);
  }

  private firstEnd(slots: readonly ArgumentSlot[], position: number): number | undefined {
    let end: number | undefined;
    this.sequence(slots, 0, position, (after) => {
      end = after;
      return true;
    });
    return end;
  }

  private algorithm(slot: Extract<ArgumentSlot, { kind: 'algorithm' }>, position: number, next: Continue): boolean {
    const atom = this.atoms[position];
    if (atom?.placeholder) return next(position + 1);
    const info = atom?.kind === 'word' ? findAlgorithm(slot.family, atom.text) : undefined;
    if (!atom || !info) {
      const misplaced = atom?.kind === 'word' && ALL_ALGORITHM_WORDS.has(atom.text);
      this.fail(position, describeFamily(slot.family), misplaced ? `\`${atom.text}\` is not valid here: racoon expects ${describeFamily(slot.family)}.` : undefined);
      return false;
    }
    if (info.buildOption) {
      const where = slot.family === 'isakmp-encryption' ? 'a phase 1 cipher' : 'an ESP cipher (and the Linux kernel does not offer it for ESP either)';
      this.fail(position, describeFamily(slot.family), `racoon takes \`${atom.text}\` only when built with ${info.buildOption}, which is off by default, as ${where}: choose another cipher, such as aes.`);
      return false;
    }
    const following = this.atoms[position + 1];
    if (following?.kind !== 'word' || !isDecimal(following.text)) return next(position + 1);
    const bits = Number(following.text);
    if (isKeyLengthAllowed(info, bits)) return next(position + 2);
    const range = info.keyLength;
    const reason = !range
      ? `\`${info.name}\` takes no key length: remove \`${following.text}\`.`
      : `\`${info.name}\` accepts key lengths ${range.only ? range.only.join(', ') : `from ${range.min} to ${range.max} in steps of 8`}, not ${following.text}.`;
    this.fail(position + 1, 'a valid key length', reason);
    return false;
  }
}
