import type { AnyRule } from '../rule';

export const racoonRules: readonly AnyRule[] = [];
