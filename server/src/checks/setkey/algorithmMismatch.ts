import { isSaProtocol, SA_PROTOCOLS } from '../../knowledge/setkey';
import type { SetkeyStatement } from '../../parsing/setkey/ast';
import { defineRule, type Reporter } from '../rule';

export const setkeyAlgorithmMismatch = defineRule({
  code: 'setkey-algorithm-mismatch',
  fileKinds: ['setkey'],
  defaultSeverity: 'warning',
  title: 'The algorithms of an SA do not suit its protocol',
  description:
    'ESP takes `-E` (and optionally `-A`), AH takes `-A`, IPComp takes `-C`, and a tcp SA takes `-A tcp-md5`. Some algorithms belong to one protocol variant: `des-32iv` to esp-old, `des-deriv` to esp. A replay window (`-r`) cannot be used with ah-old or esp-old. setkey or the kernel refuses such an SA; give the protocol the algorithms it uses. The three setkey itself refuses (`des-32iv` outside esp-old, `des-deriv` with esp-old, `-r` with an old protocol) are errors.',
  check(document, report) {
    for (const statement of document.ast.statements) {
      if (statement.name === 'add') checkStatement(statement, report);
    }
  },
});

function checkStatement(statement: SetkeyStatement, report: Reporter): void {
  const sa = statement.sa;
  const protocolToken = sa?.protocol;
  if (!sa || !protocolToken || !isSaProtocol(protocolToken.text)) return;
  const protocol = SA_PROTOCOLS[protocolToken.text];
  for (const spec of sa.algorithms) {
    const flag = spec.flag.text as '-E' | '-A' | '-C';
    if (!protocol.algorithmFlags.includes(flag)) {
      report({ span: spec.flag.span, message: `${protocol.name} does not take ${flag}: it takes ${protocol.algorithmFlags.join(' and ')}` });
    }
  }
  if ((protocol.name === 'esp' || protocol.name === 'esp-old' || protocol.name === 'esp-udp') && sa.algorithms.length > 0 && sa.algorithms[0].flag.text === '-A') {
    report({ span: sa.algorithms[0].flag.span, message: `an ${protocol.name} SA needs an encryption algorithm: start with -E (use -E null for integrity only)` });
  }
  for (const spec of sa.algorithms) {
    const name = spec.name?.text;
    // setkey's parser itself refuses these two and -r below ("algorithm mismatched", "replay prevention cannot be used").
    if (name === 'des-32iv' && protocol.name !== 'esp-old') report({ span: spec.name?.span ?? spec.flag.span, message: 'des-32iv works with esp-old only: setkey refuses it', severity: 'error' });
    if (name === 'des-deriv' && protocol.old) report({ span: spec.name?.span ?? spec.flag.span, message: 'des-deriv does not work with esp-old: setkey refuses it', severity: 'error' });
    if (name === 'tcp-md5' && protocol.name !== 'tcp') report({ span: spec.name?.span ?? spec.flag.span, message: 'tcp-md5 is for tcp SAs only' });
  }
  if (protocol.old) {
    const replay = sa.extensions.find((extension) => extension.flag.text === '-r');
    if (replay) report({ span: replay.flag.span, message: `${protocol.name} has no replay protection: setkey refuses -r here; remove it`, severity: 'error' });
  }
}
