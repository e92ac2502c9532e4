import { PSK_SYNTAX } from '../../parsing/psk/parser';
import { syntaxRule } from '../rule';

export const pskMalformedEntry = syntaxRule({
  code: PSK_SYNTAX.malformedEntry,
  fileKinds: ['racoon-psk'],
  defaultSeverity: 'error',
  title: 'A psk.txt line has an identifier but no key',
  description:
    'Each line of psk.txt is an identifier (address, FQDN, user@FQDN or key id), blanks, then the key. racoon silently skips a line without a key, so the peer\'s negotiation fails with no key found. Add the key after a space or tab, or delete the line.',
});
