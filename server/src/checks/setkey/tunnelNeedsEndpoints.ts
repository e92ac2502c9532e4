import { defineRule } from '../rule';
import { policyRequests } from './select';

export const setkeyTunnelNeedsEndpoints = defineRule({
  code: 'setkey-tunnel-needs-endpoints',
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A tunnel-mode request has no tunnel endpoints',
  description:
    'In tunnel mode the kernel must know which gateways the tunnel runs between, so a request such as `esp/tunnel//require` is refused ("Invalid address specification"), and so is `me-any` or `any-me`, which name no address. Write the endpoints between the second and third slash, local gateway first for an out policy: `esp/tunnel/192.0.2.1-198.51.100.1/require`.',
  check(document, report) {
    for (const { request } of policyRequests(document.ast)) {
      if (request.mode !== 'tunnel') continue;
      // `me-any` and `any-me` name no address (policy_parse.y sets none), and rule_check refuses tunnel mode without one.
      if (request.endpoints === 'me-any' || request.endpoints === 'any-me') {
        report({ span: request.endpointsPart?.span ?? request.span, message: `"${request.text}": ${request.endpoints} gives no tunnel endpoints, and setkey refuses tunnel mode without them ("Invalid address specification"); write the two gateway addresses` });
        continue;
      }
      if (request.endpoints !== '') continue;
      const empty = request.endpointsPart?.span;
      // The empty field itself has no width: point at the slashes around it.
      const span = empty ? { start: empty.start - 1, end: Math.min(empty.end + 1, request.span.end) } : request.span;
      report({ span, message: `"${request.text}": tunnel mode needs the endpoints as src-dst, e.g. esp/tunnel/192.0.2.1-198.51.100.1/require` });
    }
  },
});
