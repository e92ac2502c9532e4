import type { AnyRule } from '../rule';
import { binaryContent } from './binaryContent';
import { crlfLineEndings } from './crlfLineEndings';
import { lookalikeWhitespace } from './lookalikeWhitespace';

export const commonRules: readonly AnyRule[] = [binaryContent, crlfLineEndings, lookalikeWhitespace];
