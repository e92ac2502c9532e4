import type { AnyRule } from '../rule';
import { racoonAggressiveDhGroup } from './aggressiveDhGroup';
import { racoonBadValue } from './badValue';
import { racoonBlockMismatch } from './blockMismatch';
import { racoonDuplicateSainfo } from './duplicateSainfo';
import { racoonClientaddrSainfo } from './clientaddrSainfo';
import { racoonEmptyIdentifier } from './emptyIdentifier';
import { racoonMissingRequired } from './missingRequired';
import { racoonMissingSemicolon } from './missingSemicolon';
import { racoonNonceSize } from './nonceSize';
import { racoonRemoteNames } from './remoteNames';
import { racoonRepeatedStatement } from './repeatedStatement';
import { racoonSainfoSelector } from './sainfoSelector';
import { racoonUnbalancedBrace } from './unbalancedBrace';
import { racoonUnexpectedToken } from './unexpectedToken';
import { racoonUnknownStatement } from './unknownStatement';
import { racoonUnterminatedString } from './unterminatedString';

export const racoonRules: readonly AnyRule[] = [
  racoonUnbalancedBrace,
  racoonMissingSemicolon,
  racoonUnterminatedString,
  racoonUnexpectedToken,
  racoonUnknownStatement,
  racoonBadValue,
  racoonBlockMismatch,
  racoonMissingRequired,
  racoonNonceSize,
  racoonRemoteNames,
  racoonRepeatedStatement,
  racoonSainfoSelector,
  racoonDuplicateSainfo,
  racoonClientaddrSainfo,
  racoonEmptyIdentifier,
  racoonAggressiveDhGroup,
];
