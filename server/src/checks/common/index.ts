import type { AnyRule } from '../rule';
import { binaryContent } from './binaryContent';
import { crlfLineEndings } from './crlfLineEndings';
import { fileTooLarge } from './fileTooLarge';
import { invisibleCharacter } from './invisibleCharacter';
import { lookalikeWhitespace } from './lookalikeWhitespace';
import { typographicPunctuation } from './typographicPunctuation';
import { weakAlgorithm } from './weakAlgorithm';

export const commonRules: readonly AnyRule[] = [binaryContent, fileTooLarge, crlfLineEndings, invisibleCharacter, lookalikeWhitespace, typographicPunctuation, weakAlgorithm];
