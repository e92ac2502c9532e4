import type { AnyRule } from '../rule';

export const setkeyRules: readonly AnyRule[] = [];
