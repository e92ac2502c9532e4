import { closestName } from '../../text/editDistance';
import { defineRule } from '../rule';
import { suppressionDirectives } from '../suppression';

/** The rule, given every rule's code: the registry makes it, since it holds them all (this rule's own among them). */
export const makeSuppressionUnknownRule = (ruleCodes: () => readonly string[]) => defineRule({
  code: 'suppression-unknown-rule',
  fileKinds: ['ipsec', 'ipsec-secrets', 'racoon', 'racoon-psk', 'setkey'],
  defaultSeverity: 'warning',
  title: 'A suppression comment names no rule',
  description:
    "`# ipsec-lint-disable` and `# ipsec-lint-disable-next-line` silence the rules they name; a code that names no rule (a typo, or a code from another linter) silences nothing, so the finding meant to be silenced still shows and the comment misleads the next reader. Use the rule's code as the diagnostic shows it (`ipsec-lint --list-rules` prints them all); the quick fix puts in the closest one.",
  check(document, report) {
    const directives = suppressionDirectives(document.source);
    if (directives.length === 0) return;
    const codes = ruleCodes();
    for (const directive of directives) {
      for (const code of directive.codes) {
        if (codes.includes(code.text)) continue;
        const closest = closestName(code.text, codes);
        report({
          span: code.span,
          message: `"${code.text}" is no ipsec-lint rule, so this comment silences nothing: ${closest ? `did you mean "${closest}"?` : 'name a rule by the code its findings show (`ipsec-lint --list-rules` lists them)'}`,
          fixes: closest ? [{ title: `Change to "${closest}"`, edits: [{ range: document.source.rangeOf(code.span), newText: closest }] }] : undefined,
        });
      }
    }
  },
});
