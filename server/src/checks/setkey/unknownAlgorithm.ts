import { ALGORITHM_FLAGS } from '../../knowledge/setkey';
import { closestName } from '../../text/editDistance';
import { defineRule } from '../rule';
import { namedAlgorithms } from './algorithms';

const KIND = { '-E': 'encryption', '-A': 'authentication', '-C': 'compression' } as const;

export const setkeyUnknownAlgorithm = defineRule({
  code: 'setkey-unknown-algorithm',
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'An algorithm name is not one setkey knows',
  description:
    'setkey only accepts the algorithm names of its own list after `-E`, `-A` and `-C` (for instance `aes-cbc`, `3des-cbc`, `hmac-sha1`, `hmac-sha256`, `deflate`) and stops with a syntax error on any other word, including names it dropped long ago such as `rc5-cbc`. Use a name from the list; completion offers them.',
  check(document, report) {
    for (const { flag, name, algorithm } of namedAlgorithms(document.ast)) {
      if (algorithm && algorithm.availability !== 'retired') continue;
      const kind = KIND[flag];
      if (algorithm) {
        report({ span: name.span, message: `${name.text}: ${algorithm.doc} Choose another ${kind} algorithm` });
        continue;
      }
      const candidates = ALGORITHM_FLAGS[flag].algorithms.filter((a) => a.availability !== 'retired').map((a) => a.name);
      const guess = closestName(name.text, candidates);
      report({ span: name.span, message: `"${name.text}" is not an ${kind} algorithm setkey knows${guess ? `: did you mean "${guess}"?` : ''}` });
    }
  },
});
