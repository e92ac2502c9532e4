import type { AnyRule } from '../rule';
import { secretType } from './secretType';
import { secretsMalformedEntry, secretsMissingSecret, secretsUnterminated } from './syntax';

export const secretsRules: readonly AnyRule[] = [secretsMalformedEntry, secretsMissingSecret, secretsUnterminated, secretType];
