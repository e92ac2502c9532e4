import type { AnyRule } from '../rule';
import { secretsMalformedEntry, secretsMissingSecret, secretsUnterminated } from './syntax';

export const secretsRules: readonly AnyRule[] = [secretsMalformedEntry, secretsMissingSecret, secretsUnterminated];
