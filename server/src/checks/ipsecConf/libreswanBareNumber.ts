import { LIBRESWAN_4_STRING_CONN_KEYS } from '../../knowledge/ipsecConf/libreswan4Storage';
import { defineRule } from '../rule';
import { reportBareNumbers } from './bareNumber';
import { everyTarget, isLibreswan4 } from './dialectParsers';
import { dialectTargets } from './dialectView';
import { confreadProblem } from './values/confread';

/** The scanner of every 4.x tag (parser.l, parser.lex) has the number token; seen with Debian's addconn 4.10. Libreswan 5 reads values as text. */
export const libreswanBareNumber = defineRule({
  code: 'libreswan-bare-number',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'Libreswan 4 reads a bare number where it needs text',
  description:
    "Libreswan 4's scanner, like Openswan's, takes a value of only digits (and `%forever`) as a number, not as text. A text setting of a conn given one (`leftid=5`, `leftprotoport=17`, `mark=5`, `leftsubnet=10`) is left without a value, and addconn refuses the conn when it is added (\"while loading 'name': Invalid id value\"; `--checkconfig` only prints it); a conn named only by digits (`conn 5`) stops the whole file (\"syntax error\"). Quote the value (`mark=\"5\"`) or give the conn a name with a letter in it. Only reported when the gateway is pinned to Libreswan 4 (Libreswan 5 reads these as text); in `conn %default` the setting is only dropped, so it is not reported there.",
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    if (!everyTarget(targets, isLibreswan4)) return;
    const target = targets[0];
    reportBareNumbers(document, target, { label: 'Libreswan 4', textKeys: LIBRESWAN_4_STRING_CONN_KEYS, otherProblem: (keyword, value) => confreadProblem(keyword, value, target) }, report);
  },
});
