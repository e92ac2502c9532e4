import { meaningOf } from '../../parsing/racoon/resolve';
import { racoonStatements } from '../../parsing/racoon/walk';
import { defineRule } from '../rule';

const MIN_NONCE = 8;
const MAX_NONCE = 256;

export const racoonNonceSize = defineRule({
  code: 'racoon-nonce-size',
  fileKinds: ['racoon'],
  defaultSeverity: 'warning',
  title: 'nonce_size is outside the 8 to 256 bytes IKE allows',
  description:
    'RFC 2409 requires a nonce of 8 to 256 bytes. racoon sends whatever size you configure, but peers that follow the RFC reject the exchange. Use a value in range; the default of 16 is a good choice.',
  check(document, report) {
    for (const { statement } of racoonStatements(document.ast)) {
      const meaning = meaningOf(statement);
      if (meaning.kind !== 'known' || meaning.directive.name !== 'nonce_size') continue;
      const value = meaning.args[0];
      if (!value || value.kind !== 'word' || !/^\d+$/.test(value.text)) continue;
      const size = Number(value.text);
      if (size >= MIN_NONCE && size <= MAX_NONCE) continue;
      report({ span: value.span, message: `A nonce of ${value.text} bytes is outside the 8–256 bytes peers accept: use a value in range, such as 16.` });
    }
  },
});
