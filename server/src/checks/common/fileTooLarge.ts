import { isTooLargeToCheck, MAX_CHECKED_LENGTH, megabytes } from '../../model/sizeLimits';
import { defineRule } from '../rule';

export const fileTooLarge = defineRule({
  code: 'file-too-large',
  fileKinds: ['ipsec', 'ipsec-secrets', 'racoon', 'racoon-psk', 'setkey'],
  defaultSeverity: 'warning',
  title: 'The file is too large to be checked',
  description: `A file of more than ${megabytes(MAX_CHECKED_LENGTH)} is neither parsed nor checked, in the editor or by ipsec-lint: its parse tree alone would take hundreds of megabytes and could exhaust Node's heap. The daemon may read it all the same; nothing in it was judged. Hand-written configuration comes nowhere near this size; a generated file this large is best checked in parts.`,
  check(document, report) {
    const { text } = document.source;
    if (!isTooLargeToCheck(text)) return;
    report({ span: { start: 0, end: 0 }, message: `this file is ${megabytes(text.length)}, more than the ${megabytes(MAX_CHECKED_LENGTH)} that are checked: nothing in it was checked; split it into smaller files (read through include, where the daemon has one) to have it checked` });
  },
});
