import { namesOf, REQUEST_LEVELS } from '../../knowledge/setkey';
import { closestName } from '../../text/editDistance';
import { defineRule } from '../rule';
import { policyRequests } from './select';

const LEVELS = namesOf(REQUEST_LEVELS);

export const setkeyBadLevel = defineRule({
  code: 'setkey-bad-level',
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'The level of an ipsec request is not one setkey knows',
  description:
    'The last field of `protocol/mode/src-dst/level` is `default`, `use`, `require` or `unique`, optionally `unique:id` with a decimal id that matches the `-u id` of a manually added SA. Anything else, or `//` followed by nothing, makes setkey refuse the policy. `require` is what most setups want.',
  check(document, report) {
    for (const { request } of policyRequests(document.ast)) {
      const level = request.levelPart;
      if (!level || request.slashes > 3) continue;
      const message = levelProblem(level.text, request.endpoints);
      if (message) report({ span: level.text === '' ? request.span : level.span, message: `"${request.text}": ${message}` });
    }
  },
});

function levelProblem(level: string, endpoints: string): string | undefined {
  if (LEVELS.includes(level)) return undefined;
  if (level === '') return endpoints === '' ? 'nothing follows "//": write a level, e.g. esp/transport//require' : undefined;
  if (level.startsWith('unique:')) return /^[0-9]+$/.test(level.slice(7)) ? undefined : 'the id after "unique:" must be a decimal number';
  const guess = closestName(level, LEVELS);
  return `the level must be default, use, require or unique${guess ? ` (did you mean "${guess}"?)` : ''}`;
}
