import type { AnyRule } from '../rule';
import { crlfLineEndings } from './crlfLineEndings';
import { lookalikeWhitespace } from './lookalikeWhitespace';

export const commonRules: readonly AnyRule[] = [crlfLineEndings, lookalikeWhitespace];
