import type { AddressSpec } from '../../parsing/setkey/ast';
import { familyOf } from '../../parsing/setkey/values';
import { defineRule, type Reporter } from '../rule';
import { policyRequests } from './select';

const NAMES = { ipv4: 'IPv4', ipv6: 'IPv6' } as const;

export const setkeyFamilyMismatch = defineRule({
  code: 'setkey-family-mismatch',
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'An IPv4 address is paired with an IPv6 address',
  description:
    'The source and destination of a policy or SA, and the two endpoints of a tunnel, must be of the same address family. setkey installs nothing for an IPv4/IPv6 pair (for a policy it fails; in a request libipsec reports a family mismatch). Use two IPv4 or two IPv6 addresses. The selectors and the tunnel endpoints of one policy may differ: IPv6 traffic can travel in an IPv4 tunnel.',
  check(document, report) {
    for (const { sa, policy } of document.ast.statements) {
      comparePair(sa?.source, sa?.destination, 'source', 'destination', report);
      comparePair(policy?.source, policy?.destination, 'source range', 'destination range', report);
    }
    for (const { request } of policyRequests(document.ast)) {
      comparePair(request.tunnelSource, request.tunnelDestination, 'tunnel source', 'tunnel destination', report);
    }
  },
});

function comparePair(first: AddressSpec | undefined, second: AddressSpec | undefined, firstRole: string, secondRole: string, report: Reporter): void {
  if (!first || !second) return;
  const a = familyOf(first.host.text);
  const b = familyOf(second.host.text);
  if (!a || !b || a === b) return;
  report({
    span: second.span,
    message: `the ${firstRole} "${first.text}" is ${NAMES[a]} but the ${secondRole} "${second.text}" is ${NAMES[b]}: use addresses of one family`,
  });
}
