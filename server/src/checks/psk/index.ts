import type { AnyRule } from '../rule';

export const pskRules: readonly AnyRule[] = [];
