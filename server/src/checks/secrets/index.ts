import type { AnyRule } from '../rule';
import { secretsIndentedEntry } from './secretsIndentedEntry';
import { secretsPskFormat } from './secretsPskFormat';
import { secretType } from './secretType';
import { secretsSeparator } from './secretsSeparator';
import { secretsMalformedEntry, secretsMissingSecret, secretsUnterminated } from './syntax';
import { weakPsk } from './weakPsk';

export const secretsRules: readonly AnyRule[] = [secretsMalformedEntry, secretsMissingSecret, secretsUnterminated, secretType, secretsPskFormat, secretsIndentedEntry, secretsSeparator, weakPsk];
