import { OPENSWAN_STRING_CONN_KEYS } from '../../knowledge/ipsecConf/openswanStorage';
import { defineRule } from '../rule';
import { reportBareNumbers } from './bareNumber';
import { everyTarget } from './dialectParsers';
import { dialectTargets } from './dialectView';
import { openswanConfreadProblem } from './values/openswanConfread';

/** Checked against addconn 2.6.52.3. */
export const openswanBareNumber = defineRule({
  code: 'openswan-bare-number',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'Openswan reads a bare number where it needs text',
  description:
    "Openswan 2.6's scanner takes a value of only digits (and `%forever`) as a number, not as text. A text setting of a conn given one (`leftid=5`, `leftprotoport=17`, `ike=3`) is left without a value and Openswan refuses the conn; a conn named only by digits (`conn 5`) stops the whole file. Quote the value (`leftprotoport=\"17\"`) or give the conn a name with a letter in it. Only reported when the gateway is written for Openswan (Libreswan 4 does the same: `libreswan-bare-number`); in `conn %default` the setting is only dropped, so it is not reported there.",
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    if (!everyTarget(targets, (t) => t.dialect === 'openswan')) return;
    reportBareNumbers(document, targets[0], { label: 'Openswan', textKeys: OPENSWAN_STRING_CONN_KEYS, otherProblem: openswanConfreadProblem }, report);
  },
});
