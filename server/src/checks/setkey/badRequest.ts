import { namesOf, REQUEST_MODES, REQUEST_PROTOCOLS } from '../../knowledge/setkey';
import type { IpsecRequest, SetkeyStatement } from '../../parsing/setkey/ast';
import { closestName } from '../../text/editDistance';
import { defineRule } from '../rule';
import { policyRequests } from './select';

const PROTOCOLS = namesOf(REQUEST_PROTOCOLS);
const MODES = namesOf(REQUEST_MODES);

export const setkeyBadRequest = defineRule({
  code: 'setkey-bad-request',
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'An ipsec request of a policy is malformed',
  description:
    'Each request after `ipsec` reads `protocol/mode/src-dst/level`: protocol `esp`, `ah` or `ipcomp`; mode `transport` or `tunnel` (`any` is only for `-m` of an SA); the endpoints `src-dst` as two numeric addresses joined by one `-` (optionally both with a `[port]`), or, in transport mode, `me-any` in an out policy and `any-me` in an in policy. setkey refuses the policy otherwise. Fix the field the message names.',
  check(document, report) {
    for (const { statement, request } of policyRequests(document.ast)) {
      const problem = requestProblem(statement, request);
      if (problem) report({ span: problem.span, message: `"${request.text}": ${problem.message}` });
    }
  },
});

function requestProblem(statement: SetkeyStatement, request: IpsecRequest): { span: IpsecRequest['span']; message: string } | undefined {
  const { protocolPart, modePart, endpointsPart } = request;
  if (request.slashes > 3) return { span: request.span, message: 'a request has at most three "/": protocol/mode/src-dst/level' };
  if (!PROTOCOLS.includes(request.protocol)) {
    const guess = closestName(request.protocol, PROTOCOLS);
    return { span: protocolPart.span, message: `the protocol must be esp, ah or ipcomp${guess ? ` (did you mean "${guess}"?)` : ''}` };
  }
  if (!modePart || request.mode === '') return { span: request.span, message: 'a request needs at least protocol/mode, e.g. esp/transport//require' };
  if (!MODES.includes(request.mode)) {
    const hint = request.mode === 'any' ? ': "any" is only for the -m of an SA' : '';
    return { span: modePart.span, message: `the mode must be transport or tunnel${hint}` };
  }
  if (!endpointsPart || request.endpoints === '') return undefined;
  return endpointsProblem(statement, request, endpointsPart);
}

function endpointsProblem(statement: SetkeyStatement, request: IpsecRequest, endpointsPart: NonNullable<IpsecRequest['endpointsPart']>): { span: IpsecRequest['span']; message: string } | undefined {
  const { tunnelSource, tunnelDestination } = request;
  if (!tunnelSource || !tunnelDestination) {
    return { span: endpointsPart.span, message: 'the endpoints are two numeric addresses joined by a single "-", e.g. 192.0.2.1-198.51.100.1' };
  }
  const words = `${tunnelSource.host.text}-${tunnelDestination.host.text}`;
  const direction = statement.policy?.direction?.text;
  if (words === 'me-any' && direction !== 'out') return { span: endpointsPart.span, message: '"me-any" is only allowed in an out policy' };
  if (words === 'any-me' && direction !== 'in') return { span: endpointsPart.span, message: '"any-me" is only allowed in an in policy' };
  const special = (host: string): boolean => host === 'me' || host === 'any';
  if (words !== 'me-any' && words !== 'any-me' && (special(tunnelSource.host.text) || special(tunnelDestination.host.text))) {
    return { span: endpointsPart.span, message: '"me" and "any" only come as the pairs me-any and any-me' };
  }
  if ((tunnelSource.port === undefined) !== (tunnelDestination.port === undefined)) {
    return { span: endpointsPart.span, message: 'give a [port] to both endpoints or to neither' };
  }
  return undefined;
}
