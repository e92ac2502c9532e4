import type { AnyRule } from '../rule';
import { binaryContent } from './binaryContent';
import { crlfLineEndings } from './crlfLineEndings';
import { lookalikeWhitespace } from './lookalikeWhitespace';
import { typographicPunctuation } from './typographicPunctuation';
import { weakAlgorithm } from './weakAlgorithm';

export const commonRules: readonly AnyRule[] = [binaryContent, crlfLineEndings, lookalikeWhitespace, typographicPunctuation, weakAlgorithm];
