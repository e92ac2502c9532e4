import type { AnyRule } from '../rule';
import { badValue } from './badValue';
import { columnZeroKey } from './columnZeroKey';
import { deprecatedKeyword } from './deprecatedKeyword';
import { duplicateKey } from './duplicateKey';
import { duplicateSection } from './duplicateSection';
import { indentedHeader } from './indentedHeader';
import { mixedIndentation } from './mixedIndentation';
import { libreswanBareNumber } from './libreswanBareNumber';
import { openswanBareNumber } from './openswanBareNumber';
import { unknownKeyword } from './unknownKeyword';
import { wrongSection } from './wrongSection';
import { badHeader, missingEquals, unexpectedText, unterminatedQuote } from './syntax';

export const ipsecConfRules: readonly AnyRule[] = [
  badHeader,
  missingEquals,
  unterminatedQuote,
  unexpectedText,
  columnZeroKey,
  indentedHeader,
  mixedIndentation,
  duplicateKey,
  duplicateSection,
  unknownKeyword,
  deprecatedKeyword,
  wrongSection,
  badValue,
  openswanBareNumber,
  libreswanBareNumber,
];
