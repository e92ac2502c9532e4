import type { AnyRule } from '../rule';
import { setkeyBadAddress } from './badAddress';
import { setkeyBadKeyLength } from './badKeyLength';
import { setkeyBadRequest } from './badRequest';
import { setkeyMissingSemicolon, setkeySyntax, setkeyUnknownCommand, setkeyUnterminatedString } from './syntax';

export const setkeyRules: readonly AnyRule[] = [
  setkeyMissingSemicolon,
  setkeyUnknownCommand,
  setkeySyntax,
  setkeyUnterminatedString,
  setkeyBadAddress,
  setkeyBadRequest,
  setkeyBadKeyLength,
];
