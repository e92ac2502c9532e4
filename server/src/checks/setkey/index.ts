import type { AnyRule } from '../rule';
import { setkeyAlgorithmMismatch } from './algorithmMismatch';
import { setkeyBadAddress } from './badAddress';
import { setkeyBadKeyLength } from './badKeyLength';
import { setkeyBadLevel } from './badLevel';
import { setkeyBadRequest } from './badRequest';
import { setkeyBadSpi } from './badSpi';
import { setkeyCommentInPolicy } from './commentInPolicy';
import { setkeyDuplicateEntry } from './duplicateEntry';
import { setkeyFamilyMismatch } from './familyMismatch';
import { setkeyIncompletePolicy } from './incompletePolicy';
import { setkeyMissingSemicolon } from './missingSemicolon';
import { setkeyPlatformSpecific } from './platformSpecific';
import { setkeyReservedSpi } from './reservedSpi';
import { setkeySyntax } from './syntax';
import { setkeyTunnelNeedsEndpoints } from './tunnelNeedsEndpoints';
import { setkeyUnknownAlgorithm } from './unknownAlgorithm';
import { setkeyUnknownCommand } from './unknownCommand';
import { setkeyUnknownUpperLayer } from './unknownUpperLayer';
import { setkeyUnterminatedString } from './unterminatedString';

export const setkeyRules: readonly AnyRule[] = [
  setkeyMissingSemicolon,
  setkeyUnknownCommand,
  setkeySyntax,
  setkeyUnterminatedString,
  setkeyCommentInPolicy,
  setkeyBadAddress,
  setkeyFamilyMismatch,
  setkeyBadRequest,
  setkeyTunnelNeedsEndpoints,
  setkeyBadLevel,
  setkeyIncompletePolicy,
  setkeyUnknownUpperLayer,
  setkeyBadSpi,
  setkeyReservedSpi,
  setkeyUnknownAlgorithm,
  setkeyBadKeyLength,
  setkeyAlgorithmMismatch,
  setkeyPlatformSpecific,
  setkeyDuplicateEntry,
];
