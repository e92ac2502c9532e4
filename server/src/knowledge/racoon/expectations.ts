import type { ArgumentAtom } from './atoms';
import { checkAtom, isDecimal, type AtomSlot } from './slotChecks';
import type { AlgorithmFamily, ArgumentSlot } from './types';
import { findAlgorithm, type AlgorithmInfo } from './values';

/** What may stand at one place in a directive's arguments. */
export type Expectation =
  | { readonly kind: 'atom'; readonly slot: AtomSlot }
  | { readonly kind: 'algorithm'; readonly family: AlgorithmFamily }
  /** The optional key length after a variable-key cipher. */
  | { readonly kind: 'keyLength'; readonly algorithm: AlgorithmInfo; readonly family: AlgorithmFamily }
  | { readonly kind: 'comma' }
  | { readonly kind: 'end' };

/** Completion only ever looks at one statement; past this many atoms the search stops. */
const MAX_ATOMS = 256;

type Continue = (position: number) => void;

/**
 * Everything that could come at `atoms.length`, given that the atoms before it were written as
 * one of the directive's forms. Explores every way the written atoms fit, so choices and
 * optional parts all contribute; an empty result means the written atoms fit no form.
 */
export function expectationsAfter(forms: readonly (readonly ArgumentSlot[])[], atoms: readonly ArgumentAtom[]): Expectation[] {
  if (atoms.length > MAX_ATOMS) return [];
  const explorer = new Explorer(atoms);
  for (const form of forms) explorer.sequence(form, 0, 0, (end) => explorer.atEnd(end));
  return explorer.found();
}

/** The expectation the atom at `index` was read as, or undefined when it fits nothing. */
export function expectationAt(forms: readonly (readonly ArgumentSlot[])[], atoms: readonly ArgumentAtom[], index: number): Expectation | undefined {
  const atom = atoms[index];
  if (!atom) return undefined;
  return expectationsAfter(forms, atoms.slice(0, index)).find((expectation) => accepts(expectation, atom));
}

function accepts(expectation: Expectation, atom: ArgumentAtom): boolean {
  switch (expectation.kind) {
    case 'atom':
      return checkAtom(expectation.slot, atom).ok;
    case 'algorithm':
      return atom.kind === 'word' && findAlgorithm(expectation.family, atom.text) !== undefined;
    case 'keyLength':
      return atom.kind === 'word' && isDecimal(atom.text);
    case 'comma':
      return atom.kind === 'comma';
    case 'end':
      return false;
  }
}

class Explorer {
  private readonly seen = new Map<string, Expectation>();

  constructor(private readonly atoms: readonly ArgumentAtom[]) {}

  found(): Expectation[] {
    return [...this.seen.values()];
  }

  atEnd(position: number): void {
    if (position === this.atoms.length) this.add({ kind: 'end' });
  }

  sequence(slots: readonly ArgumentSlot[], index: number, position: number, next: Continue): void {
    if (index === slots.length) {
      next(position);
      return;
    }
    this.slot(slots[index], position, (after) => this.sequence(slots, index + 1, after, next));
  }

  private add(expectation: Expectation): void {
    this.seen.set(keyOf(expectation), expectation);
  }

  private slot(slot: ArgumentSlot, position: number, next: Continue): void {
    switch (slot.kind) {
      case 'optional':
        this.sequence(slot.slots, 0, position, next);
        next(position);
        return;
      case 'choice':
        for (const option of slot.options) this.sequence(option, 0, position, next);
        return;
      case 'list':
        this.listItem(slot, position, 0, next);
        return;
      case 'algorithm':
        this.algorithm(slot.family, position, next);
        return;
      default: {
        if (position === this.atoms.length) {
          this.add({ kind: 'atom', slot });
          return;
        }
        const atom = this.atoms[position];
        if (atom && checkAtom(slot, atom).ok) next(position + 1);
      }
    }
  }

  /** One more item of a list at `position`, `count` items having been read before it. */
  private listItem(slot: Extract<ArgumentSlot, { kind: 'list' }>, position: number, count: number, next: Continue): void {
    if (count >= slot.min) next(position);
    let itemStart = position;
    if (count > 0) {
      const comma = this.atoms[position]?.kind === 'comma';
      if (comma) itemStart = position + 1;
      else if (position === this.atoms.length) this.add({ kind: 'comma' });
      if (!comma && slot.separator === 'comma') return;
    }
    this.sequence(slot.item, 0, itemStart, (after) => {
      if (after > itemStart) this.listItem(slot, after, count + 1, next);
    });
  }

  private algorithm(family: AlgorithmFamily, position: number, next: Continue): void {
    if (position === this.atoms.length) {
      this.add({ kind: 'algorithm', family });
      return;
    }
    const atom = this.atoms[position];
    if (atom?.placeholder) {
      next(position + 1);
      return;
    }
    const info = atom?.kind === 'word' ? findAlgorithm(family, atom.text) : undefined;
    if (!info) return;
    next(position + 1);
    if (!info.keyLength) return;
    if (position + 1 === this.atoms.length) this.add({ kind: 'keyLength', algorithm: info, family });
    const following = this.atoms[position + 1];
    if (following?.kind === 'word' && isDecimal(following.text)) next(position + 2);
  }
}

function keyOf(expectation: Expectation): string {
  switch (expectation.kind) {
    case 'atom':
      return `atom:${JSON.stringify(expectation.slot)}`;
    case 'algorithm':
      return `algorithm:${expectation.family}`;
    case 'keyLength':
      return `keyLength:${expectation.family}:${expectation.algorithm.name}`;
    default:
      return expectation.kind;
  }
}
