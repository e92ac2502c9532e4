import { defineRule } from '../rule';
import { hasSyntaxProblem } from './select';

export const setkeyIncompletePolicy = defineRule({
  code: 'setkey-incomplete-policy',
  fileKinds: ['setkey'],
  defaultSeverity: 'warning',
  title: 'A policy has no action, or ipsec without requests',
  description:
    '`spdadd … -P out;` is accepted, but with no action the kernel gets policy type 0, which is `discard`: the traffic is dropped. `-P out ipsec;` with no `protocol/mode/src-dst/level` request protects nothing. Write the action, and for ipsec at least one request, e.g. `-P out ipsec esp/transport//require;`. (`spddelete` needs only the direction.)',
  check(document, report) {
    for (const statement of document.ast.statements) {
      const policy = statement.policy;
      if (!policy?.direction || statement.name === 'spddelete' || hasSyntaxProblem(document.ast, statement.span)) continue;
      if (!policy.action) {
        report({ span: policy.direction.span, message: `-P ${policy.direction.text} has no action, so the kernel installs a discard policy: write discard, none or ipsec … explicitly` });
      } else if (policy.action.text === 'ipsec' && policy.requests.length === 0) {
        report({ span: policy.action.span, message: 'ipsec without a request protects nothing: add one, e.g. esp/transport//require' });
      }
    }
  },
});
