import { defineRule } from '../rule';
import { PSK_PLACEHOLDER } from '../workspace/racoonPskEntry';

export const pskPlaceholderKey = defineRule({
  code: 'psk-placeholder-key',
  fileKinds: ['racoon-psk'],
  defaultSeverity: 'warning',
  title: 'A psk.txt line still holds the placeholder key',
  description: `The quick fix for a missing psk.txt line writes \`${PSK_PLACEHOLDER}\` where the key goes. racoon would use that text as the key, and the peer does not have it: put in the key agreed with the peer. In the editor, the quick fix writes a new random 32-byte key in hex, made only when asked for; the peer must then hold the same key.`,
  check(document, report) {
    for (const entry of document.ast.entries) {
      if (entry.key?.text === PSK_PLACEHOLDER) report({ span: entry.key.span, message: 'this key is still the placeholder the quick fix wrote: replace it with the key agreed with the peer' });
    }
  },
});
