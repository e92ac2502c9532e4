import type { AnyRule } from '../rule';
import { pskBadHexKey } from './badHexKey';
import { pskIndentedEntry } from './indentedEntry';
import { pskMalformedEntry } from './malformedEntry';
import { pskPlaceholderKey } from './placeholderKey';
import { pskShadowedEntry } from './shadowedEntry';
import { pskTrailingWhitespace } from './trailingWhitespace';

export const pskRules: readonly AnyRule[] = [pskMalformedEntry, pskBadHexKey, pskTrailingWhitespace, pskIndentedEntry, pskShadowedEntry, pskPlaceholderKey];
