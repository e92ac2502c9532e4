import { SETKEY_COMMANDS } from '../../knowledge/setkey';
import { defineRule } from '../rule';
import { namedAlgorithms } from './algorithms';

export const setkeyPlatformSpecific = defineRule({
  code: 'setkey-platform-specific',
  fileKinds: ['setkey'],
  defaultSeverity: 'info',
  title: 'A word only some setkey builds know',
  description:
    'A few algorithms (`aes-gcm-16`, `tcp-md5`) exist only in the FreeBSD and NetBSD setkey, and `getspi` only in the maintained ipsec-tools fork. The ipsec-tools setkey shipped by Linux distributions stops with a syntax error on them. Nothing to do if the file is meant for such a system; otherwise pick a word every setkey knows.',
  check(document, report) {
    for (const { name, algorithm } of namedAlgorithms(document.ast)) {
      if (algorithm?.availability === 'bsd') report({ span: name.span, message: `${name.text} is known to the FreeBSD and NetBSD setkey only; ipsec-tools on Linux rejects it` });
    }
    for (const statement of document.ast.statements) {
      if (statement.name && SETKEY_COMMANDS[statement.name].availability === 'fork') {
        report({ span: statement.command.span, message: `${statement.command.text} is known to the maintained ipsec-tools fork only; ipsec-tools 0.8 rejects it` });
      }
    }
  },
});
