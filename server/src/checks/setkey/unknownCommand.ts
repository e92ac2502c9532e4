import { SETKEY_SYNTAX } from '../../parsing/setkey/parser';
import { syntaxRule } from '../rule';

export const setkeyUnknownCommand = syntaxRule({
  code: SETKEY_SYNTAX.unknownCommand,
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A statement does not start with a setkey command',
  description:
    'Every statement starts with one of `add`, `get`, `delete`, `deleteall`, `flush`, `dump`, `spdadd`, `spdupdate`, `spddelete`, `spdflush` or `spddump`, and setkey stops at the first word it does not know. Fix the spelling, or remove shell lines such as `setkey -c <<EOF` and `EOF`: a file read with `setkey -f` holds setkey statements only. (In a script whose first line names a shell, such as `#!/bin/sh`, those lines are expected and left alone.)',
});
