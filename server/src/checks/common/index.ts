import type { AnyRule } from '../rule';
import { binaryContent } from './binaryContent';
import { crlfLineEndings } from './crlfLineEndings';
import { lookalikeWhitespace } from './lookalikeWhitespace';
import { typographicPunctuation } from './typographicPunctuation';

export const commonRules: readonly AnyRule[] = [binaryContent, crlfLineEndings, lookalikeWhitespace, typographicPunctuation];
