import { LEVELS, MODES, REQUEST_PROTOCOLS } from '../../knowledge/setkey';
import { defineRule } from '../rule';
import { addressProblem } from './badAddress';

export const setkeyBadRequest = defineRule({
  code: 'setkey-bad-request',
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'An ipsec request of a policy is malformed',
  description:
    'Each request reads `protocol/mode/src-dst/level`: protocol esp, ah or ipcomp; mode transport, tunnel or any; the tunnel endpoints `src-dst`, required in tunnel mode and empty in transport mode; level default, use, require or unique (optionally `unique:id`).',
  check(document, report) {
    for (const statement of document.ast.statements) {
      for (const request of statement.policy?.requests ?? []) {
        const say = (message: string): void => report({ span: request.token.span, message: `"${request.token.text}": ${message}` });
        if (!(REQUEST_PROTOCOLS as readonly string[]).includes(request.protocol)) say(`the protocol must be esp, ah or ipcomp, not "${request.protocol}"`);
        else if (!(MODES as readonly string[]).includes(request.mode)) say(`the mode must be transport, tunnel or any, not "${request.mode}"`);
        else if (request.mode === 'tunnel' && !/^[^-]+-[^-]+$|^\[?[0-9a-fA-F:.]+\]?-\[?[0-9a-fA-F:.]+\]?$/.test(request.endpoints)) say('tunnel mode needs its endpoints as src-dst, e.g. esp/tunnel/192.0.2.1-198.51.100.1/require');
        else if (request.level !== '' && !(LEVELS as readonly string[]).includes(request.level.split(':')[0])) say(`the level must be default, use, require or unique, not "${request.level}"`);
        else if (request.mode === 'tunnel') {
          const bad = request.endpoints.split('-').map(addressProblem).find((p) => p !== undefined);
          if (bad) say(`a tunnel endpoint ${bad}`);
        }
      }
    }
  },
});
