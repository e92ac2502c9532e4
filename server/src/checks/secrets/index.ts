import type { AnyRule } from '../rule';
import { secretType } from './secretType';
import { secretsMalformedEntry, secretsMissingSecret, secretsUnterminated } from './syntax';
import { weakPsk } from './weakPsk';

export const secretsRules: readonly AnyRule[] = [secretsMalformedEntry, secretsMissingSecret, secretsUnterminated, secretType, weakPsk];
